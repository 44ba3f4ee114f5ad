import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config.js';
import { loadKeyRing } from '../src/crypto/keyring.js';

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
