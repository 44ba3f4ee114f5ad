import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { CONFIG_VARIABLES, ConfigError, FILE_SECRETS, loadConfig } from '../src/config.js';
import { loadKeyRing } from '../src/crypto/keyring.js';
import { openPool } from '../src/db/orm.js';
import { testClusterUrl } from './helpers/test-database.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ NODE_ENV: 'development', PORT: 4000, isProduction: false });
    expect(config.DATABASE_URL).toBeUndefined();
    // A shutdown fits Kubernetes' default 30 s grace period, stopping PostgreSQL included.
    expect(config).toMatchObject({ SHUTDOWN_TIMEOUT_MS: 20_000, READYZ_TIMEOUT_MS: 2_000, EMBEDDED_PG_MAX_RESTARTS: 5, EMBEDDED_PG_RESTART_BACKOFF_MS: 1_000 });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['NODE_ENV', 'staging'],
    ['DATABASE_URL', 'mysql://localhost/custos'],
    ['DB_POOL_MAX', '0'],
    ['LOG_LEVEL', 'loud'],
    ['MEILI_HOST', 'not a url'],
    ['MEILI_INDEX', 'bad name!'],
    ['SEARCH_SYNC', 'maybe'],
    ['SEARCH_CANDIDATE_LIMIT', '10'],
    ['PHONE_DEFAULT_REGION', 'XX'],
    ['PHONE_DEFAULT_REGION', 'cn'],
    ['DUPLICATE_NAME_SIMILARITY', '1.5'],
    ['DATA_QUALITY_OUTDATED_YEARS', '0'],
    ['BULK_TAG_LIMIT', 'many'],
    ['SHUTDOWN_TIMEOUT_MS', '10'],
    ['READYZ_TIMEOUT_MS', 'soon'],
    ['EMBEDDED_PG_MAX_RESTARTS', '-1'],
    ['EMBEDDED_PG_RESTART_BACKOFF_MS', '0'],
  ])('stops on a bad %s and names it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}:`));
  });

  it('selects the search engine from MEILI_HOST and refuses a key without a host', () => {
    expect(loadConfig({}).MEILI_HOST).toBeUndefined();
    expect(loadConfig({ MEILI_HOST: 'http://127.0.0.1:7700', MEILI_API_KEY: 'k' })).toMatchObject({ MEILI_INDEX: 'archived_customers' });
    expect(() => loadConfig({ MEILI_API_KEY: 'k' })).toThrow(/MEILI_API_KEY: is set but MEILI_HOST is not/);
  });

  it('reads the cleanup settings', () => {
    expect(loadConfig({})).toMatchObject({ PHONE_DEFAULT_REGION: 'CN', DATA_QUALITY_OUTDATED_YEARS: 3, DUPLICATE_NAME_SIMILARITY: 0.6, BULK_TAG_LIMIT: 10_000 });
    expect(loadConfig({ PHONE_DEFAULT_REGION: 'US' }).PHONE_DEFAULT_REGION).toBe('US');
  });

  describe('ENCRYPTION_KEY', () => {
    const key = (byte: number, bytes = 32) => Buffer.alloc(bytes, byte).toString('base64');

    it('takes one or more id:base64key entries, the first being current', () => {
      const ring = loadKeyRing(loadConfig({ ENCRYPTION_KEY: `k2:${key(2)}, k1:${key(1)}` }));
      expect(ring.currentId).toBe('k2');
      expect([...ring.keys.keys()]).toEqual(['k2', 'k1']);
      expect(ring.indexKeys.get('k2')).not.toEqual(ring.keys.get('k2'));
    });

    it.each([
      ['no id', key(1), /entry 1 must be id:base64key/],
      ['a short key', `k1:${key(1, 16)}`, /entry 1 \(key "k1"\): the key must be 32 bytes \(AES-256\), got 16/],
      ['a long key', `k1:${key(1, 48)}`, /must be 32 bytes \(AES-256\), got 48/],
      ['not base64', 'k1:not base64!', /the key must be base64/],
      ['a bad id', `k 1:${key(1)}`, /the key id must be 1–32 letters/],
      ['a duplicate id', `k1:${key(1)},k1:${key(2)}`, /entry 2: key id "k1" appears twice/],
    ])('stops on %s, naming the variable and never echoing the key', (_what, value, message) => {
      expect(() => loadConfig({ ENCRYPTION_KEY: value })).toThrow(/^Invalid configuration:\n {2}ENCRYPTION_KEY: /);
      expect(() => loadConfig({ ENCRYPTION_KEY: value })).toThrow(message);
      try {
        loadConfig({ ENCRYPTION_KEY: value });
      } catch (error) {
        expect((error as Error).message).not.toContain((value.includes(':') ? value.split(':')[1]! : value).slice(0, 12));
      }
    });

    it('is required in production, like JWT_SECRET and DATABASE_URL', () => {
      const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://x@127.0.0.1/x' };
      expect(() => loadConfig(production)).toThrow(/ENCRYPTION_KEY: is required when NODE_ENV=production/);
      expect(loadConfig({ ...production, ENCRYPTION_KEY: `k1:${key(1)}` }).isProduction).toBe(true);
    });

    it('is generated once in development and kept under DATA_DIR/secrets', () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-keys-'));
      try {
        const first = loadKeyRing(loadConfig({ DATA_DIR: dataDir }));
        const file = path.join(dataDir, 'secrets', 'encryption-key');
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        // Generated ids are unique per installation, so a backup restored elsewhere
        // names the key it is missing instead of blaming tampering.
        expect(fs.readFileSync(file, 'utf8')).toMatch(/^k\d{8}[0-9a-f]{8}:[A-Za-z0-9+/]{43}=$/);
        const again = loadKeyRing(loadConfig({ DATA_DIR: dataDir }));
        expect(again.currentId).toBe(first.currentId);
        expect(again.keys.get(first.currentId)).toEqual(first.keys.get(first.currentId));
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).PORT).toBe(4000);
  });
});

const KEY = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(40), ENCRYPTION_KEY: KEY };

describe('database settings', () => {
  it('composes DATABASE_URL from DATABASE_HOST and its parts, each encoded', () => {
    expect(loadConfig({ DATABASE_HOST: 'db.internal' }).DATABASE_URL).toBe('postgresql://custos@db.internal:5432/custos');
    const config = loadConfig({ DATABASE_HOST: 'postgres', DATABASE_PORT: '6432', DATABASE_NAME: 'crm', DATABASE_USER: 'app@crm', DATABASE_PASSWORD: 'a/b#c?d@e:f%g h' });
    expect(config.DATABASE_URL).toBe('postgresql://app%40crm:a%2Fb%23c%3Fd%40e%3Af%25g%20h@postgres:6432/crm');
    // One copy of the password (inside the URL) is enough.
    expect(Object.keys(config)).not.toContain('DATABASE_PASSWORD');
    expect(loadConfig({ ...PRODUCTION, DATABASE_HOST: '10.0.0.5', DATABASE_PASSWORD: 'pw' }).isProduction).toBe(true);
  });

  it('puts an IPv6 DATABASE_HOST in brackets, so its colons are not read as the port', () => {
    const url = loadConfig({ DATABASE_HOST: 'fd00::5', DATABASE_PORT: '6432', DATABASE_PASSWORD: 'pw' }).DATABASE_URL!;
    expect(url).toBe('postgresql://custos:pw@[fd00::5]:6432/custos');
    expect(new URL(url).hostname).toBe('[fd00::5]');
    expect(new URL(url).port).toBe('6432');
  });

  it('adds DATABASE_PASSWORD to a DATABASE_URL without one', () => {
    const url = loadConfig({ DATABASE_URL: 'postgres://custos@db:5432/custos?sslmode=require', DATABASE_PASSWORD: 'x/y#z' }).DATABASE_URL!;
    expect(url).toBe('postgres://custos:x%2Fy%23z@db:5432/custos?sslmode=require');
    expect(decodeURIComponent(new URL(url).password)).toBe('x/y#z');
  });

  it.each([
    ['DATABASE_HOST', 'db host'],
    ['DATABASE_HOST', '[::1]'],
    ['DATABASE_HOST', 'user@db'],
    ['DATABASE_PORT', '0'],
    ['DATABASE_PORT', 'pg'],
    ['DATABASE_NAME', 'a/b'],
    ['DATABASE_USER', 'u'.repeat(64)],
  ])('stops on a bad %s (%s)', (name, value) => {
    expect(() => loadConfig({ DATABASE_HOST: 'db', [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}:`));
  });

  it.each(['DATABASE_PORT', 'DATABASE_NAME', 'DATABASE_USER'])('refuses %s without DATABASE_HOST rather than ignore it', (name) => {
    expect(() => loadConfig({ [name]: '5432' })).toThrow(`${name}: is set but DATABASE_HOST is not`);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@db/x', [name]: '5432' })).toThrow(`${name}: is set but DATABASE_HOST is not`);
  });

  it('refuses settings that contradict each other', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@db/x', DATABASE_HOST: 'db' })).toThrow(/DATABASE_HOST: set either DATABASE_URL or DATABASE_HOST/);
    expect(() => loadConfig({ DATABASE_PASSWORD: 'pw' })).toThrow(/DATABASE_PASSWORD: is set but neither DATABASE_HOST nor DATABASE_URL is/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:one@db/x', DATABASE_PASSWORD: 'two' })).toThrow(/DATABASE_PASSWORD: is set but DATABASE_URL holds a password as well/);
    expect(() => loadConfig(PRODUCTION)).toThrow(/DATABASE_URL: is required when NODE_ENV=production \(or DATABASE_HOST/);
  });

  // What `openssl rand -base64 48` pasted into a URL used to do (issue 17): the message
  // says what to do and never repeats the password.
  it.each([
    ['a / that breaks the URL', 'Zm9v/YmFy+YmF6'],
    ['a / that parses as port and path', '4711/YmFy'],
    ['a #', 'Zm9v#YmFy'],
    ['a bad %-escape', 'Zm9v%zzYmFy'],
  ])('refuses a DATABASE_URL whose password has %s', (_what, password) => {
    const attempt = () => loadConfig({ DATABASE_URL: `postgres://custos:${password}@postgres:5432/custos` });
    expect(attempt).toThrow(/^Invalid configuration:\n {2}DATABASE_URL: .*percent-encoded, or set DATABASE_HOST, DATABASE_USER and DATABASE_PASSWORD instead/);
    expect(attempt).not.toThrow(password.slice(-4));
  });
});

describe('*_FILE secrets', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-secret-files-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const secretFile = (content: string) => {
    const file = path.join(dir, randomBytes(6).toString('hex'));
    fs.writeFileSync(file, content, { mode: 0o400 });
    return file;
  };

  // Each secret with a valid value, what else it needs, and where the value shows up.
  const cases: Record<(typeof FILE_SECRETS)[number], { value: string; env?: Record<string, string>; read?: (c: ReturnType<typeof loadConfig>) => unknown; expected?: string }> = {
    DATABASE_URL: { value: 'postgres://custos:s%2Fcret@db:5432/custos' },
    DATABASE_PASSWORD: { value: 'p/w#?@:%', env: { DATABASE_HOST: 'db' }, read: (c) => decodeURIComponent(new URL(c.DATABASE_URL!).password) },
    JWT_SECRET: { value: 'j+/='.repeat(12) },
    ENCRYPTION_KEY: { value: KEY },
    BACKUP_KEY: { value: ' b'.repeat(20) },
    MEILI_API_KEY: { value: 'meili master key', env: { MEILI_HOST: 'http://meilisearch:7700' } },
    METRICS_TOKEN: { value: 'A'.repeat(23) + '/+=' },
  };

  it('offers a *_FILE variant for every secret, each a variable Custos reads', () => {
    expect(Object.keys(cases).sort()).toEqual([...FILE_SECRETS].sort());
    for (const name of FILE_SECRETS) expect(CONFIG_VARIABLES).toContain(`${name}_FILE`);
  });

  it.each(Object.entries(cases))('reads %s from the file, without its final newline', (name, { value, env = {}, read }) => {
    for (const ending of ['', '\n', '\r\n']) {
      const config = loadConfig({ ...env, [`${name}_FILE`]: secretFile(value + ending) });
      expect(read ? read(config) : config[name as keyof typeof config]).toBe(value);
    }
  });

  it('keeps every other character of the file, spaces and inner newlines included', () => {
    const value = '  x'.repeat(12) + '\n ';
    expect(loadConfig({ JWT_SECRET_FILE: secretFile(`${value}\n`) }).JWT_SECRET).toBe(value);
  });

  it('configures production from files alone', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_HOST: 'postgres',
      DATABASE_PASSWORD_FILE: secretFile('pg/pass#word\n'),
      JWT_SECRET_FILE: secretFile(`${'j'.repeat(40)}\n`),
      ENCRYPTION_KEY_FILE: secretFile(`${KEY}\n`),
    });
    expect(config).toMatchObject({ isProduction: true, JWT_SECRET: 'j'.repeat(40), ENCRYPTION_KEY: KEY, DATABASE_URL: 'postgresql://custos:pg%2Fpass%23word@postgres:5432/custos' });
  });

  it.each(FILE_SECRETS)('refuses both %s and its *_FILE', (name) => {
    const file = secretFile('x'.repeat(40));
    expect(() => loadConfig({ [name]: 'x'.repeat(40), [`${name}_FILE`]: file })).toThrow(
      new RegExp(`^Invalid configuration:\\n  ${name}_FILE: ${name} is set as well; set only one of ${name} and ${name}_FILE`),
    );
  });

  it('names the file that cannot be read, and does not add "is required" to it', () => {
    const missing = path.join(dir, 'missing');
    const attempt = () => loadConfig({ ...PRODUCTION, JWT_SECRET: undefined, JWT_SECRET_FILE: missing, DATABASE_HOST: 'db' });
    expect(attempt).toThrow(`Invalid configuration:\n  JWT_SECRET_FILE: cannot read ${missing} (ENOENT)`);
    expect(attempt).not.toThrow(/JWT_SECRET: is required/);
    expect(() => loadConfig({ JWT_SECRET_FILE: secretFile('') })).toThrow(/JWT_SECRET_FILE: .* is empty$/);
    expect(() => loadConfig({ JWT_SECRET_FILE: secretFile('\n') })).toThrow(/JWT_SECRET_FILE: .* is empty$/);
    expect(() => loadConfig({ JWT_SECRET_FILE: dir })).toThrow(`JWT_SECRET_FILE: ${dir} is not a file`);
    expect(() => loadConfig({ JWT_SECRET_FILE: secretFile('x'.repeat(100_000)) })).toThrow(/JWT_SECRET_FILE: .* is larger than 64 KiB/);
  });

  it('validates a value read from a file like one from the environment, naming both and echoing neither', () => {
    const attempt = () => loadConfig({ JWT_SECRET_FILE: secretFile('short-secret-value\n'), ENCRYPTION_KEY_FILE: secretFile('k1:c2hvcnQta2V5\n') });
    expect(attempt).toThrow('JWT_SECRET (read from JWT_SECRET_FILE): must be at least 32 characters');
    expect(attempt).toThrow(/ENCRYPTION_KEY \(read from ENCRYPTION_KEY_FILE\): entry 1 \(key "k1"\): the key must be 32 bytes/);
    expect(attempt).not.toThrow(/short-secret-value|c2hvcnQta2V5/);
  });
});

/**
 * Passwords as operators generate them, through the same composition the server uses,
 * against the test PostgreSQL, whose pg_hba checks passwords (scram-sha-256).
 */
describe('any password reaches PostgreSQL', () => {
  const cluster = new URL(testClusterUrl());
  const role = `cfg_${randomBytes(5).toString('hex')}`;
  let admin: pg.Client;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: `${testClusterUrl()}/postgres` });
    await admin.connect();
    await admin.query(`create role ${role} login`);
    await admin.query(`create database ${role} owner ${role} template template0`);
  });
  afterAll(async () => {
    await admin.query(`drop database if exists ${role} with (force)`);
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
  });

  const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
  const specials = [...printable].filter((c) => !/[A-Za-z0-9]/.test(c));
  const random = (alphabet: string, length: number) => Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
  const passwords = [
    printable,
    ...specials.map((c) => `pw${c}${c}pw`),
    ...specials.map((c) => c),
    '  surrounded by spaces  ',
    '%41%25%zz%',
    'Пароль密码🔑é',
    // `openssl rand -base64 48`: 63% of these have a / and broke the old compose URL.
    ...Array.from({ length: 60 }, () => randomBytes(48).toString('base64')),
    ...Array.from({ length: 40 }, () => random(printable, 1 + randomInt(64))),
  ];

  it(`connects with each of ${passwords.length} passwords via pg, as the ORM reads it, and via a drill's derived URL`, async () => {
    const env = { DATABASE_HOST: cluster.hostname, DATABASE_PORT: cluster.port, DATABASE_USER: role, DATABASE_NAME: role };
    let viaFile = 0;
    for (const [i, password] of passwords.entries()) {
      await admin.query(`alter role ${role} password ${admin.escapeLiteral(password)}`);
      // Every other one from a secret file, as compose hands it over.
      const file = path.join(os.tmpdir(), `custos-pw-${process.pid}-${i}`);
      let url: string;
      if (i % 2) {
        fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
        url = loadConfig({ ...env, DATABASE_PASSWORD_FILE: file }).DATABASE_URL!;
        fs.rmSync(file);
        viaFile++;
      } else {
        url = loadConfig({ ...env, DATABASE_PASSWORD: password }).DATABASE_URL!;
      }
      // MikroORM reads user and password exactly like this (Connection.getConnectionOptions).
      expect([password, decodeURIComponent(new URL(url).password)]).toEqual([password, password]);
      const drill = new URL(url);
      drill.pathname = '/postgres';
      for (const connectionString of [url, drill.toString()]) {
        const client = new pg.Client({ connectionString });
        await client.connect();
        const [row] = (await client.query('select current_user as who, current_database() as db')).rows;
        await client.end();
        expect(row).toEqual({ who: role, db: connectionString === url ? role : 'postgres' });
      }
    }
    expect(viaFile).toBeGreaterThan(50);
  });

  it('connects through the ORM with a password full of special characters, and fails with a wrong one', async () => {
    const password = printable + randomBytes(48).toString('base64');
    await admin.query(`alter role ${role} password ${admin.escapeLiteral(password)}`);
    const env = { DATABASE_HOST: cluster.hostname, DATABASE_PORT: cluster.port, DATABASE_USER: role, DATABASE_NAME: 'postgres' };
    const orm = await openPool(loadConfig({ ...env, DATABASE_PASSWORD: password }).DATABASE_URL!, 1, {});
    try {
      expect(await orm.em.getConnection().execute('select current_user as who')).toEqual([{ who: role }]);
    } finally {
      await orm.close(true);
    }
    const wrong = new pg.Client({ connectionString: loadConfig({ ...env, DATABASE_PASSWORD: `${password}x` }).DATABASE_URL! });
    await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
    await wrong.end().catch(() => undefined);
  });
});
