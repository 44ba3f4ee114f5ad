import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The keys sensitive fields are encrypted with (see `sealed.ts`).
 *
 * `ENCRYPTION_KEY` holds one or more comma-separated `id:base64key` entries, each key
 * exactly 32 bytes (AES-256). The first entry is the current key: every new value is
 * written under it. The others are retired keys still needed to read values written
 * before a rotation; once the `ROTATE_ENCRYPTION_KEYS` job has rewritten everything
 * under the current key they can be dropped.
 *
 * Each key also yields a blind-index key (HKDF-SHA256, its own `info`, so the
 * encryption key itself never keys an HMAC). A value's blind index is always computed
 * with the blind-index key of the key its ciphertext names, so rotating the current key
 * rotates the blind index with it, and the rotation job rewrites both together.
 */
export interface KeyRing {
  readonly currentId: string;
  /** Encryption keys by id, the current one first. */
  readonly keys: ReadonlyMap<string, Buffer>;
  /** Blind-index (HMAC) keys by the same ids. */
  readonly indexKeys: ReadonlyMap<string, Buffer>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** What is wrong with an `ENCRYPTION_KEY` value, or null. Never echoes key material. */
export function keyRingProblem(text: string): string | null {
  const entries = text.split(',').map((e) => e.trim());
  const seen = new Set<string>();
  for (const [n, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    const where = `entry ${n + 1}`;
    if (colon < 0) return `${where} must be id:base64key (e.g. k1:<32 random bytes in base64>)`;
    const id = entry.slice(0, colon);
    const material = entry.slice(colon + 1);
    if (!KEY_ID.test(id)) return `${where}: the key id must be 1–32 letters, digits, _ or -`;
    if (seen.has(id)) return `${where}: key id "${id}" appears twice`;
    seen.add(id);
    if (!BASE64.test(material)) return `${where} (key "${id}"): the key must be base64`;
    const bytes = Buffer.from(material, 'base64').length;
    if (bytes !== 32) return `${where} (key "${id}"): the key must be 32 bytes (AES-256), got ${bytes}; generate one with \`openssl rand -base64 32\``;
  }
  return null;
}

export function parseKeyRing(text: string): KeyRing {
  const problem = keyRingProblem(text);
  if (problem) throw new Error(`ENCRYPTION_KEY: ${problem}`);
  const keys = new Map<string, Buffer>();
  const indexKeys = new Map<string, Buffer>();
  for (const entry of text.split(',').map((e) => e.trim())) {
    const colon = entry.indexOf(':');
    const id = entry.slice(0, colon);
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    keys.set(id, key);
    indexKeys.set(id, Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'custos blind index v1', 32)));
  }
  return Object.freeze({ currentId: [...keys.keys()][0]!, keys, indexKeys });
}

/**
 * A key id for a generated key: its date plus random hex. Ids name keys across databases
 * (a backup's values say which key they need), so two generated rings must never share
 * one: with a fixed `k1`, a restore under another data directory's key failed as if every
 * value had been tampered with.
 */
export function newKeyId(now = new Date()): string {
  return `k${now.toISOString().slice(0, 10).replace(/-/g, '')}${randomBytes(4).toString('hex')}`;
}

/** A new single-key `ENCRYPTION_KEY` value (what development generates). */
export function generateKeyRingText(id = newKeyId()): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

/**
 * A public fingerprint of a key (16 hex digits of an HMAC under a key derived for this
 * purpose only): lets a backup record which keys its values need, so a restore can tell
 * "same id, different key" apart before it writes anything, without revealing the key.
 */
export function keyCheck(key: Buffer): string {
  const derived = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'custos key check v1', 32));
  return hmac(derived, 'custos key check').toString('hex').slice(0, 16);
}

/**
 * The configured key ring, or in development one generated on first start and kept
 * under DATA_DIR/secrets (like the JWT secret): losing that file makes the encrypted
 * values of that database unreadable, so it is never regenerated over an existing one.
 */
export function loadKeyRing(config: { ENCRYPTION_KEY?: string; isProduction: boolean; DATA_DIR: string }): KeyRing {
  if (config.ENCRYPTION_KEY) return parseKeyRing(config.ENCRYPTION_KEY);
  if (config.isProduction) throw new Error('ENCRYPTION_KEY is required in production');
  const file = path.join(config.DATA_DIR, 'secrets', 'encryption-key');
  if (fs.existsSync(file)) return parseKeyRing(fs.readFileSync(file, 'utf8').trim());
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const text = generateKeyRingText();
  fs.writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  return parseKeyRing(text);
}

let installed: KeyRing | undefined;

/**
 * Makes `ring` the process's key ring. Entry points (server start, CLI, test helpers)
 * install it once after loading the configuration; the storage layer reads it through
 * `keyRing()`, so no code path can write a sensitive value without a key.
 */
export function installKeyRing(ring: KeyRing): void {
  installed = ring;
}

export function keyRing(): KeyRing {
  if (!installed) throw new Error('No encryption key ring installed: call installKeyRing(loadKeyRing(config)) at start');
  return installed;
}

export function hmac(key: Buffer, text: string): Buffer {
  return createHmac('sha256', key).update(text, 'utf8').digest();
}
