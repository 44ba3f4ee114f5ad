import { PublicErrorCode } from '../../common/domain-error.js';
import type { ModuleManifest } from '../../core/module.js';
import { CustomerEntryResolver } from './customer-entry.resolver.js';
import { IntakeErrorCode } from './intake.errors.js';

/** Clean at the gate: customers entered by hand or imported pass the duplicate rules. */
export const intakeModule: ModuleManifest = {
  name: 'intake',
  resolvers: [CustomerEntryResolver],
  errors: {
    [IntakeErrorCode.DUPLICATE_BLOCKED]: PublicErrorCode.CONFLICT,
  } satisfies Record<IntakeErrorCode, PublicErrorCode>,
};
