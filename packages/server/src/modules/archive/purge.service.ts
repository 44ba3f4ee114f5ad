import type { RequestContext } from '../../core/context.js';
import { forgetCustomers } from '../customer/customer.undo.js';
import { mask } from '../../policy/masking.js';
import { Action, FieldAccess, GUARDED_FIELDS, type GuardedField } from '../../policy/policy.js';
import type { Role } from '../../policy/role.js';
import { outboxInsertFrom } from '../../search/outbox.js';
import { recordAuditMany } from '../audit/audit.service.js';
import { customerNotFound, invalidTransition } from '../customer/customer.errors.js';
import { allows, locateCustomer, type Located } from '../customer/customer.lifecycle.js';
import { confirmationMismatch, legalHold } from './archive.errors.js';
import { openNullable } from '../../crypto/sealed.js';

/**
 * VOID|ARCHIVED --purge--> gone. The only irreversible transition: the caller types the
 * customer's code to confirm, a legal hold blocks it, the export of what was removed is
 * kept (modules/recycle-bin schedules purges and keeps their exports), and the audit log
 * keeps a tombstone (id, code, counts) without personal data.
 */

/** Everything stored about the customers, as JSON, timestamps in UTC with microseconds. */
export async function exportRows(tx: RequestContext, ids: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  await tx.sql.query(`set local time zone 'UTC'`);
  const rows = await tx.sql.query<{ id: string; export: Record<string, unknown> }>(
    `select x.id::text, jsonb_build_object(
        'store', case when l.id is not null then 'LIVE' else 'ARCHIVE' end,
        'customer', coalesce(to_jsonb(l) - 'checksum', to_jsonb(a) - 'checksum'),
        'interactions', coalesce((select jsonb_agg(to_jsonb(i) order by i.id) from interaction i where i.customer_id = x.id), '[]'),
        'archivedInteractions', coalesce((select jsonb_agg(to_jsonb(ai) - 'checksum' order by ai.id) from archive.interaction ai
                                            where ai.customer_id = x.id), '[]'),
        'exportedAt', to_char(now(), 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) as export
       from unnest($1::bigint[]) as x(id)
       left join customer l on l.id = x.id
       left join archive.customer a on a.id = x.id`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.export]));
}

/**
 * Deletes the customers from both stores with all their interactions, and writes one
 * tombstone each. Callers have checked state, hold and confirmation.
 */
export async function purgeRows(tx: RequestContext, customers: readonly Located[], reason: string): Promise<void> {
  const ids = customers.map((c) => c.id);
  await tx.sql.query(`select set_config('custos.moving', 'on', true)`);
  const counts = await tx.sql.query<{ id: string; live: number; archived: number }>(
    `with li as (delete from interaction where customer_id = any($1::bigint[]) returning customer_id),
          ai as (delete from archive.interaction where customer_id = any($1::bigint[]) returning customer_id),
          lc as (delete from customer where id = any($1::bigint[]) returning id),
          ac as (delete from archive.customer where id = any($1::bigint[]) returning id),
          so as (${outboxInsertFrom('ac')})
     select x.id::text,
            (select count(*) from li where li.customer_id = x.id)::int as live,
            (select count(*) from ai where ai.customer_id = x.id)::int as archived
       from unnest($1::bigint[]) as x(id)
      where x.id in (select id from lc union all select id from ac)`,
    [ids],
  );
  await forgetCustomers(tx.sql, ids);
  const byId = new Map(counts.map((c) => [c.id, c]));
  await recordAuditMany(tx, {
    action: 'CUSTOMER_PURGED',
    entityType: 'Customer',
    entityIds: ids,
    reason,
    changes: customers.map((c) => ({
      code: { from: c.code, to: null },
      status: { from: c.status, to: null },
      interactions: { from: (byId.get(c.id)?.live ?? 0) + (byId.get(c.id)?.archived ?? 0), to: 0 },
    })),
  });
}

const EXPORT_GUARDS: { customer: Record<string, GuardedField>; interaction: Record<string, GuardedField> } = {
  customer: { email: 'Customer.email', phone: 'Customer.phone', tax_id: 'Customer.taxId', address: 'Customer.address', notes: 'Customer.notes' },
  interaction: { body: 'Interaction.body', amount: 'Interaction.amount', currency: 'Interaction.currency' },
};

function guardRow(role: Role, row: Record<string, unknown>, guards: Record<string, GuardedField>): Record<string, unknown> {
  const out = { ...row };
  for (const [key, field] of Object.entries(guards)) {
    const access = GUARDED_FIELDS[field].access[role];
    if (access === FieldAccess.NONE) delete out[key];
    else if (access === FieldAccess.MASKED) out[key] = mask(GUARDED_FIELDS[field].mask, out[key]);
  }
  return out;
}

/** The stored row with its encrypted values opened (guards then apply as to any read);
 * the blind index is a keyed hash for lookups, not data about the person, and stays. */
function plainCustomer(row: Record<string, unknown>): Record<string, unknown> {
  const { tax_id_hash: _hash, tax_id_shape: _shape, ...out } = row;
  out.tax_id = openNullable('customer.tax_id', (row.tax_id as string | null) ?? null, `customer ${String(row.id)}`);
  return out;
}

/** The export obeys the same field guards as any read: what the role may not read does
 * not leave in it either. */
export function guardExport(role: Role, exported: Record<string, unknown>): Record<string, unknown> {
  const list = (value: unknown) => (value as Record<string, unknown>[]).map((r) => guardRow(role, r, EXPORT_GUARDS.interaction));
  return {
    ...exported,
    customer: guardRow(role, plainCustomer(exported.customer as Record<string, unknown>), EXPORT_GUARDS.customer),
    interactions: list(exported.interactions),
    archivedInteractions: list(exported.archivedInteractions),
  };
}

/**
 * The checks every purge makes under the customer's row lock, whenever it runs: the caller
 * typed the code, the status allows a purge, and no legal hold keeps it.
 */
export async function lockPurgeable(tx: RequestContext, input: { id: string; confirm: string }): Promise<Located> {
  const found = await locateCustomer(tx, input.id);
  if (!found) throw customerNotFound(input.id);
  if (input.confirm.trim() !== found.code) throw confirmationMismatch();
  if (!allows('purge', found.status)) throw invalidTransition('purge', found.status);
  if (found.legalHold) throw legalHold(found.id);
  return found;
}
