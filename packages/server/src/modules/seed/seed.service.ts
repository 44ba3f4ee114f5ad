import type pg from 'pg';
import { Params } from '../../db/sql.js';
import { INDUSTRIES } from '../customer/customer.enums.js';
import {
  BODIES, CHANNELS, DEMO_USERS, INDUSTRY_PICKS, INTERACTION_KINDS, KIND_PICKS, NOTES_EN, NOTES_ZH, SUBJECTS, TAG_AT_RISK,
  TAG_NEW, TAGS, TRADE_WORDS, VOID_NOTES, VOID_REASONS,
} from './demo-data.js';
import {
  CN_BRAND, CN_FREE_MAIL, CN_GIVEN, CN_MOBILE_PREFIXES, CN_PLACE_PICKS, CN_SUFFIX_ENTERPRISE, CN_SUFFIX_SMB, CN_SURNAMES,
  COMPANY_MAILBOXES, EN_BRAND_HEAD, EN_BRAND_TAIL, EN_FIRST, EN_FREE_MAIL, EN_LAST, EN_PLACE_PICKS, englishSuffixes, PLACES,
  USCC_ALPHABET,
} from './demo-names.js';
import { createStage, dropStage, moveStage } from './seed.stage.js';

/**
 * Fills a database with realistic bilingual demo data, set-based inside PostgreSQL: the
 * word lists go in once as array parameters and every row is drawn there, so a million
 * customers cost a few statements per batch rather than a round trip per row. The data is
 * reproducible (seeded random) and deliberately a little dirty — phones in several
 * formats, some bad emails and near-duplicate customers — because cleaning that up is
 * what Custos is for.
 */

export interface SeedProgress {
  phase: 'customers' | 'interactions' | 'classification';
  done: number;
  total: number;
}

export interface SeedOptions {
  customers: number;
  interactions: number;
  onProgress?: (progress: SeedProgress) => void;
  batchCustomers?: number;
  batchInteractions?: number;
  /** Tax ids encrypted per batch (after the customers are generated). */
  batchEncrypt?: number;
}

export interface SeedResult {
  customers: number;
  interactions: number;
  ms: number;
}

/** Empty means no customers yet: a database with only users is still seeded. */
export async function isDatabaseEmpty(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ any: boolean }>(`select exists (select 1 from customer) as any`);
  return !rows[0]!.any;
}

const pick = (list: string, draw: string) => `${list}[1 + floor(${draw} * cardinality(${list}))::int]`;

/** Demo users, created when missing; returns the ids of the users who own customers. */
async function ensureDemoUsers(client: pg.ClientBase): Promise<{ owners: string[] }> {
  for (const user of DEMO_USERS) {
    await client.query(
      `insert into app_user (email, display_name, role) values ($1, $2, $3)
       on conflict (lower(email)) do nothing`,
      [user.email, user.displayName, user.role],
    );
  }
  const { rows } = await client.query<{ id: string; email: string }>(
    `select id::text, email from app_user where email = any($1::text[])`,
    [['sales1@example.com', 'sales2@example.com', 'manager@example.com']],
  );
  const id = (email: string) => rows.find((r) => r.email === email)!.id;
  // Weighted: sales1 owns the most, then sales2, the manager keeps a few key accounts.
  return { owners: [id('sales1@example.com'), id('sales1@example.com'), id('sales1@example.com'), id('sales2@example.com'),
    id('sales2@example.com'), id('sales2@example.com'), id('manager@example.com')] };
}

/** A statement whose first two parameters are the batch's row range. */
interface BatchStatement {
  text: string;
  values: (from: number, to: number, ...rest: unknown[]) => unknown[];
}

/** A parameter in parentheses, so that a subscript after it is not read as part of the cast. */
function arg(p: Params, value: unknown, cast: string): string {
  return `(${p.add(value, cast)})`;
}

function batchValues(p: Params) {
  return (...leading: unknown[]) => [...leading, ...p.values.slice(leading.length)];
}

function customerStatement(owners: string[]): BatchStatement {
  const p = new Params();
  const from = p.add(0, 'int');
  const to = p.add(0, 'int');
  const surnames = arg(p, CN_SURNAMES.map((s) => s[0]), 'text[]');
  const surnamesPy = arg(p, CN_SURNAMES.map((s) => s[1]), 'text[]');
  const given = arg(p, CN_GIVEN.map((s) => s[0]), 'text[]');
  const givenPy = arg(p, CN_GIVEN.map((s) => s[1]), 'text[]');
  const brand = arg(p, CN_BRAND.map((s) => s[0]), 'text[]');
  const brandPy = arg(p, CN_BRAND.map((s) => s[1]), 'text[]');
  const enFirst = arg(p, EN_FIRST, 'text[]');
  const enLast = arg(p, EN_LAST, 'text[]');
  const enHead = arg(p, EN_BRAND_HEAD, 'text[]');
  const enTail = arg(p, EN_BRAND_TAIL, 'text[]');
  const placeRegion = arg(p, PLACES.map((x) => x.region), 'text[]');
  const placeZh = arg(p, PLACES.map((x) => x.zh), 'text[]');
  const placeEn = arg(p, PLACES.map((x) => x.en), 'text[]');
  const placeTld = arg(p, PLACES.map((x) => x.tld), 'text[]');
  const placePhone = arg(p, PLACES.map((x) => x.phone), 'text[]');
  const placeDigits = arg(p, PLACES.map((x) => x.digits), 'int[]');
  const placeDivision = arg(p, PLACES.map((x) => x.division ?? null), 'text[]');
  const zhStreets = arg(p, PLACES.map((x) => [...x.zhStreets]), 'text[]');
  const enStreets = arg(p, PLACES.map((x) => [...x.enStreets]), 'text[]');
  const enSuffix = arg(p, PLACES.map((x) => [...englishSuffixes(x.region)]), 'text[]');
  const cnPicks = arg(p, CN_PLACE_PICKS, 'int[]');
  const enPicks = arg(p, EN_PLACE_PICKS, 'int[]');
  const industries = arg(p, INDUSTRIES, 'text[]');
  const industryPicks = arg(p, INDUSTRY_PICKS, 'int[]');
  const trade = arg(p, INDUSTRIES.map((k) => [...TRADE_WORDS[k].zh, ...TRADE_WORDS[k].en]), 'text[]');
  const suffixSmb = arg(p, CN_SUFFIX_SMB, 'text[]');
  const suffixEnt = arg(p, CN_SUFFIX_ENTERPRISE, 'text[]');
  const mobile = arg(p, CN_MOBILE_PREFIXES, 'text[]');
  const cnMail = arg(p, CN_FREE_MAIL, 'text[]');
  const enMail = arg(p, EN_FREE_MAIL, 'text[]');
  const mailboxes = arg(p, COMPANY_MAILBOXES, 'text[]');
  const uscc = arg(p, USCC_ALPHABET, 'text');
  const tags = arg(p, TAGS, 'text[]');
  const notesZh = arg(p, NOTES_ZH, 'text[]');
  const notesEn = arg(p, NOTES_EN, 'text[]');
  const voidReasons = arg(p, VOID_REASONS, 'text[]');
  const voidNotes = arg(p, VOID_NOTES.map((n) => [...n]), 'text[]');
  const ownerIds = arg(p, owners, 'bigint[]');
  const digits = (n: string, draw: string) => `lpad(floor(${draw} * 10 ^ ${n})::bigint::text, ${n}, '0')`;
  const usccChar = (draw: string) => `substr(${uscc}, 1 + floor(${draw} * length(${uscc}))::int, 1)`;

  const text = `
    with d as materialized (
      select g as n, random() as r_lang, random() as r_type, random() as r_place, random() as r_ind,
             random() as r_a, random() as r_b, random() as r_c, random() as r_d, random() as r_e,
             random() as r_f, random() as r_g, random() as r_h, random() as r_i, random() as r_j,
             random() as r_tier, random() as r_owner, random() as r_mail, random() as r_phone,
             random() as r_tags, random() as r_note, random() as r_void, random() as r_created
        from generate_series(${from}, ${to}) g
    ), a as (
      select d.*, r_lang < 0.65 as zh,
             case when r_type < 0.2 then 'ENTERPRISE' when r_type < 0.75 then 'SMB' else 'INDIVIDUAL' end as type,
             case when r_lang < 0.65 then ${pick(cnPicks, 'r_place')} else ${pick(enPicks, 'r_place')} end as pl,
             ${pick(industryPicks, 'r_ind')} as ind,
             1 + floor(r_a * cardinality(${brand}))::int as b1, 1 + floor(r_b * cardinality(${brand}))::int as b2,
             1 + floor(r_c * 3)::int as w3,
             now() - (power(r_created, 0.8) * interval '6 years') as created
        from d
    ), b as (
      select a.*,
        case
          when type = 'INDIVIDUAL' and zh then ${pick(surnames, 'r_a')} || ${pick(given, 'r_b')} || case when r_c < 0.6 then ${pick(given, 'r_d')} else '' end
          when type = 'INDIVIDUAL' then ${pick(enFirst, 'r_a')} || ' ' || ${pick(enLast, 'r_b')}
          when zh then ${placeZh}[pl] || ${brand}[b1] || ${brand}[b2] || ${trade}[ind][w3]
                       || case when type = 'ENTERPRISE' then ${pick(suffixEnt, 'r_d')} else ${pick(suffixSmb, 'r_d')} end
          else ${pick(enHead, 'r_a')} || ${pick(enTail, 'r_b')} || ' ' || ${trade}[ind][3 + w3] || ' ' || ${enSuffix}[pl][w3]
        end as name,
        case
          when type = 'INDIVIDUAL' and zh then ${pick(givenPy, 'r_b')} || '.' || ${pick(surnamesPy, 'r_a')} || (floor(r_e * 90) + 10)::text || '@' || ${pick(cnMail, 'r_f')}
          when type = 'INDIVIDUAL' then lower(replace(${pick(enFirst, 'r_a')}, ' ', '')) || '.' || lower(${pick(enLast, 'r_b')}) || '@' || ${pick(enMail, 'r_f')}
          when zh then ${pick(mailboxes, 'r_e')} || '@' || ${brandPy}[b1] || ${brandPy}[b2] || (floor(r_f * 90) + 10)::text || '.' || ${placeTld}[pl]
          else ${pick(mailboxes, 'r_e')} || '@' || lower(${pick(enHead, 'r_a')} || ${pick(enTail, 'r_b')}) || '.' || ${placeTld}[pl]
        end as mail,
        case when ${placeDigits}[pl] = 0
          then ${pick(mobile, 'r_g')} || ${digits('8', 'r_h')}
          else ${placePhone}[pl] || ${digits(`${placeDigits}[pl]`, 'r_h')}
        end as tel
      from a
    )
    insert into seed_stage (code, name, type, tier, industry, region, status, owner_id, email, phone, address, tax_id,
                          tags, notes, created_at, updated_at, void_reason, void_note, voided_at)
    select 'C' || lpad(nextval('customer_code_seq')::text, 7, '0'),
      name, type,
      case when type = 'ENTERPRISE' and r_tier < 0.3 then 'KEY_ACCOUNT' when type = 'SMB' and r_tier < 0.05 then 'KEY_ACCOUNT'
           when r_tier > 0.6 and created < now() - interval '2 years' then 'LONG_TERM' else 'STANDARD' end,
      case when type = 'INDIVIDUAL' and r_i < 0.7 then null else ${industries}[ind] end,
      ${placeRegion}[pl],
      case when r_void < 0.02 then 'VOID' else 'ACTIVE' end,
      case when r_owner < 0.85 then ${pick(ownerIds, 'r_owner / 0.85')} end,
      -- Mostly clean; some missing, a few plainly invalid or placeholder addresses.
      case when r_mail < 0.08 then null when r_mail < 0.09 then 'test@test' when r_mail < 0.095 then replace(mail, '@', ' at ')
           when r_mail < 0.11 then upper(mail) else mail end,
      case when r_phone < 0.06 then null when r_phone < 0.065 then '11111111111'
           when ${placeDigits}[pl] > 0 then tel
           when r_phone < 0.35 then substr(tel, 1, 3) || ' ' || substr(tel, 4, 4) || ' ' || substr(tel, 8)
           when r_phone < 0.55 then '+86 ' || tel
           when r_phone < 0.7 then substr(tel, 1, 3) || '-' || substr(tel, 4, 4) || '-' || substr(tel, 8)
           else tel end,
      case when r_j < 0.1 then null
           when zh then ${placeZh}[pl] || ${zhStreets}[pl][w3] || (floor(r_e * 800) + 1)::text || '号'
           else (floor(r_e * 800) + 1)::text || ' ' || ${enStreets}[pl][w3] || ', ' || ${placeEn}[pl] end,
      case when type = 'INDIVIDUAL' or r_i < 0.15 then null
           when ${placeDivision}[pl] is not null then '91' || ${placeDivision}[pl]
             || ${usccChar('r_a')} || ${usccChar('r_b')} || ${usccChar('r_c')} || ${usccChar('r_d')} || ${usccChar('r_e')}
             || ${usccChar('r_f')} || ${usccChar('r_g')} || ${usccChar('r_h')} || ${usccChar('r_i')} || ${usccChar('r_j')}
           else upper(${placeRegion}[pl]) || '-' || ${digits('9', 'r_h')} end,
      case when r_tags < 0.45 then '{}'::text[]
           when r_tags < 0.8 then array[${pick(tags, 'r_c')}]
           else array(select distinct x from unnest(array[${pick(tags, 'r_c')}, ${pick(tags, 'r_d')}, ${pick(tags, 'r_g')}]) x) end,
      case when r_note < 0.7 then null when zh then ${pick(notesZh, 'r_e')} else ${pick(notesEn, 'r_e')} end,
      created, created,
      case when r_void < 0.02 then ${pick(voidReasons, 'r_void / 0.02')} end,
      case when r_void < 0.02 then ${voidNotes}[1 + floor(r_void / 0.02 * 6)::int][case when zh then 1 else 2 end] end,
      case when r_void < 0.02 then created + (now() - created) * r_j end
    from b
    order by n`;
  return { text, values: batchValues(p) };
}

function interactionStatement(): BatchStatement {
  const p = new Params();
  const from = p.add(0, 'int');
  const to = p.add(0, 'int');
  const customers = p.add(0, 'int');
  const kinds = arg(p, INTERACTION_KINDS, 'text[]');
  const kindPicks = arg(p, KIND_PICKS, 'int[]');
  const channels = arg(p, INTERACTION_KINDS.map((k) => [...CHANNELS[k].zh, ...CHANNELS[k].en]), 'text[]');
  const subjects = arg(p, INTERACTION_KINDS.map((k) => [...SUBJECTS[k].zh, ...SUBJECTS[k].en]), 'text[]');
  const bodies = arg(p, INTERACTION_KINDS.map((k) => [...BODIES[k].zh, ...BODIES[k].en]), 'text[]');
  // Customers earlier in the seeding order get more history (power skew), and each
  // customer's activity stops at its own `active_until`, so stages derived from it vary.
  const text = `
    with d as materialized (
      select g, random() as r_c, random() as r_k, random() as r_ch, random() as r_s, random() as r_b,
             random() as r_t, random() as r_amt, random() as r_body, random() as r_log
        from generate_series(${from}, ${to}) g
    ), k as (
      select d.*, ${pick(kindPicks, 'r_k')} as ki, s.id as customer_id, s.zh, s.owner_id, s.region,
             s.created_at + (s.active_until - s.created_at) * r_t as at
        from d join seed_customer s on s.n = 1 + floor(power(r_c, 1.4) * ${customers})::int
    )
    insert into interaction (customer_id, kind, occurred_at, channel, subject, body, amount, currency, owner_id, created_at)
    select customer_id, ${kinds}[ki], at,
      ${channels}[ki][1 + floor(r_ch * 10)::int + case when zh then 0 else 10 end],
      ${subjects}[ki][1 + floor(r_s * 4)::int + case when zh then 0 else 4 end]
        || case when ${kinds}[ki] = 'ORDER' then ' #SO' || to_char(at, 'YYMM') || lpad((g % 100000)::text, 5, '0')
                when ${kinds}[ki] = 'TICKET' then ' #T' || lpad((g % 1000000)::text, 6, '0') else '' end,
      case when r_body < 0.1 then null else ${bodies}[ki][1 + floor(r_b * 4)::int + case when zh then 0 else 4 end] end,
      case when ${kinds}[ki] = 'ORDER' then round((200 * exp(r_amt * 7))::numeric, 2) end,
      case when ${kinds}[ki] <> 'ORDER' then null
           when region like 'CN-%' then 'CNY' when region like 'US-%' then 'USD' when region like 'DE-%' then 'EUR'
           when region like 'GB-%' then 'GBP' when region like 'JP-%' then 'JPY' when region = 'SG' then 'SGD'
           when region = 'HK' then 'HKD' else 'CNY' end,
      owner_id,
      at + interval '1 minute' * floor(r_log * 240)
    from k`;
  return { text, values: batchValues(p) };
}

export async function seedDemoData(client: pg.ClientBase, options: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const report = options.onProgress ?? (() => undefined);
  const batchCustomers = options.batchCustomers ?? 50_000;
  const batchInteractions = options.batchInteractions ?? 250_000;
  const { owners } = await ensureDemoUsers(client);
  // Reproducible data: the same sizes give the same customers.
  await client.query(`select setseed(0.4242)`);
  const { rows: [mark] } = await client.query<{ id: string }>(`select coalesce(max(id), 0)::text as id from customer`);

  const total = options.customers;
  const duplicates = Math.floor(total * 0.015);
  const originals = total - duplicates;
  const customerSql = customerStatement(owners);
  await createStage(client);
  for (let done = 0; done < originals; ) {
    const size = Math.min(batchCustomers, originals - done);
    // Generated into a bare staging table, tax ids encrypted there, then moved in one insert.
    await client.query(customerSql.text, customerSql.values(done + 1, done + size));
    await moveStage(client, options.batchEncrypt ?? 10_000);
    done += size;
    report({ phase: 'customers', done, total });
  }
  await dropStage(client);
  if (duplicates > 0) {
    await insertNearDuplicates(client, mark!.id, duplicates);
    report({ phase: 'customers', done: total, total });
  }

  await client.query(`drop table if exists seed_customer`);
  await client.query(`
    create temp table seed_customer as
      select row_number() over (order by c.id)::int as n, c.id, c.owner_id, c.region, c.created_at,
             c.name ~ '[\\u4e00-\\u9fff]' as zh,
             -- When activity stops: most customers are still active, some went quiet or left years ago.
             -- Never before two weeks after creation, so a quiet customer's history still spreads out.
             least(now(), greatest(c.created_at + interval '14 days',
                   now() - case when random() < 0.6 then interval '0'
                                when random() < 0.5 then interval '200 days' + random() * interval '500 days'
                                else interval '2 years' + random() * interval '3 years' end)) as active_until
        from customer c where c.id > $1::bigint`, [mark!.id]);
  await client.query(`create unique index on seed_customer (n)`);
  await client.query(`analyze seed_customer`);

  const interactionSql = interactionStatement();
  const { rows: [seeded] } = await client.query<{ n: number }>(`select count(*)::int as n from seed_customer`);
  const customerCount = seeded!.n;
  const interactionTotal = customerCount > 0 ? options.interactions : 0;
  for (let done = 0; done < options.interactions && customerCount > 0; ) {
    const size = Math.min(batchInteractions, options.interactions - done);
    await client.query(interactionSql.text, interactionSql.values(done + 1, done + size, customerCount));
    done += size;
    report({ phase: 'interactions', done, total: options.interactions });
  }

  await classify(client, mark!.id);
  report({ phase: 'classification', done: 1, total: 1 });
  await client.query(`drop table seed_customer`);
  await client.query(`analyze customer`);
  await client.query(`analyze interaction`);
  await client.query(
    `select audit_append(null, null, 'DEMO_DATA_SEEDED', 'Database', null, 'development seed', $1::jsonb, null)`,
    [JSON.stringify({ customers: customerCount, interactions: interactionTotal })],
  );
  return { customers: customerCount, interactions: interactionTotal, ms: Date.now() - started };
}

/** The same company entered again by someone else: spacing, case and legal form differ,
 * the phone and often the email are the same. Duplicate detection has to find these. */
async function insertNearDuplicates(client: pg.ClientBase, afterId: string, count: number): Promise<void> {
  await client.query(
    `insert into customer (code, name, type, tier, industry, region, owner_id, email, phone, address, tax_id, tax_id_hash, tax_id_shape,
                           tags, created_at, updated_at)
     select 'C' || lpad(nextval('customer_code_seq')::text, 7, '0'),
            case when name ~ '[\\u4e00-\\u9fff]' then regexp_replace(name, '(股份|集团)?有限公司$|集团$', '') || case when random() < 0.5 then '有限公司' else '' end
                 when random() < 0.5 then upper(name) else regexp_replace(name, ' ', '  ') end,
            type, 'STANDARD', industry, region, owner_id,
            case when random() < 0.6 then lower(email) end,
            case when random() < 0.8 then replace(phone, ' ', '') end,
            -- The same tax id: its ciphertext and blind index copied as they are.
            address, case when keep_tax then tax_id end, case when keep_tax then tax_id_hash end, case when keep_tax then tax_id_shape end, '{}',
            created_at + random() * (now() - created_at), created_at + random() * (now() - created_at)
       from (select c.*, random() < 0.3 as keep_tax from customer c
              where c.id > $1::bigint and c.status = 'ACTIVE' and c.type <> 'INDIVIDUAL'
              order by random() limit $2::int) t`,
    [afterId, count],
  );
}

/** Lifecycle stage follows activity, as the product derives it: new, active within half a
 * year, inactive within two, churned beyond. */
async function classify(client: pg.ClientBase, afterId: string): Promise<void> {
  await client.query(
    `update customer c set
        lifecycle_stage = case
          when c.created_at > now() - interval '120 days' and coalesce(c.last_interaction_at, c.created_at) > now() - interval '120 days' then 'NEW'
          when c.last_interaction_at > now() - interval '180 days' then 'ACTIVE'
          when coalesce(c.last_interaction_at, c.created_at) > now() - interval '2 years' then 'INACTIVE'
          else 'CHURNED' end,
        updated_at = greatest(c.updated_at, coalesce(c.voided_at, c.updated_at))
      where c.id > $1::bigint`,
    [afterId],
  );
  await client.query(
    `update customer c set tags = case
        when c.lifecycle_stage = 'NEW' then array_append(array_remove(c.tags, $2), $2)
        else array_append(array_remove(c.tags, $3), $3) end
      where c.id > $1::bigint and (c.lifecycle_stage = 'NEW' or (c.lifecycle_stage = 'INACTIVE' and random() < 0.3))`,
    [afterId, TAG_NEW, TAG_AT_RISK],
  );
}
