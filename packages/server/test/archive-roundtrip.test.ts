import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { SqlExecutor } from '../src/db/sql.js';
import { CUSTOMER_STORE_COLUMNS, INTERACTION_STORE_COLUMNS } from '../src/modules/archive/archive.columns.js';
import {
  archiveCustomerRows, archiveInteractionRows, checkArchivedForRestore, restoreCustomerRows, verifyArchiveRows,
} from '../src/modules/archive/archive.store.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

/**
 * Archive → restore must give back byte-identical rows: same ids, microsecond timestamps,
 * numeric scale, CJK and emoji text, nulls. Property-based: FC_RUNS cases (1,000 in CI;
 * set more for a long run), each with random customers and histories.
 */
const RUNS = Number(process.env.FC_RUNS ?? 1000);

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

async function inTx<T>(work: (sql: SqlExecutor) => Promise<T>): Promise<T> {
  return db.orm.em.fork().transactional((em) => work(new SqlExecutor(em)));
}

const meta = { actorId: null, reason: 'round trip', policyId: null, retainUntil: null };

const text = fc.string({ unit: fc.oneof(
  fc.constantFrom('客', '户', '档', '案', '😀', '👩‍💻', 'é', 'ß', '\'', '"', '\\', '\n', '%', '_', ' '),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }).filter((s) => !s.includes('\u0000')),
), maxLength: 40 });
const nonBlank = text.map((s) => (s.trim() ? s : `${s}名`));
const micros = fc.integer({ min: Date.UTC(1990, 0, 1) * 1000, max: Date.UTC(2030, 0, 1) * 1000 }).map((us) => {
  const iso = new Date(Math.floor(us / 1000)).toISOString().slice(0, 19);
  return `${iso}.${String(us % 1_000_000).padStart(6, '0')}Z`;
});
const amount = fc.bigInt({ min: 0n, max: 99_999_999_999_999n }).map((cents) => {
  const s = cents.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
});
const interaction = fc.record({
  kind: fc.constantFrom('CALL', 'EMAIL', 'ORDER', 'NOTE', 'COMPLAINT'),
  occurredAt: micros,
  createdAt: micros,
  channel: fc.option(fc.constantFrom('PHONE', 'WECHAT', 'WEB'), { nil: null }),
  subject: text,
  body: fc.option(text, { nil: null }),
  amount,
  currency: fc.constantFrom('CNY', 'USD', 'EUR'),
});
const customer = fc.record({
  name: nonBlank,
  type: fc.constantFrom('ENTERPRISE', 'SMB', 'INDIVIDUAL'),
  status: fc.constantFrom('ACTIVE', 'VOID'),
  email: fc.option(text, { nil: null }),
  phone: fc.option(text, { nil: null }),
  address: fc.option(text, { nil: null }),
  taxId: fc.option(text, { nil: null }),
  notes: fc.option(text, { nil: null }),
  tags: fc.uniqueArray(text, { maxLength: 4 }),
  createdAt: micros,
  updatedAt: micros,
  version: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  legalHold: fc.boolean(),
  interactions: fc.array(interaction, { maxLength: 6 }),
});

let seq = 0;
type GeneratedCustomer = typeof customer extends fc.Arbitrary<infer T> ? T : never;
async function insert(c: GeneratedCustomer): Promise<string> {
  seq += 1;
  const [row] = await db.query<{ id: string }>(
    `insert into customer (code, name, type, status, email, phone, address, tax_id, notes, tags, created_at, updated_at, version,
                           legal_hold, void_reason, void_note, voided_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
             case when $4 = 'VOID' then 'OTHER' end, case when $4 = 'VOID' then $9 end, case when $4 = 'VOID' then $12::timestamptz end)
     returning id`,
    [`RT${seq}`, c.name, c.type, c.status, c.email, c.phone, c.address, c.taxId, c.notes, c.tags, c.createdAt, c.updatedAt,
      c.version, c.legalHold],
  );
  for (const i of c.interactions) {
    const order = i.kind === 'ORDER';
    await db.query(
      `insert into interaction (customer_id, kind, occurred_at, channel, subject, body, amount, currency, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [row!.id, i.kind, i.occurredAt, i.channel, i.subject, i.body, order ? i.amount : null, order ? i.currency : null, i.createdAt],
    );
  }
  return row!.id;
}

/** Every column of the customer and of each of its interactions, as PostgreSQL prints them. */
async function fullRows(ids: string[]): Promise<string[]> {
  const rows = await db.query<{ r: string }>(
    `select c::text as r from customer c where c.id = any($1::bigint[])
     union all select i::text from interaction i where i.customer_id = any($1::bigint[])
     order by 1`,
    [ids],
  );
  return rows.map((r) => r.r);
}

describe('archive store', () => {
  it('names every stored column of the hot tables (generated ones are computed, not carried), and the archive tables hold them all with the same types', async () => {
    const columns = await db.query<{ table_schema: string; table_name: string; column_name: string; data_type: string }>(
      `select table_schema, table_name, column_name, format_type(a.atttypid, a.atttypmod) as data_type
         from information_schema.columns c
         join pg_attribute a on a.attrelid = (quote_ident(table_schema) || '.' || quote_ident(table_name))::regclass
                            and a.attname = c.column_name
        where (table_schema, table_name) in (('public','customer'), ('public','interaction'), ('archive','customer'), ('archive','interaction'))
          -- Generated columns (the name key) are computed by each table, never carried.
          and a.attgenerated = ''`,
    );
    const of = (schema: string, table: string) =>
      new Map(columns.filter((c) => c.table_schema === schema && c.table_name === table).map((c) => [c.column_name, c.data_type]));
    for (const [table, listed] of [['customer', CUSTOMER_STORE_COLUMNS], ['interaction', INTERACTION_STORE_COLUMNS]] as const) {
      const hot = of('public', table);
      const archived = of('archive', table);
      expect([...hot.keys()].sort()).toEqual([...listed].sort());
      for (const [column, type] of hot) expect([column, archived.get(column)]).toEqual([column, type]);
    }
  });

  it(`gives back byte-identical rows after archive → restore (${RUNS} generated cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(customer, { minLength: 1, maxLength: 3 }), async (generated) => {
        const ids: string[] = [];
        for (const c of generated) ids.push(await insert(c));
        const before = await fullRows(ids);

        const archived = await inTx((sql) => archiveCustomerRows(sql, { where: 'c.id = any($1::bigint[])', params: [ids] }, meta));
        expect(archived.customers.map((c) => c.id)).toEqual([...ids].sort((a, b) => Number(a) - Number(b)));
        expect(archived.interactions).toBe(generated.reduce((n, c) => n + c.interactions.length, 0));
        expect(await fullRows(ids)).toEqual([]);

        const restored = await inTx(async (sql) => {
          const check = await checkArchivedForRestore(sql, ids);
          expect(check.problems).toEqual([]);
          return restoreCustomerRows(sql, ids);
        });
        expect(restored.customers).toHaveLength(ids.length);
        expect(await fullRows(ids)).toEqual(before);
      }),
      { numRuns: RUNS },
    );
    const [left] = await db.query<{ n: number }>(`select (select count(*) from archive.customer) + (select count(*) from archive.interaction) as n`);
    expect(Number(left!.n)).toBe(0);
  }, 240_000); // 1,000 generated cases: a minute on a busy 2-core machine, ~25 s on a quiet one

  it('archives interactions on their own, keeps the customer live and its lastInteractionAt unchanged', async () => {
    const id = await insert({
      name: '独立归档', type: 'SMB', status: 'ACTIVE', email: null, phone: null, address: null, taxId: null, notes: null, tags: [],
      createdAt: '2020-01-01T00:00:00.000001Z', updatedAt: '2020-01-01T00:00:00.000001Z', version: 1, legalHold: false,
      interactions: [
        { kind: 'CALL', occurredAt: '2019-05-01T10:00:00.123456Z', createdAt: '2019-05-01T10:00:00Z', channel: null, subject: 'old', body: null, amount: '0', currency: 'CNY' },
        { kind: 'CALL', occurredAt: '2025-05-01T10:00:00.654321Z', createdAt: '2025-05-01T10:00:00Z', channel: null, subject: 'new', body: null, amount: '0', currency: 'CNY' },
      ],
    });
    const [before] = await db.query<{ last: string }>(`select last_interaction_at::text as last from customer where id = $1`, [id]);
    const moved = await inTx((sql) =>
      archiveInteractionRows(sql, { where: `i.customer_id = $1::bigint and i.occurred_at < $2::timestamptz`, params: [id, '2025-01-01'] }, meta),
    );
    expect(moved).toEqual([{ customerId: id, count: 1 }]);
    const [after] = await db.query<{ last: string; live: number; archived: number }>(
      `select last_interaction_at::text as last, (select count(*)::int from interaction where customer_id = $1) as live,
              (select count(*)::int from archive.interaction where customer_id = $1 and not with_customer) as archived
         from customer where id = $1`,
      [id],
    );
    expect(after).toEqual({ last: before!.last, live: 1, archived: 1 });
  });

  it('finds a tampered archive row, and refuses to restore it', async () => {
    const id = await insert({
      name: 'Tamper Ltd', type: 'SMB', status: 'ACTIVE', email: 'a@b.c', phone: null, address: null, taxId: null, notes: null, tags: [],
      createdAt: '2021-01-01T00:00:00Z', updatedAt: '2021-01-01T00:00:00Z', version: 3, legalHold: false,
      interactions: [{ kind: 'ORDER', occurredAt: '2021-02-01T00:00:00Z', createdAt: '2021-02-01T00:00:00Z', channel: null, subject: 'o', body: null, amount: '10.50', currency: 'CNY' }],
    });
    await inTx((sql) => archiveCustomerRows(sql, { where: 'c.id = $1::bigint', params: [id] }, meta));
    expect((await inTx((sql) => verifyArchiveRows(sql))).ok).toBe(true);

    await db.query(`update archive.interaction set amount = 10.51 where customer_id = $1`, [id]);
    const [{ interactionId }] = await db.query<{ interactionId: string }>(
      `select id::text as "interactionId" from archive.interaction where customer_id = $1`, [id]);
    const verification = await inTx((sql) => verifyArchiveRows(sql));
    expect(verification).toMatchObject({ ok: false, mismatches: [{ kind: 'INTERACTION', id: interactionId }] });
    const check = await inTx((sql) => checkArchivedForRestore(sql, [id]));
    expect(check.problems).toEqual([{ id, customerChecksumOk: true, badInteractions: 1 }]);
  });
});
