import { DomainError } from '../common/domain-error.js';
import { Action } from './policy.js';

/**
 * Four-eyes operations: the ones an organization may require a second person for
 * (APPROVAL_REQUIRED), plus the immediate purge, which always needs one. The operation's
 * own service asks `requireFourEyes` first; it refuses with APPROVAL_REQUIRED unless the
 * call is the run of an approved request for exactly this operation (modules/approval
 * sets `ctx.approval` on its job's context and nowhere else).
 */
export enum FourEyesOperation {
  /** Purge a customer now, skipping the recycle bin's countdown. */
  PURGE_NOW = 'PURGE_NOW',
  ERASE_PERSONAL_DATA = 'ERASE_PERSONAL_DATA',
  /** Archiving APPROVAL_BULK_ARCHIVE_MIN customers or more in one call. */
  ARCHIVE_CUSTOMERS = 'ARCHIVE_CUSTOMERS',
  /** Restoring archived customers when one of them is under legal hold. */
  RESTORE_HELD = 'RESTORE_HELD',
  /** Turning an archive policy on (it then moves records on its schedule). */
  ENABLE_ARCHIVE_POLICY = 'ENABLE_ARCHIVE_POLICY',
  ROTATE_ENCRYPTION_KEYS = 'ROTATE_ENCRYPTION_KEYS',
}

/** The action a person needs to request, approve or reject each operation (besides the
 * approval actions themselves): whoever approves must be able to do it alone. */
export const FOUR_EYES_ACTION: Record<FourEyesOperation, Action> = {
  [FourEyesOperation.PURGE_NOW]: Action.CUSTOMER_PURGE,
  [FourEyesOperation.ERASE_PERSONAL_DATA]: Action.CUSTOMER_ERASE,
  [FourEyesOperation.ARCHIVE_CUSTOMERS]: Action.CUSTOMER_ARCHIVE,
  [FourEyesOperation.RESTORE_HELD]: Action.CUSTOMER_RESTORE,
  [FourEyesOperation.ENABLE_ARCHIVE_POLICY]: Action.POLICY_WRITE,
  [FourEyesOperation.ROTATE_ENCRYPTION_KEYS]: Action.ENCRYPTION_KEYS_ROTATE,
};

export const ALWAYS_FOUR_EYES: readonly FourEyesOperation[] = [FourEyesOperation.PURGE_NOW];

export enum FourEyesErrorCode {
  APPROVAL_REQUIRED = 'APPROVAL_REQUIRED',
}

interface GateContext {
  config: { APPROVAL_REQUIRED: readonly string[]; APPROVAL_BULK_ARCHIVE_MIN: number };
  approval?: { operation: string };
}

/** Whether the organization requires a second person for the operation (of this size). */
export function needsApproval(config: GateContext['config'], operation: FourEyesOperation, size = 1): boolean {
  if (ALWAYS_FOUR_EYES.includes(operation)) return true;
  if (!config.APPROVAL_REQUIRED.includes(operation)) return false;
  return operation !== FourEyesOperation.ARCHIVE_CUSTOMERS || size >= config.APPROVAL_BULK_ARCHIVE_MIN;
}

/** Refuses an operation that needs approval, unless this is its approved run. */
export function requireFourEyes(ctx: GateContext, operation: FourEyesOperation, size = 1): void {
  if (ctx.approval?.operation === operation) return;
  if (needsApproval(ctx.config, operation, size)) {
    throw new DomainError(
      FourEyesErrorCode.APPROVAL_REQUIRED,
      `${operation} needs a second person: ask for it with requestApproval; nothing was changed`,
      [{ field: 'operation', message: 'needs a second person' }],
    );
  }
}
