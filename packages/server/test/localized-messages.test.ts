import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PublicErrorCode } from '../src/common/domain-error.js';
import { localizeError } from '../src/graphql/localization.js';
import { localize, matchTemplate, negotiateLanguage } from '../src/i18n/localize.js';
import { CODE_MESSAGES, ZH } from '../src/i18n/messages.js';
import { insertCustomer } from './helpers/fixtures.js';
import { messageSources } from './helpers/message-sources.js';
import { startTestServer, type GraphQLResponse, type TestServer, type TestUser } from './helpers/test-server.js';
import { gid } from './helpers/global-ids.js';

/**
 * Messages in English or Simplified Chinese by Accept-Language: every public error code
 * answered in Chinese over HTTP (codes unchanged), field-level validation messages
 * included, and every message the source can produce present in the one catalogue.
 */

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CJK = /[\u4e00-\u9fff]/;
const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const canonical = (template: string) => template.replace(/\{\w*\}/g, '{}');

describe('the message catalogue', () => {
  it('translates every message the source can produce', () => {
    const { messages, unreadable } = messageSources(serverRoot);
    expect(unreadable).toEqual([]);
    expect(messages.length).toBeGreaterThan(150);
    const known = new Set(Object.keys(ZH).map(canonical));
    const missing = messages.filter((m) => !known.has(m.text)).map((m) => `${m.file}:${m.line} ${m.text}`);
    expect(missing).toEqual([]);
  });

  it('has the same placeholders on both sides, Chinese on the right, and every template reachable', () => {
    const problems: string[] = [];
    for (const [en, zh] of Object.entries(ZH)) {
      if (placeholders(en).join() !== placeholders(zh).join()) problems.push(`placeholders differ: ${en}`);
      if (!CJK.test(zh)) problems.push(`not Chinese: ${zh}`);
      // Filled with sample values, a template must come back as itself, not as a more
      // specific template that shadows it.
      const sample = en.replace(/\{(\w+)\}/g, (_, name: string) => `x${name}1`);
      if (matchTemplate(sample)?.en !== en) problems.push(`shadowed: ${en} (matches ${matchTemplate(sample)?.en})`);
    }
    expect(problems).toEqual([]);
  });

  it('has a sentence for every public error code', () => {
    const codes = [...Object.values(PublicErrorCode), 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'OPERATION_NOT_REGISTERED'];
    expect(codes.filter((code) => !CODE_MESSAGES[code] || !CJK.test(CODE_MESSAGES[code]!.zh))).toEqual([]);
  });

  it('fills values in, translating words and nested messages but never ids or codes', () => {
    expect(localize('Cannot archive a customer whose status is VOID', 'zh-CN')).toBe('不能归档状态为 VOID 的客户');
    expect(localize('Too many failed attempts: wait 2 minutes before trying again', 'zh-CN')).toBe('失败次数过多：请等待 2 分钟后再试');
    expect(localize('Variable "$id" got invalid value "x"; DateTime must be a string', 'zh-CN')).toBe('变量“$id”的值 "x" 无效：DateTime 必须是字符串');
    expect(localize('Customer 42 was not found', 'en')).toBe('Customer 42 was not found');
    expect(localize('Something nobody wrote', 'zh-CN')).toBeUndefined();
  });

  it('keeps the persisted-query protocol messages clients match on', () => {
    const error = { message: 'PersistedQueryNotSupported', extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' } };
    expect(localizeError(error, 'zh-CN')).toEqual(error);
  });

  it('negotiates the language from Accept-Language', () => {
    const cases: [string | undefined, string][] = [
      [undefined, 'en'], ['', 'en'], ['zh-CN', 'zh-CN'], ['zh', 'zh-CN'], ['zh-Hans-CN,zh;q=0.9', 'zh-CN'], ['ZH-cn', 'zh-CN'],
      ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'], ['fr-FR, zh;q=0.5', 'zh-CN'], ['zh-TW', 'en'], ['zh-TW, zh-CN;q=0.3', 'zh-CN'],
      ['en;q=0.2, zh-CN;q=0.8', 'zh-CN'], ['zh-CN;q=0', 'en'], ['*', 'en'], ['garbage;;q=x', 'en'],
    ];
    expect(cases.map(([header]) => [header, negotiateLanguage(header)])).toEqual(cases);
  });
});

describe('errors by Accept-Language over HTTP', () => {
  let server: TestServer;
  let registeredOnly: TestServer;
  let activeId: string;

  function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
      const probe = net.createServer();
      probe.on('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
  }

  beforeAll(async () => {
    // Search points at a port nobody listens on: the archive search answers SEARCH_UNAVAILABLE.
    const deadSearch = `http://127.0.0.1:${await freePort()}`;
    server = await startTestServer({
      SEARCH_ENGINE: 'meilisearch', MEILI_HOST: deadSearch, MEILI_REQUEST_TIMEOUT_MS: '500', LOGIN_ACCOUNT_LOCK_FAILURES: '1',
    });
    registeredOnly = await startTestServer({ PERSISTED_OPERATIONS: 'only' });
    activeId = await insertCustomer(server.db, { name: 'Sprache GmbH' });
  });
  afterAll(async () => {
    await server?.close();
    await registeredOnly?.close();
  });

  async function ask(target: TestServer, language: string, query: string, variables: Record<string, unknown> = {}, user: TestUser | null = 'admin') {
    const headers: Record<string, string> = { 'accept-language': language };
    if (user) headers.authorization = `Bearer ${await target.tokenFor(user)}`;
    return (await target.post({ query, variables }, headers)).body as GraphQLResponse;
  }

  /** Asks once per language; both answers carry `code`, the Chinese one in Chinese. */
  async function inBothLanguages(code: string, request: (language: string) => Promise<GraphQLResponse>) {
    const en = await request('en-US');
    const zh = await request('zh-CN,zh;q=0.9');
    const first = (r: GraphQLResponse) => r.errors?.find((e) => e.extensions?.code === code);
    expect([code, first(en)?.extensions?.code, first(zh)?.extensions?.code]).toEqual([code, code, code]);
    expect([code, first(en)!.message, CJK.test(first(en)!.message)]).toEqual([code, first(en)!.message, false]);
    expect([code, first(zh)!.message, CJK.test(first(zh)!.message)]).toEqual([code, first(zh)!.message, true]);
    return { en: first(en)!, zh: first(zh)! };
  }

  it('answers every public error code in Chinese for zh-CN and in English otherwise', async () => {
    const failedLogin = (language: string) =>
      ask(server, language, `mutation { login(input: { email: "manager@example.com", password: "wrong-password-1" }) { token } }`, {}, null);
    const triggers: Record<PublicErrorCode | 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED' | 'OPERATION_NOT_REGISTERED', (language: string) => Promise<GraphQLResponse>> = {
      UNAUTHENTICATED: (l) => ask(server, l, `{ customers(first: 1) { totalCount } }`, {}, null),
      // The first failure locks the account (LOGIN_ACCOUNT_LOCK_FAILURES=1); later tries are refused.
      TOO_MANY_REQUESTS: async (l) => (await failedLogin(l), failedLogin(l)),
      FORBIDDEN: (l) => ask(server, l, `mutation { createCustomer(input: { name: "x", type: SMB }) { customer { id } } }`, {}, 'reporting'),
      NOT_FOUND: (l) => ask(server, l, `mutation { voidCustomer(input: { id: "999999", reason: DUPLICATE }) { customer { id } } }`),
      BAD_USER_INPUT: (l) => ask(server, l, `{ customerStats(groupBy: []) { count } }`),
      CONFLICT: (l) => ask(server, l, `mutation($id: ID!) { updateCustomer(input: { id: $id, version: 99, tier: LONG_TERM }) { customer { id } } }`, { id: activeId }),
      INVALID_STATE: (l) => ask(server, l, `mutation($id: ID!) { unvoidCustomer(input: { id: $id, note: "checked" }) { customer { id } } }`, { id: activeId }),
      INTERNAL_SERVER_ERROR: async (l) => {
        await server.db.query(`alter table segment rename to segment_gone`);
        try {
          return await ask(server, l, `{ segments { id } }`);
        } finally {
          await server.db.query(`alter table segment_gone rename to segment`);
        }
      },
      SEARCH_UNAVAILABLE: (l) => ask(server, l, `{ searchArchive(query: "harbour") { totalCount } }`),
      GRAPHQL_PARSE_FAILED: (l) => ask(server, l, `{ customers(`),
      GRAPHQL_VALIDATION_FAILED: (l) => ask(server, l, `{ customers(first: 1) { nodes { zzqqx } } }`),
      OPERATION_NOT_REGISTERED: (l) => ask(registeredOnly, l, `{ customers(first: 1) { totalCount } }`),
    };
    const answers: Record<string, { en: string; zh: string }> = {};
    for (const [code, trigger] of Object.entries(triggers)) {
      const { en, zh } = await inBothLanguages(code, trigger);
      answers[code] = { en: en.message, zh: zh.message };
    }
    expect(answers.NOT_FOUND).toEqual({ en: `Customer ${gid('Customer', '999999')} was not found`, zh: `未找到客户 ${gid('Customer', '999999')}` });
    expect(answers.INVALID_STATE).toEqual({ en: `Cannot unvoid a customer whose status is ACTIVE`, zh: '不能取消作废状态为 ACTIVE 的客户' });
    expect(answers.INTERNAL_SERVER_ERROR).toEqual({ en: 'Internal server error', zh: '服务器内部错误' });
    expect(answers.GRAPHQL_VALIDATION_FAILED!.zh).toBe('类型“Customer”上没有字段“zzqqx”。');
  });

  it('translates field-level validation messages, keeping the field keys', async () => {
    const bad = `mutation { createCustomer(input: { name: "${'x'.repeat(300)}", type: SMB, email: "not-an-email", region: "Shanghai" }) { customer { id } } }`;
    const { en, zh } = await inBothLanguages('BAD_USER_INPUT', (l) => ask(server, l, bad));
    const fields = (e: typeof en) => e.extensions!.fields as { field: string; message: string }[];
    expect(fields(zh).map((f) => f.field)).toEqual(fields(en).map((f) => f.field));
    expect(fields(zh).length).toBeGreaterThanOrEqual(3);
    expect(fields(zh).filter((f) => !CJK.test(f.message))).toEqual([]);
    expect(fields(zh).find((f) => f.field === 'region')!.message).toBe('region 必须是 ISO 3166-2 代码，例如 CN-SH 或 US-CA');
    expect(zh.message.startsWith('输入无效（')).toBe(true);
    for (const f of fields(zh)) expect(zh.message).toContain(`${f.field}：${f.message}`);
  });

  it('translates the per-field FORBIDDEN of a withheld value and a bulk action\u2019s per-id failures', async () => {
    await server.db.query(`update customer set notes = 'n' where id = $1`, [activeId]);
    const denied = await inBothLanguages('FORBIDDEN', (l) => ask(server, l, `{ customers(first: 5) { nodes { notes } } }`, {}, 'reporting'));
    expect(denied.zh.message).toBe('您的角色无权读取 Customer.notes');
    expect(denied.zh.extensions).toEqual(denied.en.extensions);

    const bulk = (l: string) =>
      ask(server, l, `mutation($ids: [ID!]!) { unvoidCustomers(input: { ids: $ids, note: "checked" }) { failures { id code message } } }`, { ids: [activeId, '999998'] });
    const [en, zh] = [await bulk('en'), await bulk('zh-CN')];
    expect(en.data.unvoidCustomers.failures).toEqual([
      { id: gid('Customer', activeId), code: 'INVALID_STATE', message: 'Cannot unvoid a customer whose status is ACTIVE' },
      { id: gid('Customer', '999998'), code: 'NOT_FOUND', message: `Customer ${gid('Customer', '999998')} was not found` },
    ]);
    expect(zh.data.unvoidCustomers.failures).toEqual([
      { id: gid('Customer', activeId), code: 'INVALID_STATE', message: '不能取消作废状态为 ACTIVE 的客户' },
      { id: gid('Customer', '999998'), code: 'NOT_FOUND', message: `未找到客户 ${gid('Customer', '999998')}` },
    ]);
  });

  it('translates a refused token before any plugin runs, and says which language it answered in', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token', 'accept-language': 'zh-CN' },
      body: JSON.stringify({ query: '{ customers(first: 1) { totalCount } }' }),
    });
    const body = (await res.json()) as GraphQLResponse;
    expect(body.errors![0]).toMatchObject({ message: '令牌无效或已过期，请重新登录', extensions: { code: 'UNAUTHENTICATED' } });

    const ok = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.tokenFor('admin')}`, 'accept-language': 'zh-CN' },
      body: JSON.stringify({ query: '{ customers(first: 1) { totalCount } }' }),
    });
    expect([ok.headers.get('content-language'), ok.headers.get('vary')]).toEqual(['zh-CN', 'accept-language']);

    const link = await fetch(`${server.url}/exports/00000000-0000-0000-0000-000000000000`, { headers: { 'accept-language': 'zh-CN' } });
    expect([link.status, await link.json()]).toEqual([404, { error: '此下载链接未知、已过期或已使用；请重新导出' }]);
  });
});
