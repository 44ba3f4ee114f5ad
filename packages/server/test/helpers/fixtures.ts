import { storedTaxId } from '../../src/modules/customer/customer.tax.js';
import type { TestDatabase } from './test-database.js';

/** Inserts users and returns their ids by email. */
export async function insertUsers(db: TestDatabase, users: { email: string; role: string }[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const user of users) {
    const [row] = await db.query<{ id: string }>(
      `insert into app_user (email, display_name, role) values ($1, $2, $3) returning id`,
      [user.email, user.email.split('@')[0], user.role],
    );
    ids[user.email] = row!.id;
  }
  return ids;
}

export interface CustomerSeed {
  name: string;
  type?: string;
  tier?: string;
  industry?: string | null;
  region?: string | null;
  lifecycleStage?: string;
  status?: string;
  ownerId?: string | null;
  email?: string | null;
  phone?: string | null;
  tags?: string[];
  createdAt?: string;
  code?: string;
}

export async function insertCustomer(db: TestDatabase, c: CustomerSeed): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `insert into customer (code, name, type, tier, industry, region, lifecycle_stage, status, owner_id, email, phone, tags, created_at, void_reason)
     values (coalesce($1, 'T' || nextval('customer_code_seq')), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, coalesce($13::timestamptz, now()),
             case when $8 = 'VOID' then 'TEST_RECORD' end)
     returning id`,
    [
      c.code ?? null,
      c.name,
      c.type ?? 'SMB',
      c.tier ?? 'STANDARD',
      c.industry ?? null,
      c.region ?? null,
      c.lifecycleStage ?? 'ACTIVE',
      c.status ?? 'ACTIVE',
      c.ownerId ?? null,
      c.email ?? null,
      c.phone ?? null,
      c.tags ?? [],
      c.createdAt ?? null,
    ],
  );
  return row!.id;
}

export async function insertInteractions(
  db: TestDatabase,
  customerId: string,
  occurredAt: string[],
  kind = 'CALL',
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `insert into interaction (customer_id, kind, occurred_at, subject, amount, currency)
     select $1, $2, t, 'subject ' || ord, case when $2 = 'ORDER' then 100 + ord end, case when $2 = 'ORDER' then 'CNY' end
       from unnest($3::timestamptz[]) with ordinality as u(t, ord)
     returning id`,
    [customerId, kind, occurredAt],
  );
  return rows.map((r) => r.id);
}

/** Stores a tax id the way the application does: encrypted under the installed key ring,
 * with its blind index (plain `update … set tax_id = 'X'` arranges a legacy plaintext value). */
export async function setTaxId(db: TestDatabase, id: string, taxId: string | null, table = 'customer'): Promise<void> {
  const sealed = storedTaxId(taxId);
  await db.query(`update ${table} set tax_id = $2, tax_id_hash = $3, tax_id_shape = $4 where id = $1`, [id, sealed.taxId, sealed.taxIdHash, sealed.taxIdShape]);
}
