import { archiveNodes } from './archive.nodes.js';
import { PublicErrorCode } from '../../common/domain-error.js';
import type { ModuleManifest } from '../../core/module.js';
import { SqlExecutor } from '../../db/sql.js';
import { ArchiveErrorCode } from './archive.errors.js';
import { ArchivedInteractionResolver, ArchiveResolver } from './archive.resolver.js';
import { verifyArchiveRows } from './archive.store.js';

/** The archive store: archive, restore, archived reads, and the purge itself (scheduled by modules/recycle-bin). */
export const archiveModule: ModuleManifest = {
  name: 'archive',
  resolvers: [ArchiveResolver, ArchivedInteractionResolver],
  nodes: archiveNodes,
  errors: {
    [ArchiveErrorCode.NOT_FOUND]: PublicErrorCode.NOT_FOUND,
    [ArchiveErrorCode.INTEGRITY]: PublicErrorCode.INVALID_STATE,
    [ArchiveErrorCode.LEGAL_HOLD]: PublicErrorCode.INVALID_STATE,
    [ArchiveErrorCode.CONFIRMATION_MISMATCH]: PublicErrorCode.BAD_USER_INPUT,
    [ArchiveErrorCode.TOO_MANY_IDS]: PublicErrorCode.BAD_USER_INPUT,
  } satisfies Record<ArchiveErrorCode, PublicErrorCode>,
  commands: [
    {
      name: 'archive:verify',
      summary: "re-compute every archived row's checksum; exit 1 on a mismatch",
      async run({ database }) {
        const result = await verifyArchiveRows(new SqlExecutor((await database()).orm.em.fork()));
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return result.ok;
      },
    },
  ],
};
