import { backupNodes } from './backup.nodes.js';
import { ConfigError } from '../../config.js';
import { PublicErrorCode } from '../../common/domain-error.js';
import type { ModuleManifest } from '../../core/module.js';
import { backupCreateCommand, backupExpireCommand, backupListCommand, backupRestoreCommand, backupVerifyCommand } from './backup.cli.js';
import { BackupErrorCode } from './backup.errors.js';
import { backupDrillHandler, backupHandler } from './backup.job.js';
import { BackupResolver } from './backup.resolver.js';
import { backupSchedules } from './backup.service.js';

const needsFile = (command: string, file: string | undefined): string => {
  if (!file) throw new ConfigError(`${command} needs --file <backup file>`);
  return file;
};

/** Encrypted backups, restore drills and restores. The commands open the database
 * themselves (a restore first brings an empty one to the backup's schema). */
export const backupModule: ModuleManifest = {
  name: 'backup',
  resolvers: [BackupResolver],
  nodes: backupNodes,
  errors: {
    [BackupErrorCode.NOT_FOUND]: PublicErrorCode.NOT_FOUND,
    [BackupErrorCode.CORRUPT]: PublicErrorCode.INVALID_STATE,
    [BackupErrorCode.NEWER_VERSION]: PublicErrorCode.INVALID_STATE,
    [BackupErrorCode.TARGET_NOT_EMPTY]: PublicErrorCode.INVALID_STATE,
  } satisfies Record<BackupErrorCode, PublicErrorCode>,
  jobs: [backupHandler, backupDrillHandler],
  schedules: (config) => backupSchedules(config),
  commands: [
    {
      name: 'backup:create',
      args: '[--reason R]',
      summary: 'write a backup now (then apply the retention rule)',
      options: ['reason'],
      run: ({ options, config, say }) => backupCreateCommand(config, options.reason, say),
    },
    { name: 'backup:list', summary: 'list finished backups', run: async ({ config }) => backupListCommand(config) },
    {
      name: 'backup:restore',
      args: '--file F',
      summary: 'restore a backup into the configured database (it must be empty)',
      options: ['file'],
      run: ({ options, config, say }) => backupRestoreCommand(config, needsFile('backup:restore', options.file), say),
    },
    {
      name: 'backup:verify',
      args: '--file F',
      summary: 'restore drill into a scratch database; exit 1 on any difference',
      options: ['file'],
      run: ({ options, config, say }) => backupVerifyCommand(config, needsFile('backup:verify', options.file), say),
    },
    {
      name: 'backup:expire',
      args: '--id ID',
      summary: 'hand a manual backup over to the retention rule (it is kept until then)',
      options: ['id'],
      async run({ options, config, say }) {
        if (!options.id) throw new ConfigError('backup:expire needs --id <backup id>');
        await backupExpireCommand(config, options.id, say);
      },
    },
  ],
};
