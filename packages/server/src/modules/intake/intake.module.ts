import { PublicErrorCode } from '../../common/domain-error.js';
import type { ModuleManifest } from '../../core/module.js';
import { CustomerEntryResolver } from './customer-entry.resolver.js';
import { CustomerImportResolver } from './import.resolver.js';
import { CustomerImportReviewResolver } from './import-review.resolver.js';
import { registerImportRoute } from './import.http.js';
import { importCustomersHandler } from './import.job.js';
import { undoCustomerImportHandler } from './import-undo.job.js';
import { IntakeErrorCode } from './intake.errors.js';

/** Clean at the gate: customers entered by hand or imported pass the duplicate rules. */
export const intakeModule: ModuleManifest = {
  name: 'intake',
  resolvers: [CustomerEntryResolver, CustomerImportResolver, CustomerImportReviewResolver],
  errors: {
    [IntakeErrorCode.DUPLICATE_BLOCKED]: PublicErrorCode.CONFLICT,
    [IntakeErrorCode.IMPORT_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
    [IntakeErrorCode.IMPORT_INVALID_STATE]: PublicErrorCode.INVALID_STATE,
  } satisfies Record<IntakeErrorCode, PublicErrorCode>,
  jobs: [importCustomersHandler, undoCustomerImportHandler],
  routes: registerImportRoute,
};
