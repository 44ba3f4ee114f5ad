import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { EXPORT_SOURCES } from '../src/modules/export/export.columns.js';
import { PassThrough } from 'node:stream';
import { csvCell, xlsxSink } from '../src/modules/export/export.writer.js';
import { GUARDED_FIELDS } from '../src/policy/policy.js';
import { insertCustomer, setTaxId } from './helpers/fixtures.js';
import { startTestServer, type TestServer, type TestUser } from './helpers/test-server.js';
import { dbId } from './helpers/global-ids.js';

/** Exports over GraphQL + HTTP, under the caller's field guards and row rules. */

let server: TestServer;
let archivedId: string;
beforeAll(async () => {
  server = await startTestServer();
  const add = (name: string, email: string, owner: TestUser) =>
    insertCustomer(server.db, { name, ownerId: server.users[owner], email, phone: '+8613812345678' });
  const ids = [
    await add('Alpha Ltd', 'alpha@example.com', 'sales1'),
    await add('北京贝塔科技', 'beta@example.com', 'sales1'),
    await add('Gamma, "Quoted" Inc', 'gamma@example.com', 'sales2'),
    await add('=HYPERLINK("x")', 'formula@example.com', 'sales2'),
  ];
  await server.db.query(`update customer set address = '上海市 1 号', notes = 'secret note' where id = any($1::bigint[])`, [ids]);
  // Stored encrypted like the application writes it: the export decrypts for the roles that see it.
  for (const id of ids) await setTaxId(server.db, id, '91310000123456789X');
  await server.db.query(
    `insert into interaction (customer_id, kind, occurred_at, subject, body, amount, currency) select id, 'ORDER', now(), 'order', 'private body', 1234.5, 'CNY' from customer where id = any($1::bigint[])`,
    [ids],
  );
  archivedId = ids[0]!;
  const archived = await server.gql(`mutation { archiveCustomers(input: { ids: ["${archivedId}"], reason: "export test" }) { customers { id } } }`);
  expect(archived.errors).toBeUndefined();
});
afterAll(async () => {
  await server.close();
});

const CREATE = `mutation($input: CreateExportInput!) { createExport(input: $input) { url expiresAt rowCount columns } }`;

async function exportAs(user: TestUser, input: Record<string, unknown>) {
  const res = await server.as(user)(CREATE, { input });
  expect(res.errors).toBeUndefined();
  return res.data.createExport as { url: string; rowCount: number; columns: string[] };
}

async function download(url: string): Promise<{ status: number; body: Buffer; type: string | null; disposition: string | null }> {
  const res = await fetch(`${server.url}${url}`);
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition') };
}

/** A small RFC 4180 parser, enough for what the exporter writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

async function csvRecords(user: TestUser, input: Record<string, unknown>) {
  const link = await exportAs(user, { format: 'CSV', ...input });
  const file = await download(link.url);
  expect(file.status).toBe(200);
  const text = file.body.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  return { link, header: header!, rows: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]]))), file };
}

describe('customer exports', () => {
  it('ADMIN gets every live customer with every field, quoted safely, with a download name', async () => {
    const { header, rows, link, file } = await csvRecords('admin', { resource: 'CUSTOMERS' });
    expect(link.rowCount).toBe(3);
    expect(rows).toHaveLength(3);
    expect(header).toEqual(expect.arrayContaining(['Code', 'Email', 'Phone', 'Tax ID', 'Notes']));
    expect(file.type).toMatch(/^text\/csv/);
    expect(file.disposition).toMatch(/attachment; filename="custos-customers-\d{4}-\d{2}-\d{2}\.csv"/);
    const byName = Object.fromEntries(rows.map((r) => [r.Name, r]));
    expect(byName['Gamma, "Quoted" Inc']).toMatchObject({ Email: 'gamma@example.com', 'Tax ID': '91310000123456789X', Notes: 'secret note', Phone: '+8613812345678' });
    expect(byName['北京贝塔科技']!.Address).toBe('上海市 1 号');
    // A value Excel would run as a formula is defused.
    expect(byName["'=HYPERLINK(\"x\")"]).toBeDefined();
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2+3+cmd|calc')).toBe("'-2+3+cmd|calc");
    expect(csvCell('+86 138 1234 5678')).toBe('+86 138 1234 5678');
  });

  it('SALES exports only its own customers and no tax id; REPORTING gets masked contacts and nothing it may not read', async () => {
    const sales = await csvRecords('sales1', { resource: 'CUSTOMERS' });
    expect(sales.rows.map((r) => r.Name)).toEqual(['北京贝塔科技']);
    expect(sales.header).not.toContain('Tax ID');
    expect(sales.rows[0]!.Email).toBe('beta@example.com');

    const reporting = await csvRecords('reporting', { resource: 'CUSTOMERS' });
    expect(reporting.rows).toHaveLength(3);
    for (const hidden of ['Tax ID', 'Address', 'Notes']) expect(reporting.header).not.toContain(hidden);
    for (const row of reporting.rows) {
      expect(row.Phone).toBe('+86138****5678');
      expect(row.Email).toMatch(/^.\*\*\*@example\.com$/);
    }
    const raw = reporting.file.body.toString('utf8');
    for (const secret of ['91310000123456789X', 'secret note', '上海市', '13812345678']) expect(raw).not.toContain(secret);
  });

  it('uses Chinese headers when asked, and filters like the list', async () => {
    const { header, rows } = await csvRecords('admin', { resource: 'CUSTOMERS', language: 'ZH_CN', customers: { search: 'Gamma' } });
    expect(header.slice(0, 3)).toEqual(['编号', '客户代码', '名称']);
    expect(rows).toHaveLength(1);
  });

  it('follows the list\u2019s order, writes local times with their offset and coded values in the words given', async () => {
    const orderBy = [{ field: 'NAME', direction: 'DESC' }];
    const listed = await server.gql(`query($o: [CustomerOrder!]) { customers(orderBy: $o) { nodes { id } } }`, { o: orderBy });
    const { rows } = await csvRecords('admin', {
      resource: 'CUSTOMERS',
      customersOrderBy: orderBy,
      timeZone: 'Asia/Shanghai',
      valueLabels: [{ column: 'tier', value: 'STANDARD', label: '普通' }, { column: 'type', value: 'SMB', label: '中小企业' }],
    });
    expect(rows.map((r) => r.ID)).toEqual(listed.data.customers.nodes.map((n: { id: string }) => dbId(n.id)));
    const [stored] = await server.db.query<{ utc: string }>(`select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') as utc from customer where id = $1`, [rows[0]!.ID]);
    const local = new Date(`${stored!.utc.replace(' ', 'T')}Z`).getTime() + 8 * 3_600_000;
    expect(rows[0]!.Created).toBe(`${new Date(local).toISOString().slice(0, 19).replace('T', ' ')}+08:00`);
    expect(new Set(rows.map((r) => r.Tier))).toEqual(new Set(['普通']));
    expect(new Set(rows.map((r) => r.Type))).toEqual(new Set(['中小企业']));
    // Without options: key order, UTC ISO times, stored values.
    const plain = await csvRecords('admin', { resource: 'CUSTOMERS' });
    expect(plain.rows[0]!.Created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(plain.rows[0]!.Tier).toBe('STANDARD');
  });

  it('refuses labels for guarded or unknown columns, unknown zones and another resource\u2019s order', async () => {
    const refused = async (input: Record<string, unknown>) => {
      const res = await server.as('support')(CREATE, { input: { resource: 'CUSTOMERS', ...input } });
      return res.errors?.[0]?.extensions;
    };
    expect(await refused({ valueLabels: [{ column: 'email', value: 'x', label: 'y' }] })).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'valueLabels' }] });
    expect(await refused({ valueLabels: [{ column: 'nope', value: 'x', label: 'y' }] })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refused({ timeZone: 'Mars/Olympus' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'timeZone' }] });
    expect(await refused({ timeZone: '+08:00' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'timeZone' }] });
    expect(await refused({ interactionsOrderBy: [{ field: 'OCCURRED_AT', direction: 'ASC' }] })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EXPORT_FILTER_MISMATCH' });
    // Sorting interactions by an amount the role may not read would reveal it.
    const bySecret = await server.as('support')(CREATE, { input: { resource: 'INTERACTIONS', interactionsOrderBy: [{ field: 'AMOUNT', direction: 'DESC' }] } });
    expect(bySecret.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('writes an Excel workbook under the same guards', async () => {
    const link = await exportAs('support', { resource: 'INTERACTIONS', format: 'XLSX', language: 'ZH_CN' });
    const file = await download(link.url);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('主题');
    // SUPPORT reads bodies but not amounts or currencies.
    expect(header).toContain('内容');
    expect(header).not.toContain('金额');
    expect(sheet.rowCount).toBe(1 + 3);
  });

  it('writes amounts as numbers in Excel for roles that may read them', async () => {
    const link = await exportAs('reporting', { resource: 'INTERACTIONS', format: 'XLSX' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(link.url)).body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header).not.toContain('Body');
    expect(sheet.getRow(2).getCell(header.indexOf('Amount') + 1).value).toBe(1234.5);
  });

  it('exports archived customers masked for SUPPORT, refuses roles without archive access', async () => {
    const { rows, header } = await csvRecords('support', { resource: 'ARCHIVED_CUSTOMERS' });
    expect(rows).toHaveLength(1);
    expect(rows[0]!['Archive reason']).toBe('export test');
    expect(rows[0]!.Notes).toBe('s***');
    expect(header).not.toContain('Tax ID');
    for (const user of ['auditor', 'reporting'] as const) {
      const res = await server.as(user)(CREATE, { input: { resource: 'ARCHIVED_CUSTOMERS' } });
      expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });
});

describe('links and audit', () => {
  it('works once, expires, refuses foreign filters, and audits the request and the download', async () => {
    const link = await exportAs('auditor', { resource: 'AUDIT_EVENTS', auditEvents: { action: ['CUSTOMER_ARCHIVED'] } });
    expect(link.rowCount).toBe(1);
    expect((await download(link.url)).status).toBe(200);
    expect((await download(link.url)).status).toBe(404);
    const second = await exportAs('admin', { resource: 'CUSTOMERS' });
    await server.db.query(`update export_request set expires_at = now() - interval '1 second'`);
    expect((await download(second.url)).status).toBe(404);
    expect((await download('/exports/not-a-real-link')).status).toBe(404);

    const mismatch = await server.gql(CREATE, { input: { resource: 'CUSTOMERS', auditEvents: { action: ['X'] } } });
    expect(mismatch.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'auditEvents' }] });
    expect((await server.as('sales1')(CREATE, { input: { resource: 'AUDIT_EVENTS' } })).errors![0]!.extensions!.code).toBe('FORBIDDEN');

    const events = await server.db.query<{ action: string; changes: any; actor_id: string }>(
      `select action, changes, actor_id::text from audit_event where entity_type = 'Export' and entity_id = $1 order by seq`,
      [link.url.split('/').pop()!.slice(0, 12)],
    );
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ action: 'EXPORT_REQUESTED', actor_id: server.users.auditor, changes: { resource: { to: 'AUDIT_EVENTS' }, rows: { to: 1 }, filter: { to: { action: ['CUSTOMER_ARCHIVED'] } } } });
    expect(events[1]).toMatchObject({ action: 'EXPORT_DOWNLOADED', actor_id: server.users.auditor, changes: { rows: { to: 1 } } });
  });

  it('keeps no search term of a link once it was used or expired; the audit log holds it as a keyed hash', async () => {
    const term = 'export.term@example.com';
    const used = await exportAs('admin', { resource: 'CUSTOMERS', customers: { search: term, region: ['CN-SH'] } });
    const id = (url: string) => url.split('/').pop()!;
    const stored = async (url: string) => (await server.db.query<{ filter: any }>(`select filter from export_request where id = $1`, [id(url)]))[0]!.filter;
    expect((await stored(used.url)).search).toBe(term);
    expect((await download(used.url)).status).toBe(200);
    expect(await stored(used.url)).toEqual({ search: expect.stringMatching(/^\[hmac:text:test1:[0-9a-f]{24}\]$/), region: ['CN-SH'] });
    const [requested] = await server.db.query<{ changes: any }>(
      `select changes from audit_event where action = 'EXPORT_REQUESTED' and entity_id = $1`, [id(used.url).slice(0, 12)]);
    expect(requested!.changes.filter.to).toEqual(await stored(used.url));

    const expired = await exportAs('admin', { resource: 'CUSTOMERS', customers: { search: term } });
    await server.db.query(`update export_request set expires_at = now() - interval '1 second' where id = $1`, [id(expired.url)]);
    await exportAs('admin', { resource: 'CUSTOMERS' });
    expect(await stored(expired.url)).toBeNull();
    expect(JSON.stringify(await server.db.query(`select filter from export_request where used_at is not null or expires_at <= now()`))).not.toContain(term);
  });

  it('stops working at once for a disabled user', async () => {
    const link = await exportAs('manager', { resource: 'CUSTOMERS' });
    await server.db.query(`update app_user set enabled = false where id = $1`, [server.users.manager]);
    try {
      expect((await download(link.url)).status).toBe(404);
    } finally {
      await server.db.query(`update app_user set enabled = true where id = $1`, [server.users.manager]);
    }
  });
});

describe('Excel sheets', () => {
  it('continue on a new sheet, header repeated, when a sheet is full', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const sink = xlsxSink(out, 'CUSTOMERS', [true, false], 2);
    await sink.header(['n', 'name']);
    for (let i = 1; i <= 5; i++) await sink.row([String(i), `row ${i}`]);
    await sink.end();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['CUSTOMERS', 'CUSTOMERS (2)', 'CUSTOMERS (3)']);
    expect(workbook.worksheets.map((s) => s.rowCount)).toEqual([3, 3, 2]);
    expect(workbook.worksheets[2]!.getRow(1).values).toEqual([undefined, 'n', 'name']);
    expect(workbook.worksheets[2]!.getRow(2).getCell(1).value).toBe(5);
  });
});

describe('export columns follow the policy', () => {
  it('declares every guarded field of each exported type with its guard', () => {
    for (const source of Object.values(EXPORT_SOURCES)) {
      for (const field of Object.keys(GUARDED_FIELDS).filter((f) => f.startsWith(`${source.type}.`))) {
        const key = field.split('.')[1]!;
        const column = source.columns.find((c) => c.key === key);
        expect([field, column?.guard]).toEqual([field, field]);
      }
      for (const column of source.columns) {
        if (`${source.type}.${column.key}` in GUARDED_FIELDS) expect(column.guard).toBe(`${source.type}.${column.key}`);
        if (column.guard) expect(column.guard.startsWith(`${source.type}.`)).toBe(true);
      }
    }
  });
});
