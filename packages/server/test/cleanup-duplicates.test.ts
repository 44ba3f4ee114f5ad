import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { combinedScore, groupPairs, type ScoredPair } from '../src/modules/cleanup/duplicate.groups.js';
import { insertCustomer, setTaxId } from './helpers/fixtures.js';
import { startWorker, waitForJob } from './helpers/jobs.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { dbId } from './helpers/global-ids.js';

let server: TestServer;
const planted: [string, string][] = [];

/** A reproducible random source, so the planted dataset is the same on every run. */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const ZH = '星辰海天宏达华信恒通远航金鼎瑞丰博雅嘉禾东方明珠新锐卓越九州长城祥云启明鸿运盛世';
const EN = ['Bright', 'Stone', 'River', 'Nova', 'Peak', 'Harbor', 'Cedar', 'Atlas', 'Summit', 'Orchid', 'Falcon', 'Maple', 'Quartz', 'Vertex', 'Willow', 'Zenith'];
const TRADE = ['Logistics', 'Software', 'Trading', 'Foods', 'Textiles', 'Robotics', 'Pharma', 'Media'];
const REGIONS = ['CN-SH', 'CN-BJ', 'CN-GD', 'US-CA'];

async function plantDataset(): Promise<void> {
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const bases: { id: string; name: string; zh: boolean; region: string; email: string; phone: string; tax: string }[] = [];
  const names = new Set<string>();
  while (bases.length < 240) {
    const zh = rand() < 0.5;
    const name = zh
      ? `${pick(['上海', '北京', '深圳', '杭州'])}${Array.from({ length: 4 }, () => ZH[Math.floor(rand() * ZH.length)]).join('')}${pick(['科技', '贸易', '物流'])}`
      : `${pick(EN)}${pick(EN).toLowerCase()} ${pick(TRADE)} ${pick(['Ltd', 'Inc', 'Co'])}`;
    if (names.has(name)) continue;
    names.add(name);
    const n = bases.length;
    const region = pick(REGIONS);
    const phone = region === 'US-CA' ? `+1 415 555 ${String(1000 + n)}` : `139${String(10000000 + n * 7919).slice(0, 8)}`;
    const email = `contact${n}@${zh ? 'corp' : 'firm'}${n}.com`;
    const tax = `91310000MA${String(10000000 + n).slice(0, 8)}`;
    const id = await insertCustomer(server.db, { name, region, email, phone });
    await setTaxId(server.db, id, tax);
    bases.push({ id, name, zh, region, email, phone, tax });
  }
  // Hard negatives: a shared placeholder email and phone, and a famous name in two regions.
  for (let i = 0; i < 6; i++) await insertCustomer(server.db, { name: `Placeholder Holder ${i} ${pick(EN)}`, region: 'CN-SH', email: 'test@test', phone: '11111111111' });
  await insertCustomer(server.db, { name: '上海星辰科技', region: 'CN-SH' });
  await insertCustomer(server.db, { name: '上海星辰科技', region: 'CN-BJ' });

  const variants: ((b: (typeof bases)[number]) => Record<string, string | null>)[] = [
    // Legal form added or dropped, phone written another way.
    (b) => ({ name: b.zh ? `${b.name}有限公司` : b.name.replace(/ (Ltd|Inc|Co)$/, ' Limited'), phone: b.phone.startsWith('+1') ? b.phone.replace(/ /g, '-') : `+86 ${b.phone.slice(0, 3)} ${b.phone.slice(3, 7)} ${b.phone.slice(7)}`, email: null }),
    // Shouted and spaced out, same email in upper case.
    (b) => ({ name: b.name.toUpperCase().replace(/ /g, '  '), email: b.email.toUpperCase(), phone: null }),
    // Full-width forms only.
    (b) => ({ name: b.name.replace(/[A-Za-z0-9 ]/g, (c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0))), email: null, phone: null }),
    // Same tax id written with spaces, name unchanged but a different contact.
    (b) => ({ name: b.name, email: null, phone: null, tax: `${b.tax.slice(0, 4)} ${b.tax.slice(4)}` }),
    // A typo in an English name (similar, not equal), nothing else shared.
    (b) => ({ name: b.zh ? `${b.name}有限公司` : b.name.replace(/ /, 'e '), email: null, phone: null }),
    // One character of a Chinese name written differently (trigrams of CJK text).
    (b) => ({ name: b.zh ? `${b.name.slice(0, 4)}${b.name[4] === '鑫' ? '森' : '鑫'}${b.name.slice(5)}` : b.name.replace(/ /, 's '), email: null, phone: null }),
  ];
  for (let i = 0; i < 60; i++) {
    const base = bases[i * 4]!;
    const v = variants[i % variants.length]!(base);
    const id = await insertCustomer(server.db, { name: v.name!, region: base.region, email: v.email, phone: v.phone });
    if (v.tax) await setTaxId(server.db, id, v.tax);
    planted.push([base.id, id]);
  }
}

async function runDetection(): Promise<any> {
  const res = await server.gql(`mutation { detectDuplicates { job { id kind state } } }`);
  expect(res.errors).toBeUndefined();
  const worker = startWorker(server);
  try {
    return await waitForJob(server.db, res.data.detectDuplicates.job.id);
  } finally {
    await worker.stop();
  }
}

async function allGroups(as = server.gql): Promise<any[]> {
  const res = await as(`{ duplicateCandidates(first: 200) { totalCount nodes { id score region memberIds reasons { kind score pairs description } customers { id name } } } }`);
  expect(res.errors).toBeUndefined();
  return res.data.duplicateCandidates.nodes;
}

beforeAll(async () => {
  server = await startTestServer();
  await plantDataset();
}, 60_000);
afterAll(async () => {
  await server.close();
});

describe('grouping pairs', () => {
  it('joins pairs into groups, adds up independent evidence, and splits chains of common names along strong evidence', () => {
    expect(combinedScore({ EMAIL: 0.9, PHONE: 0.85 })).toBe(0.985);
    const chain: ScoredPair[] = Array.from({ length: 11 }, (_, i) => ({ a: String(i + 1), b: String(i + 2), reasons: { NAME: 0.7 } }));
    chain[3] = { a: '4', b: '5', reasons: { NAME: 0.7, PHONE: 0.85 } };
    const small: ScoredPair[] = [{ a: '100', b: '101', reasons: { EMAIL: 0.9 } }, { a: '101', b: '102', reasons: { SIMILAR_NAME: 0.72 } }];
    const { groups, oversized } = groupPairs([...chain, ...small], new Map([['100', 'CN-SH'], ['101', 'CN-SH'], ['102', 'CN-SH']]), 10);
    expect(oversized).toBe(0);
    expect(groups.map((g) => g.members)).toEqual([['4', '5'], ['100', '101', '102']]);
    expect(groups[1]).toMatchObject({ region: 'CN-SH', score: 0.9, reasons: [{ kind: 'EMAIL', pairs: 1 }, { kind: 'SIMILAR_NAME', pairs: 1 }] });
  });
});

describe('duplicate detection', () => {
  it('finds the planted duplicates with high precision and recall', async () => {
    const job = await runDetection();
    expect(job.state).toBe('SUCCEEDED');
    expect(Number(job.progress_done)).toBe(Number(job.progress_total));
    const groups = await allGroups();
    const predicted = new Set<string>();
    for (const g of groups) {
      for (const a of g.memberIds.map(dbId)) for (const b of g.memberIds.map(dbId)) if (BigInt(a) < BigInt(b)) predicted.add(`${a}-${b}`);
    }
    const truth = new Set(planted.map(([a, b]) => `${a}-${b}`));
    const hits = [...predicted].filter((p) => truth.has(p)).length;
    const missed = [...truth].filter((p) => !predicted.has(p));
    if (missed.length) {
      const names = await server.db.query<{ id: string; name: string; region: string }>(`select id::text, name, region from customer where id = any($1::bigint[])`, [missed.flatMap((m) => m.split('-'))]);
      const sims = await server.db.query<{ s: number; a: string; b: string }>(
        `select similarity(custos_name_key(x.name), custos_name_key(y.name)) as s, custos_name_key(x.name) a, custos_name_key(y.name) b from customer x, customer y where (x.id::text || '-' || y.id::text) = any($1::text[])`, [missed]);
      console.log('missed planted pairs', JSON.stringify(names), JSON.stringify(sims));
    }
    const precision = hits / predicted.size;
    const recall = hits / truth.size;
    console.log(`duplicate detection on ${planted.length} planted pairs among 308 customers: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${predicted.size} predicted pairs, ${groups.length} groups)`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    // Placeholders and a name shared across regions are not duplicates.
    const names = groups.flatMap((g) => g.customers.map((c: any) => c.name));
    expect(names.some((n: string) => n.startsWith('Placeholder Holder'))).toBe(false);
    expect(names.filter((n: string) => n === '上海星辰科技')).toHaveLength(0);
    // Reasons say why in words, never with the values.
    const emailGroup = groups.find((g) => g.reasons.some((r: any) => r.kind === 'EMAIL'));
    expect(emailGroup.reasons.find((r: any) => r.kind === 'EMAIL').description).toBe('Same email address (after normalization)');
    expect(JSON.stringify(groups.map((g) => g.reasons))).not.toMatch(/@|\+86|139\d/);
    const scores = groups.map((g) => g.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(groups.some((g) => g.reasons.some((r: any) => r.kind === 'SIMILAR_NAME'))).toBe(true);
    const similarChinese = groups.filter((g) => g.reasons.some((r: any) => r.kind === 'SIMILAR_NAME') && /[\u4e00-\u9fff]/.test(g.customers[0].name));
    expect(similarChinese.length).toBeGreaterThan(0);
  });

  it('the write-time check finds what detection grouped, by the same rules (Chinese and Latin names)', async () => {
    // The gate (duplicate.reader.ts) reaches names through the trigram index and stops at
    // 20 similar names; detection compares whole regions in blocks. Both must apply the
    // same keys and thresholds, so each customer of a group, checked as if saved again,
    // finds another member of its group, and a pair (a group of two) for every reason
    // detection gave (the tax id aside: the check needs it in clear).
    const listed = await server.gql(`{ duplicateCandidates(first: 200) { nodes { memberIds reasons { kind } customers { id name region email phone } } } }`);
    expect(listed.errors).toBeUndefined();
    const groups: any[] = listed.data.duplicateCandidates.nodes.filter((g: any) => g.customers.length === g.memberIds.length);
    expect(groups.length).toBeGreaterThan(20);
    const kindsFound = new Set<string>();
    for (const g of groups) {
      const members: any[] = g.customers;
      for (const m of members) {
        const res = await server.gql(`query($i: CustomerDuplicateCheckInput!) { customerDuplicates(input: $i) { customer { id } reasons { kind } } }`, {
          i: { id: m.id, name: m.name, region: m.region, email: m.email, phone: m.phone },
        });
        expect(res.errors).toBeUndefined();
        const found: any[] = res.data.customerDuplicates;
        const others = members.filter((o) => o.id !== m.id).map((o) => o.id);
        const inGroup = found.filter((d) => others.includes(d.customer.id));
        expect({ member: m.name, found: inGroup.length > 0 }).toEqual({ member: m.name, found: true });
        if (members.length === 2) {
          const want = g.reasons.map((r: any) => r.kind).filter((k: string) => k !== 'TAX_ID').sort();
          const got = inGroup[0].reasons.map((r: any) => r.kind).filter((k: string) => k !== 'TAX_ID').sort();
          expect({ pair: members.map((o) => o.name), kinds: got }).toEqual({ pair: members.map((o) => o.name), kinds: want });
          for (const k of want) kindsFound.add(`${k}:${/[\u4e00-\u9fff]/.test(m.name) ? 'zh' : 'latin'}`);
        }
      }
    }
    expect([...kindsFound].sort()).toEqual(expect.arrayContaining(['SIMILAR_NAME:latin', 'SIMILAR_NAME:zh', 'NAME:latin', 'NAME:zh', 'EMAIL:latin', 'PHONE:zh']));
  });

  it('gets trigrams from Chinese text (the database has a non-C character type)', async () => {
    const [row] = await server.db.query<{ n: number }>(`select cardinality(show_trgm('上海星辰科技'))::int as n`);
    expect(row!.n).toBeGreaterThan(5);
  });

  it('normalizes match keys in SQL', async () => {
    const phones = await server.db.query<{ k: string | null }>(
      `select custos_phone_key(p) as k from unnest(array['+86 21 6123 4567', '0086-21-61234567', '021 6123 4567', '０２１－６１２３４５６７', '+86 138 0013 8000', '13800138000', '12345', null]) p`,
    );
    expect(phones.map((r) => r.k)).toEqual(['2161234567', '2161234567', '2161234567', '2161234567', '13800138000', '13800138000', null, null]);
    const [keys] = await server.db.query<Record<string, string>>(
      `select custos_name_key('上海　星辰科技有限公司') as a, custos_name_key('上海星辰科技') as b, custos_name_key('ＡＣＭＥ  Trading Co., Ltd.') as c,
              custos_name_key('acme trading') as d, custos_email_key(' Info@Acme.COM ') as e, custos_tax_key('9131 0000-ma1k') as t`,
    );
    expect(keys).toEqual({ a: '上海 星辰科技', b: '上海星辰科技', c: 'acme trading', d: 'acme trading', e: 'info@acme.com', t: '91310000MA1K' });
  });

  it('remembers a dismissal across runs', async () => {
    const [first] = await allGroups();
    const res = await server.as('manager')(`mutation { dismissDuplicate(input: { groupId: "${first.id}", reason: "different branches" }) { groupId dismissedPairs } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.dismissDuplicate.dismissedPairs).toBe((first.memberIds.length * (first.memberIds.length - 1)) / 2);
    await runDetection();
    const again = await allGroups();
    expect(again.some((g) => g.memberIds.join() === first.memberIds.join())).toBe(false);
    const missing = await server.gql(`mutation { dismissDuplicate(input: { groupId: "${first.id}" }) { groupId } }`);
    expect(missing.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('drops groups whose members were merged, filters by customer and score', async () => {
    const [group] = await allGroups();
    const [a, b] = group.memberIds;
    const filtered = await server.gql(`{ duplicateCandidates(filter: { customerId: "${a}", minScore: 0.1 }) { totalCount nodes { id } } }`);
    expect(filtered.data.duplicateCandidates.nodes.map((n: any) => n.id)).toContain(group.id);
    const versions = await server.db.query<{ id: string; version: number }>(`select id::text, version from customer where id = any($1::bigint[])`, [[dbId(a), dbId(b)]]);
    const v = versions.map((r) => `{ id: "${r.id}", version: ${r.version} }`).join(', ');
    const merged = await server.gql(`mutation { mergeCustomers(input: { survivorId: "${a}", mergedIds: ["${b}"], versions: [${v}] }) { merge { id } } }`);
    expect(merged.errors).toBeUndefined();
    const after = await server.gql(`{ duplicateCandidates(filter: { customerId: "${a}" }) { nodes { id customers { id } } } }`);
    for (const node of after.data.duplicateCandidates.nodes) expect(node.customers.map((c: any) => c.id)).not.toContain(b);
  });

  it('takes a minimum score too small for a real as 0 (found by input-fuzz)', async () => {
    const count = async (minScore: string) => {
      const res = await server.gql(`{ duplicateCandidates(filter: { minScore: ${minScore} }) { totalCount } }`);
      expect(res.errors).toBeUndefined();
      return res.data.duplicateCandidates.totalCount as number;
    };
    const all = await count('0');
    expect(all).toBeGreaterThan(0);
    expect(await count('5e-324')).toBe(all);
  });

  it('is for ADMIN and MANAGER only; field guards apply to members', async () => {
    for (const user of ['sales1', 'support', 'auditor', 'reporting'] as const) {
      const res = await server.as(user)(`{ duplicateCandidates { totalCount } }`);
      expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      const run = await server.as(user)(`mutation { detectDuplicates { job { id } } }`);
      expect(run.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    const res = await server.as('manager')(`{ duplicateCandidates(first: 5, filter: { reason: ["PHONE"] }) { nodes { customers { phone taxId } } } }`);
    expect(res.errors).toBeUndefined();
    const taxIds = res.data.duplicateCandidates.nodes.flatMap((n: any) => n.customers.map((c: any) => c.taxId)).filter(Boolean);
    expect(taxIds.length).toBeGreaterThan(0);
    for (const t of taxIds) expect(t).toMatch(/\*/);
  });

  it('shows MANAGER no tax id evidence: not as a reason, a filter, a score or a group, as cleanupStats counts', async () => {
    // Two customers that share nothing but their tax id.
    const lone = [await insertCustomer(server.db, { name: 'Quokka Ventures', region: 'CN-SH' }), await insertCustomer(server.db, { name: '北方蓝鲸有限公司', region: 'US-CA' })];
    for (const id of lone) await setTaxId(server.db, id, '91310000MA1LONELY7');
    await runDetection();
    const refused = await server.as('manager')(`{ duplicateCandidates(filter: { reason: ["TAX_ID"] }) { totalCount } }`);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused.errors![0]!.message).toContain('Customer.taxId');
    const unknown = await server.gql(`{ duplicateCandidates(filter: { reason: ["SHOE_SIZE"] }) { totalCount } }`);
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'filter.reason' }] });

    const admin = await allGroups();
    const manager = await allGroups(server.as('manager'));
    expect(admin.some((g) => g.reasons.some((r: any) => r.kind === 'TAX_ID'))).toBe(true);
    expect(JSON.stringify(manager)).not.toContain('TAX_ID');
    expect(JSON.stringify(manager)).not.toContain('tax id');
    // Groups held together by the tax id alone are not listed; the others keep the rest.
    const onlyTax = admin.filter((g) => g.reasons.every((r: any) => r.kind === 'TAX_ID'));
    expect(onlyTax.length).toBeGreaterThan(0);
    expect(manager.map((g) => g.id).sort()).toEqual(admin.filter((g) => !onlyTax.includes(g)).map((g) => g.id).sort());
    for (const group of manager) {
      const full = admin.find((g) => g.id === group.id)!;
      expect(group.reasons).toEqual(full.reasons.filter((r: any) => r.kind !== 'TAX_ID'));
      // The score is what the visible evidence gives: a hidden tax id adds nothing.
      if (full.reasons.some((r: any) => r.kind === 'TAX_ID')) {
        expect(group.score).toBeCloseTo(combinedScore(Object.fromEntries(group.reasons.map((r: any) => [r.kind, r.score]))), 3);
      } else {
        expect(group.score).toBeCloseTo(full.score, 3);
      }
    }
    const scores = manager.map((g) => g.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    const high = await server.as('manager')(`{ duplicateCandidates(first: 200, filter: { minScore: 0.95 }) { nodes { id score } } }`);
    expect(high.data.duplicateCandidates.nodes.every((n: any) => n.score >= 0.95)).toBe(true);

    const count = await server.as('manager')(`{ duplicateCandidates { totalCount } }`);
    const stats = await server.as('manager')(`{ cleanupStats { duplicateGroupsPending duplicatesByReason { kind groups } } }`);
    expect(stats.errors).toBeUndefined();
    expect(stats.data.cleanupStats.duplicateGroupsPending).toBe(count.data.duplicateCandidates.totalCount);
    for (const { kind, groups } of stats.data.cleanupStats.duplicatesByReason) {
      const listed = await server.as('manager')(`{ duplicateCandidates(filter: { reason: ["${kind}"] }) { totalCount } }`);
      expect({ kind, groups: listed.data.duplicateCandidates.totalCount }).toEqual({ kind, groups });
    }
  });

  it('pages to the end: no group twice, no cursor twice, as many as totalCount (ADMIN and MANAGER)', async () => {
    for (const user of ['admin', 'manager'] as const) {
      const seen: string[] = [];
      const cursors = new Set<string>();
      let after: string | null = null;
      let total = 0;
      for (let page = 0; page < 200; page++) {
        const res: any = await server.as(user)(`query($after: String) { duplicateCandidates(first: 7, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`, { after });
        expect(res.errors).toBeUndefined();
        const conn = res.data.duplicateCandidates;
        total = conn.totalCount;
        seen.push(...conn.nodes.map((n: any) => n.id));
        if (!conn.pageInfo.hasNextPage) break;
        expect(cursors.has(conn.pageInfo.endCursor)).toBe(false);
        cursors.add(conn.pageInfo.endCursor);
        after = conn.pageInfo.endCursor;
      }
      expect(total).toBeGreaterThan(14);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(total);
    }
  });
});
