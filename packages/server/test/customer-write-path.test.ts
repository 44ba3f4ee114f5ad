import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../src/config.js';
import { createRequestContext, inTransaction, type RequestContext } from '../src/core/context.js';
import { CustomerStatus } from '../src/modules/customer/customer.enums.js';
import { allows, checkTransition, lockCustomers, requireTransition, TRANSITIONS } from '../src/modules/customer/customer.lifecycle.js';
import { writeCustomer, writeCustomersWhere } from '../src/modules/customer/customer.store.js';
import { Params } from '../src/db/sql.js';
import { Role } from '../src/policy/role.js';
import { TokenSigner } from '../src/core/tokens.js';
import { insertCustomer } from './helpers/fixtures.js';
import { createTestDatabase, TEST_ENCRYPTION_KEY, type TestDatabase } from './helpers/test-database.js';
import { TEST_JWT_SECRET } from './helpers/test-server.js';

/**
 * Live customer rows have one write path (modules/customer/customer.store.ts): the rest
 * of the code changes customers through it, so version, updated_at, the sealed tax id and
 * the audit diff are kept the same way for every feature. The source scan below fails
 * when a statement that writes the `customer` table appears anywhere else.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : files(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The live table by name: not `archive.customer`, not `customer_merge` and the like. */
const LIVE = String.raw`(?<![.\w])customer(?![\w.])`;
const WRITES = {
  update: new RegExp(String.raw`\bupdate\s+(?:only\s+)?${LIVE}`, 'gi'),
  insert: new RegExp(String.raw`\binsert\s+into\s+${LIVE}`, 'gi'),
  delete: new RegExp(String.raw`\bdelete\s+from\s+${LIVE}`, 'gi'),
  other: new RegExp(String.raw`\b(?:truncate|copy)\s+(?:table\s+)?${LIVE}|\bem\.(?:create|assign|persist|nativeUpdate|nativeDelete)\([^)]*Customer`, 'gi'),
};

/**
 * Statements outside the customer module that may touch the live table, each for a reason
 * that is not a change of a customer's fields: moving whole rows between the live and the
 * archive store in one statement (archive, restore, purge — the lifecycle transitions
 * whose rules live in customer.lifecycle.ts), and generating demo data in an empty
 * database (seed: bulk, before anyone uses it, unaudited by design).
 */
const ROW_MOVES: Record<string, (keyof typeof WRITES)[]> = {
  'src/modules/archive/archive.store.ts': ['insert', 'delete'],
  'src/modules/archive/purge.service.ts': ['delete'],
  'src/modules/seed/seed.service.ts': ['insert', 'update'],
  'src/modules/seed/seed.stage.ts': ['insert'],
};

function writesIn(file: string): { kind: keyof typeof WRITES; line: number }[] {
  // Comments name statements without running them.
  const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:])\/\/.*$/gm, '$1');
  const found: { kind: keyof typeof WRITES; line: number }[] = [];
  for (const [kind, pattern] of Object.entries(WRITES) as [keyof typeof WRITES, RegExp][]) {
    for (const match of text.matchAll(pattern)) found.push({ kind, line: text.slice(0, match.index).split('\n').length });
  }
  return found;
}

describe('one write path for customer rows', () => {
  it('only modules/customer writes the customer table (row moves between stores and the seed named)', () => {
    const offenders: string[] = [];
    const writers = new Set<string>();
    for (const file of files(path.join(root, 'src'))) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      for (const { kind, line } of writesIn(file)) {
        if (rel.startsWith('src/modules/customer/')) writers.add('src/modules/customer');
        else if (!ROW_MOVES[rel]?.includes(kind)) offenders.push(`${rel}:${line} (${kind})`);
      }
    }
    expect(offenders).toEqual([]);
    expect([...writers]).toEqual(['src/modules/customer']);
    // Field writes (UPDATE) come from one file of that module.
    const updaters = files(path.join(root, 'src/modules/customer')).filter((f) => writesIn(f).some((w) => w.kind === 'update'));
    expect(updaters.map((f) => path.basename(f))).toEqual(['customer.store.ts']);
  });

  it('the scan sees the statements it is meant to catch', () => {
    const probe = path.join(root, 'test', `.write-path-probe-${process.pid}.ts`);
    fs.writeFileSync(
      probe,
      [
        'const a = `update customer set name = $2 where id = $1`;',
        'const b = `UPDATE customer c SET tags = $2`;',
        'const c = `insert into customer (code) values ($1)`;',
        'const d = `delete from customer where id = $1`;',
        'const e = `update archive.customer set legal_hold = true`; // not the live table',
        'const f = `update customer_merge set unmerged_at = now()`;',
        '/* update customer set x = 1 */',
      ].join('\n'),
    );
    try {
      expect(writesIn(probe).map((w) => `${w.kind}:${w.line}`)).toEqual(['update:1', 'update:2', 'insert:3', 'delete:4']);
    } finally {
      fs.rmSync(probe);
    }
  });

  it('every verb starts only from the states the lifecycle names', () => {
    expect(allows('void', CustomerStatus.ACTIVE)).toBe(true);
    expect(allows('void', CustomerStatus.VOID)).toBe(false);
    expect(allows('edit', CustomerStatus.MERGED)).toBe(false);
    expect(allows('maintain', CustomerStatus.VOID)).toBe(true);
    expect(allows('purge', CustomerStatus.ACTIVE)).toBe(false);
    expect(allows('purge', CustomerStatus.ARCHIVED)).toBe(true);
    // No verb leaves a MERGED customer but unmerge (and the legal duties).
    const fromMerged = Object.entries(TRANSITIONS).filter(([, rule]) => rule.from.includes(CustomerStatus.MERGED)).map(([verb]) => verb);
    expect(fromMerged.sort()).toEqual(['comply', 'unmerge']);
  });
});

describe('the customer store', () => {
  let db: TestDatabase;
  let ctx: RequestContext;
  let adminId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, ENCRYPTION_KEY: TEST_ENCRYPTION_KEY });
    const [admin] = await db.query<{ id: string }>(`insert into app_user (email, display_name, role) values ('store@example.com', 'Store', 'ADMIN') returning id::text`);
    adminId = admin!.id;
    ctx = createRequestContext(db.orm, config, new TokenSigner(config.JWT_SECRET!, 60), 'store-test');
    ctx.actor = { userId: adminId, role: Role.ADMIN, email: 'store@example.com' };
  });

  afterAll(async () => {
    await db?.close();
  });

  it('writes only changed fields, bumps the version once, seals the tax id and returns the audit diff', async () => {
    const id = await insertCustomer(db, { name: 'Store One', email: 'one@example.com' });
    const write = await inTransaction(ctx, async (tx) => {
      const locked = await lockCustomers(tx, [id]);
      const before = requireTransition('edit', id, locked, 1);
      return writeCustomer(tx, { before, changes: { name: 'Store One', email: 'new@example.com', taxId: '91350211M000100Y43' } }, { audit: { action: 'CUSTOMER_UPDATED' } });
    });
    expect(write.after).toMatchObject({ id, version: 2, email: 'new@example.com', taxId: '91350211M000100Y43' });
    // Name was given unchanged: not in the diff. Personal values enter the log masked.
    expect(Object.keys(write.changes).sort()).toEqual(['email', 'taxId']);
    expect(JSON.stringify(write.changes)).not.toContain('new@example.com');
    const [row] = await db.query<{ tax_id: string; hashed: boolean; updated: boolean }>(
      `select tax_id, tax_id_hash is not null as hashed, updated_at > created_at as updated from customer where id = $1`,
      [id],
    );
    expect(row!.tax_id.startsWith('v1:')).toBe(true);
    expect(row!).toMatchObject({ hashed: true, updated: true });
    const events = await db.query<{ action: string; changes: Record<string, unknown> }>(
      `select action, changes from audit_event where entity_type = 'Customer' and entity_id = $1 order by seq`,
      [id],
    );
    expect(events.map((e) => e.action)).toEqual(['CUSTOMER_UPDATED']);
    expect(Object.keys(events[0]!.changes).sort()).toEqual(['email', 'taxId']);
  });

  it('refuses a stale version and a transition the state does not allow, changing nothing', async () => {
    const id = await insertCustomer(db, { name: 'Store Two', status: 'VOID' });
    await expect(inTransaction(ctx, async (tx) => requireTransition('edit', id, await lockCustomers(tx, [id]), 7))).rejects.toMatchObject({
      reason: 'CUSTOMER_VERSION_CONFLICT',
    });
    await expect(inTransaction(ctx, async (tx) => requireTransition('edit', id, await lockCustomers(tx, [id]), 1))).rejects.toMatchObject({
      reason: 'LIFECYCLE_INVALID_STATE',
    });
    const check = await inTransaction(ctx, async (tx) => checkTransition('unvoid', id, await lockCustomers(tx, [id])));
    expect(check.ok).toBe(true);
    const [row] = await db.query<{ version: number }>(`select version from customer where id = $1`, [id]);
    expect(row!.version).toBe(1);
  });

  it('keeps the stored name key (duplicate matching) equal to the key of the name after every kind of write', async () => {
    const id = await insertCustomer(db, { name: 'ＡＣＭＥ  Trading Co., Ltd.' });
    const keyOf = async () =>
      (await db.query<{ stored: string | null; computed: string | null }>(`select c.name_key as stored, custos_name_key(c.name) as computed from customer c where c.id = $1`, [id]))[0]!;
    expect(await keyOf()).toEqual({ stored: 'acme trading', computed: 'acme trading' });
    await inTransaction(ctx, async (tx) => {
      const before = requireTransition('edit', id, await lockCustomers(tx, [id]), 1);
      await writeCustomer(tx, { before, changes: { name: '上海　星辰科技有限公司' } }, { audit: { action: 'CUSTOMER_UPDATED' } });
    });
    const renamed = await keyOf();
    expect(renamed.stored).toBe(renamed.computed);
    expect(renamed.stored).toContain('星辰科技');
    const params = new Params();
    await inTransaction(ctx, (tx) =>
      writeCustomersWhere(tx, { where: `c.id = ${params.add(id, 'bigint')}`, params, set: { name: `c.name || ' Holdings Inc.'` }, audit: null }),
    );
    const setBased = await keyOf();
    expect(setBased.stored).toBe(setBased.computed);
    expect(setBased.stored).toMatch(/星辰科技.*holdings$/);
  });

  it('set-based writes change only the rows whose value changes, one event each', async () => {
    const a = await insertCustomer(db, { name: 'Set A', tags: ['x'] });
    const b = await insertCustomer(db, { name: 'Set B', tags: ['y'] });
    const params = new Params();
    const ids = params.add([a, b], 'bigint[]');
    const diffs = await inTransaction(ctx, (tx) =>
      writeCustomersWhere(tx, {
        where: `c.id = any(${ids})`,
        params,
        set: { tags: `array_remove(c.tags, ${params.add('x', 'text')})` },
        audit: { action: 'CUSTOMER_TAGGED' },
      }),
    );
    expect(diffs).toEqual([{ id: a, changes: { tags: { from: ['x'], to: [] } }, before: { tags: ['x'] }, version: 2 }]);
    const rows = await db.query<{ id: string; version: number }>(`select id::text, version from customer where id = any($1::bigint[]) order by customer.id`, [[a, b]]);
    expect(rows).toEqual([{ id: a, version: 2 }, { id: b, version: 1 }]);
  });
});
