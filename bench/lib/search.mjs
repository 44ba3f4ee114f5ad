// Archive search on the PostgreSQL engine: archived customers and their search documents
// loaded set-based, and the engine's latency next to the raw SQL of the same match and a
// naive ILIKE over the archive table, all on the same database.
import { PostgresSearchIndex } from '@custos/server/dist/search/postgres/postgres-search-index.js';
import { documentTerms, queryTerms, toTsQuery } from '@custos/server/dist/search/tokenize.js';
import { time } from './stats.mjs';

/** The 50,000 distinct names the archive is drawn from: deterministic, seven in ten
 * Chinese company names, the rest English, and one rare name (ten rows per million). */
export function demoNames() {
  let seed = 42;
  // mulberry32: deterministic, and exact in 32-bit integer arithmetic.
  const rand = (n) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const CITIES = ['上海', '北京', '深圳', '广州', '杭州', '南京', '成都', '武汉', '西安', '苏州', '天津', '重庆', '长沙', '郑州', '青岛', '厦门', '宁波', '合肥', '福州', '昆明'];
  const CORE = '华联 云端 张伟 明德 宏达 鑫源 金桥 新世 东方 瑞祥 恒通 天宇 博远 海川 佳和 信诚 志远 汇丰 创新 远大 安泰 永盛 广源 正和 泰和 中兴 鼎盛 联合 嘉禾 锦程'.split(' ');
  const TRADE = ['科技', '贸易', '物流', '餐饮', '医药', '教育', '能源', '制造', '建材', '服饰', '电子', '食品', '文化', '咨询', '实业', '网络', '环保', '机械', '传媒', '农业'];
  const SUFFIX = ['有限公司', '股份有限公司', '集团', '商行', '工作室'];
  const EN_A = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Wonka', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell', 'Cyberdyne', 'Gringotts', 'Oceanic', 'Pied', 'Dunder', 'Monarch', 'Aperture', 'Black Mesa', 'Octan'];
  const EN_B = ['Trading', 'Logistics', 'Software', 'Foods', 'Energy', 'Health', 'Retail', 'Finance', 'Media', 'Robotics'];
  const EN_C = ['Ltd', 'Inc', 'GmbH', 'LLC', 'Co'];
  const names = new Set();
  while (names.size < 50_000) {
    if (rand(10) < 7) names.add(`${CITIES[rand(CITIES.length)]}${CORE[rand(CORE.length)]}${TRADE[rand(TRADE.length)]}${SUFFIX[rand(SUFFIX.length)]}`);
    else names.add(`${EN_A[rand(EN_A.length)]} ${EN_B[rand(EN_B.length)]} ${EN_C[rand(EN_C.length)]} ${rand(1000)}`);
  }
  const nameList = [...names];
  // A rare name: ten rows per million.
  nameList[0] = 'Quixotic Zephyr Holdings';
  return nameList;
}

/** Names segmented once with jieba in JS (as the indexer does), kept in `bench_name` to be
 * spread over the rows set-based in SQL; returns how many there are. */
export async function loadNames(sql, say = () => undefined) {
  const [have] = await sql.query(`select to_regclass('bench_name') is not null as ok`);
  if (have.ok) return (await sql.query(`select count(*)::int as n from bench_name`))[0].n;
  const nameList = demoNames();
  await sql.query(`create table bench_name (n int primary key, name text not null, terms text[] not null)`);
  const t0 = Date.now();
  for (let i = 0; i < nameList.length; i += 10_000) {
    const slice = nameList.slice(i, i + 10_000);
    await sql.query(
      `insert into bench_name select i - 1 + $3::int, n, string_to_array(t, ' ') from unnest($1::text[], $2::text[]) with ordinality as u(n, t, i)`,
      [slice, slice.map((n) => documentTerms(n).join(' ')), i],
    );
  }
  say(`${nameList.length} distinct names segmented with jieba in ${Date.now() - t0} ms`);
  return nameList.length;
}

/** Adds archived customers (from+1 … to) and their search documents, set-based, with the
 * secondary indexes of both tables dropped during the load and rebuilt after it. */
export async function growArchive(sql, from, to, nameCount, say = () => undefined) {
  const indexDefs = await sql.query(
    `select schemaname || '.' || indexname as indexname, indexdef from pg_indexes
      where ((schemaname = 'public' and tablename = 'search_document') or (schemaname = 'archive' and tablename = 'customer'))
        and indexname not like '%_pkey'`,
  );
  const started = Date.now();
  for (const { indexname } of indexDefs) await sql.query(`drop index ${indexname}`);
  const regions = `array['CN-SH','CN-BJ','CN-GD','CN-ZJ','CN-JS','US-CA','US-NY','DE-BE']`;
  await sql.query(
    `insert into archive.customer (id, code, name, type, tier, industry, region, lifecycle_stage, status, owner_id, email, phone, address,
        tax_id, tags, notes, last_interaction_at, created_at, updated_at, version, void_reason, void_note, voided_at, legal_hold, stage_override,
        archived_at, archived_by, archive_reason, archive_policy_id, retain_until, checksum)
     select g, 'A' || lpad(g::text, 8, '0'), n.name, (array['ENTERPRISE','SMB','INDIVIDUAL'])[1 + g % 3], (array['KEY_ACCOUNT','LONG_TERM','STANDARD'])[1 + g % 3],
            (array['Retail','Software','Logistics','Finance','Other'])[1 + g % 5], (${regions})[1 + g % 8],
            (array['NEW','ACTIVE','INACTIVE','CHURNED'])[1 + g % 4], 'ACTIVE', 1 + g % 50, 'user' || g || '@example' || (g % 97) || '.com',
            '+86 1' || (30 + g % 60) || ' ' || lpad(((g::bigint * 7919) % 10000)::text, 4, '0') || ' ' || lpad((g % 10000)::text, 4, '0'),
            null, null, case when g % 7 = 0 then array['vip'] else '{}' end, null, now() - (g % 2000) * interval '1 day',
            now() - (g % 4000) * interval '1 day', now(), 1, null, null, null, false, false,
            now() - (g % 3650) * interval '1 day', null, (array['inactive 3 years','left market','customer request','duplicate'])[1 + g % 4], null, null,
            sha256(g::text::bytea)
       from generate_series($1::int + 1, $2::int) g join bench_name n on n.n = case when g % 100000 = 0 then 0 else 1 + g % ${nameCount - 1} end`,
    [from, to],
  );
  await sql.query(
    `insert into search_document (id, owner_id, code, name, email, phone, phone_digits, type, tier, industry, region, lifecycle_stage, tags,
        archive_reason, archived_at, archived_year, previous_status, legal_hold, checksum, name_terms)
     select a.id, a.owner_id, a.code, a.name, a.email, a.phone, regexp_replace(a.phone, '\\D', '', 'g'), a.type, a.tier, a.industry, a.region,
            a.lifecycle_stage, a.tags, a.archive_reason, a.archived_at, extract(year from a.archived_at)::int, a.status, a.legal_hold,
            encode(a.checksum, 'hex'), array_to_tsvector(n.terms)
       from archive.customer a join bench_name n on n.name = a.name where a.id > $1::int and a.id <= $2::int`,
    [from, to],
  );
  await sql.query(`set maintenance_work_mem = '512MB'`);
  // A partitioned table's index is defined `ON ONLY` the parent: recreated that way it
  // would cover no partition.
  for (const { indexdef } of indexDefs) await sql.query(indexdef.replace(' ON ONLY ', ' ON '));
  await sql.query(`vacuum analyze search_document`);
  await sql.query(`vacuum analyze archive.customer`);
  say(`archived customers ${from} → ${to} loaded and indexed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export const SEARCH_CASES = [
  { name: 'rare term (English, 10 per 1M)', query: 'quixotic' },
  { name: 'very common term (公司)', query: '公司' },
  { name: '2-char Chinese (张伟)', query: '张伟' },
  { name: 'English word (logistics)', query: 'logistics' },
  { name: 'typo (Logistcs)', query: 'Logistcs', typo: true },
  { name: 'phone fragment (4082 5678)', query: '4082 5678' },
  { name: 'email fragment (user4242@)', query: 'user4242@' },
  { name: 'filtered (科技, CN-SH, ENTERPRISE)', query: '科技', filter: { regions: ['CN-SH'], types: ['ENTERPRISE'] } },
  { name: 'SALES scope (科技, own rows)', query: '科技', ownerScope: '7' },
];

/** The same match as the engine's, as one plain statement with LIMIT 20. */
export function rawSql(c) {
  const t = queryTerms(c.query);
  const params = [];
  const add = (v) => (params.push(v), `$${params.length}`);
  const match = [];
  const ts = toTsQuery(t);
  if (ts) match.push(`name_terms @@ ${add(ts)}::tsquery`);
  // As the engine: typo matching only when the exact match finds too little.
  if (c.typo) match.push(`${add(t.text)} <% lower(name)`);
  if (t.text.length >= 3) {
    const p = add(`%${t.text}%`);
    match.push(`lower(code) like ${p}`, `lower(email) like ${p}`);
  }
  if (t.digits) match.push(`phone_digits like ${add(`%${t.digits}%`)}`);
  const where = [`(${match.join(' or ')})`];
  if (c.filter?.regions) where.push(`region = any(${add(c.filter.regions)}::text[])`);
  if (c.filter?.types) where.push(`type = any(${add(c.filter.types)}::text[])`);
  if (c.ownerScope) where.push(`owner_id = ${add(c.ownerScope)}::bigint`);
  return { text: `select id from search_document where ${where.join(' and ')} limit 20`, params, typo: Boolean(c.typo) };
}

/** What one would write without the engine: ILIKE on the archive table, with a count. */
export function naiveSql(c) {
  const params = [`%${c.query}%`];
  const where = [`(name ilike $1 or code ilike $1 or email ilike $1 or phone ilike $1)`];
  if (c.filter?.regions) where.push(`region = any($${params.push(c.filter.regions)}::text[])`);
  if (c.filter?.types) where.push(`type = any($${params.push(c.filter.types)}::text[])`);
  if (c.ownerScope) where.push(`owner_id = $${params.push(c.ownerScope)}::bigint`);
  return { text: `select id, count(*) over () from archive.customer where ${where.join(' and ')} limit 20`, params };
}

/** Latency of every case: the engine's full query (bounded ranking, count, facets), the
 * same without facets, the raw SQL of the same match with LIMIT 20 and (unless `naive` is
 * false) a naive ILIKE with a count. `cap` is the candidate bound (SEARCH_CANDIDATE_LIMIT).
 * `pooled` and `rawPooled` hold every full-query and raw-SQL sample, ascending. */
export async function measureSearch(sql, { cap = 1000, runs = 30, naive: withNaive = true } = {}) {
  const engine = new PostgresSearchIndex(sql, cap);
  const rows = [];
  const pooled = [];
  const rawPooled = [];
  for (const c of SEARCH_CASES) {
    const request = { query: c.query, fields: ['name', 'code', 'email', 'phone'], filter: c.filter ?? {}, ownerScope: c.ownerScope, limit: 20, offset: 0 };
    const res = await engine.search({ ...request, facets: true });
    const full = await time(() => engine.search({ ...request, facets: true }), runs);
    pooled.push(...full.samples);
    const noFacets = await time(() => engine.search({ ...request, facets: false }), runs);
    const raw = rawSql(c);
    const rawT = await time(
      () => raw.typo
        ? sql.transaction(async (tx) => {
            await tx.query(`select set_config('pg_trgm.word_similarity_threshold', '0.5', true)`);
            return tx.query(raw.text, raw.params);
          })
        : sql.query(raw.text, raw.params),
      runs,
    );
    rawPooled.push(...rawT.samples);
    const naive = naiveSql(c);
    const naiveT = withNaive ? await time(() => sql.query(naive.text, naive.params), Math.max(5, Math.floor(runs / 3))) : { p50: '-', p95: '-' };
    rows.push({
      query: c.name,
      hits: `${res.hits.length}/${res.totalCount}${res.totalExact ? '' : '+'}`,
      'engine p50/p95 ms': `${full.p50} / ${full.p95}`,
      'no facets p50/p95': `${noFacets.p50} / ${noFacets.p95}`,
      'raw SQL LIMIT 20 p50/p95': `${rawT.p50} / ${rawT.p95}`,
      'naive ILIKE+count p50/p95': `${naiveT.p50} / ${naiveT.p95}`,
    });
  }
  return { rows, pooled: pooled.sort((a, b) => a - b), rawPooled: rawPooled.sort((a, b) => a - b) };
}
