import DataLoader from 'dataloader';
import type { RequestContext } from '../../core/context.js';
import { customerRowOwner } from '../../policy/guard.js';
import type { CustomerRecord } from './customer.record.js';
import { findCustomersByIds } from './customer.reader.js';

/** Customers by id, any status, within the caller's rows (others read as missing). */
export function customerByIdLoader(ctx: RequestContext): DataLoader<string, CustomerRecord | null> {
  return ctx.loaders.get('customer.byId', () =>
    new DataLoader<string, CustomerRecord | null>(async (ids) => {
      const rows = await findCustomersByIds(ctx.sql, ids, customerRowOwner(ctx));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  );
}
