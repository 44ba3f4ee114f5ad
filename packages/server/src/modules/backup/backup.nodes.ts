import type { NodeSource } from '../../graphql/node.js';
import { inIdOrder } from '../../graphql/node.js';
import { getBackups } from './backup.service.js';

/** As `backups` lists them (BACKUP_MANAGE); backups are files, listed once per call. */
export const backupNodes: readonly NodeSource[] = [{ type: 'Backup', load: async (ctx, ids) => inIdOrder(ids, getBackups(ctx)) }];
