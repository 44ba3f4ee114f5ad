import { PublicErrorCode } from '../../common/domain-error.js';
import type { ModuleManifest } from '../../core/module.js';
import { ExportErrorCode } from './export.errors.js';
import { ExportResolver } from './export.resolver.js';

/** Excel/CSV exports through signed download links (the HTTP route is in export.http.ts). */
export const exportModule: ModuleManifest = {
  name: 'export',
  resolvers: [ExportResolver],
  errors: {
    [ExportErrorCode.LINK_INVALID]: PublicErrorCode.NOT_FOUND,
    [ExportErrorCode.FILTER_MISMATCH]: PublicErrorCode.BAD_USER_INPUT,
  } satisfies Record<ExportErrorCode, PublicErrorCode>,
};
