import { PublicErrorCode } from '../../common/domain-error.js';
import type { ModuleManifest } from '../../core/module.js';
import { recycleBinNodes } from './recycle-bin.nodes.js';
import { RecycleBinErrorCode } from './recycle-bin.errors.js';
import { RecycleBinResolver } from './recycle-bin.resolver.js';

/** The recycle bin: purges wait PURGE_DELAY_DAYS (cancellable) before the retention sweep carries them out (issue 21 part 3). */
export const recycleBinModule: ModuleManifest = {
  name: 'recycle-bin',
  nodes: recycleBinNodes,
  resolvers: [RecycleBinResolver],
  errors: {
    [RecycleBinErrorCode.ALREADY_SCHEDULED]: PublicErrorCode.INVALID_STATE,
    [RecycleBinErrorCode.NOT_SCHEDULED]: PublicErrorCode.NOT_FOUND,
  } satisfies Record<RecycleBinErrorCode, PublicErrorCode>,
};
