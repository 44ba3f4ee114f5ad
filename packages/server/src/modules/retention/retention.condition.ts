import type { Params } from '../../db/sql.js';

/**
 * Archived customers (`archive.customer c`) a retention sweep may purge: kept past their
 * `retain_until` as of the sweep's fixed cut-off, and not under legal hold. Preview and
 * run share this one condition, so the run removes exactly what the preview counted
 * (minus anything restored or put on hold in between).
 */
export function expiredCondition(asOf: string, params: Params): string {
  return `c.retain_until < ${params.add(asOf, 'timestamptz')} and not c.legal_hold`;
}

/** Past retention but held: what the preview reports as kept because of a hold. */
export function heldCondition(asOf: string, params: Params): string {
  return `c.retain_until < ${params.add(asOf, 'timestamptz')} and c.legal_hold`;
}
