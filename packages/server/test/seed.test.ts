import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedDatabase } from '../src/modules/seed/seed.runner.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

let db: TestDatabase;
let result: { customers: number; interactions: number };
const said: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  result = await seedDatabase(db.url, { customers: 600, interactions: 6000 }, (m) => said.push(m));
});
afterAll(() => db.close());

describe('demo seed', () => {
  it('creates exactly the requested rows and the demo users with a working password', async () => {
    expect(result).toMatchObject({ customers: 600, interactions: 6000 });
    const [counts] = await db.query<{ customers: number; interactions: number }>(
      `select (select count(*)::int from customer) as customers, (select count(*)::int from interaction) as interactions`,
    );
    expect(counts).toEqual({ customers: 600, interactions: 6000 });
    const users = await db.query<{ email: string; role: string; has_password: boolean }>(
      `select email, role, password_hash is not null as has_password from app_user order by email`,
    );
    expect(users.map((u) => [u.email, u.role])).toEqual([
      ['admin@example.com', 'ADMIN'], ['auditor@example.com', 'AUDITOR'], ['manager@example.com', 'MANAGER'],
      ['reporting@example.com', 'REPORTING'], ['sales1@example.com', 'SALES'], ['sales2@example.com', 'SALES'],
      ['support@example.com', 'SUPPORT'],
    ]);
    expect(users.every((u) => u.has_password)).toBe(true);
    expect(said.some((m) => m.includes('seeded 600 customers and 6000 interactions'))).toBe(true);
  });

  it('is bilingual and covers every classification the filters offer', async () => {
    const [mix] = await db.query<Record<string, number>>(
      `select count(*) filter (where name ~ '[\\u4e00-\\u9fff]')::int as chinese,
              count(*) filter (where name ~ '^[A-Za-z]')::int as english,
              count(distinct type)::int as types, count(distinct tier)::int as tiers,
              count(distinct lifecycle_stage)::int as stages, count(distinct region)::int as regions,
              count(distinct industry)::int as industries, count(distinct owner_id)::int as owners,
              count(*) filter (where status = 'VOID' and void_reason is not null and voided_at is not null)::int as voided,
              count(*) filter (where owner_id is null)::int as unowned
         from customer`,
    );
    expect(mix!.chinese).toBeGreaterThan(250);
    expect(mix!.english).toBeGreaterThan(100);
    expect(mix).toMatchObject({ types: 3, tiers: 3, stages: 4, owners: 3 });
    expect(mix!.regions).toBeGreaterThanOrEqual(10);
    expect(mix!.industries).toBeGreaterThanOrEqual(10);
    expect(mix!.voided).toBeGreaterThan(0);
    expect(mix!.unowned).toBeGreaterThan(0);
  });

  it('spreads interaction histories over years, with amounts on orders and a correct lastInteractionAt', async () => {
    const [history] = await db.query<Record<string, unknown>>(
      `select count(distinct kind)::int as kinds,
              extract(year from age(max(occurred_at), min(occurred_at)))::int as years,
              count(*) filter (where kind = 'ORDER' and (amount is null or currency is null))::int as orders_without_amount,
              count(*) filter (where occurred_at > now())::int as in_future
         from interaction`,
    );
    expect(history).toMatchObject({ kinds: 8, orders_without_amount: 0, in_future: 0 });
    expect(history!.years as number).toBeGreaterThanOrEqual(3);
    const [wrong] = await db.query<{ n: number }>(
      `select count(*)::int as n from customer c
        where c.last_interaction_at is distinct from (select max(occurred_at) from interaction i where i.customer_id = c.id)`,
    );
    expect(wrong!.n).toBe(0);
  });

  it('leaves work for the cleanup tools: mixed phone formats, invalid emails, near-duplicates', async () => {
    const [dirty] = await db.query<Record<string, number>>(
      `select count(*) filter (where email !~ '^[^@ ]+@[^@ ]+\\.[^@ ]+$')::int as bad_emails,
              count(distinct regexp_replace(phone, '[0-9]', '9', 'g')) filter (where region like 'CN-%')::int as phone_shapes,
              (select count(*)::int from (select regexp_replace(phone, '\\D', '', 'g') from customer where phone is not null
                 group by 1 having count(*) > 1) d) as shared_phones
         from customer`,
    );
    expect(dirty!.bad_emails).toBeGreaterThan(0);
    expect(dirty!.phone_shapes).toBeGreaterThanOrEqual(3);
    expect(dirty!.shared_phones).toBeGreaterThan(0);
  });

  it('records the seed in the audit log', async () => {
    const events = await db.query<{ action: string; changes: unknown }>(`select action, changes from audit_event`);
    expect(events).toEqual([{ action: 'DEMO_DATA_SEEDED', changes: { customers: 600, interactions: 6000 } }]);
  });
});
