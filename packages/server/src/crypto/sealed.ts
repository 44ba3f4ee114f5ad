import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DomainError } from '../common/domain-error.js';
import { hmac, keyRing, type KeyRing } from './keyring.js';

/**
 * Application-level encryption of single column values: AES-256-GCM, a fresh 96-bit IV
 * per value, stored as text in the value's own column:
 *
 *     v1:<keyId>:<base64url(iv ‖ ciphertext ‖ tag)>
 *
 * The format names its version and key, so a key ring with several keys reads every
 * value and the rotation job finds the ones not under the current key with a plain
 * `not like 'v1:<current>:%'`. The additional authenticated data binds the value to its
 * column and key id (`custos:v1:<keyId>:customer.tax_id`): a ciphertext copied into
 * another encrypted column, or relabelled with another key id, fails to decrypt.
 *
 * The row id is deliberately *not* bound: archiving, restoring, merge snapshots and
 * backups copy rows between tables as they are (set-based, inside PostgreSQL), and an
 * archived row's checksum must stay valid across the move. Swapping ciphertexts between
 * two rows needs write access to the table, which could write anything anyway; archived
 * rows are additionally covered by their checksums.
 */
export enum EncryptionErrorCode {
  /** The ciphertext did not authenticate: tampered, truncated, or moved to another column. */
  DECRYPTION_FAILED = 'DECRYPTION_FAILED',
  /** The value names a key the ring does not hold (a retired key was removed too early). */
  UNKNOWN_KEY = 'ENCRYPTION_KEY_UNKNOWN',
}

const VERSION = 'v1';
const SEALED = /^v1:([A-Za-z0-9_-]{1,32}):([A-Za-z0-9_-]+)$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Encrypted columns, named `table.column` as in the live schema (archive tables share them). */
export type SealedColumn = 'customer.tax_id' | 'subject_request.identifiers' | 'subject_request_bundle.content';

const aads = new Map<string, Buffer>();

/** The additional authenticated data of a column and key (a few, read for every value). */
function aad(column: SealedColumn, keyId: string): Buffer {
  const name = `custos:${VERSION}:${keyId}:${column}`;
  let data = aads.get(name);
  if (!data) {
    data = Buffer.from(name, 'utf8');
    if (aads.size < 1_000) aads.set(name, data);
  }
  return data;
}

export function isSealed(stored: string): boolean {
  return SEALED.test(stored);
}

/** The key id a stored value is encrypted under; null for a legacy plaintext value. */
export function sealedKeyId(stored: string): string | null {
  return SEALED.exec(stored)?.[1] ?? null;
}

export function seal(column: SealedColumn, plaintext: string, ring: KeyRing = keyRing()): string {
  const keyId = ring.currentId;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', ring.keys.get(keyId)!, iv);
  cipher.setAAD(aad(column, keyId));
  const body = Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}:${keyId}:${body.toString('base64url')}`;
}

/**
 * The plaintext of a stored value. Values without the `v1:` form are legacy plaintext
 * written before encryption existed and come back unchanged (the rotation job encrypts
 * them). `where` names the row in errors (a function when naming it costs something: it is
 * called only for an error); messages never contain the value.
 */
export function open(column: SealedColumn, stored: string, where: string | (() => string), ring: KeyRing = keyRing()): string {
  const match = SEALED.exec(stored);
  if (!match) return stored;
  const [, keyId, encoded] = match as unknown as [string, string, string];
  const key = ring.keys.get(keyId);
  if (!key) {
    throw new DomainError(
      EncryptionErrorCode.UNKNOWN_KEY,
      `${column} of ${named(where)} is encrypted under key "${keyId}", which ENCRYPTION_KEY does not contain: no key with id "${keyId}" in ENCRYPTION_KEY ` +
        `(the value itself is intact); add that key back, after the current one`,
    );
  }
  const body = Buffer.from(encoded, 'base64url');
  try {
    if (body.length < IV_BYTES + TAG_BYTES) throw new Error('too short');
    const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, IV_BYTES));
    decipher.setAAD(aad(column, keyId));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new DomainError(
      EncryptionErrorCode.DECRYPTION_FAILED,
      `${column} of ${named(where)} failed authenticated decryption under key "${keyId}": the value was altered (tampered) or copied from another column. ` +
        `If every value under "${keyId}" fails, ENCRYPTION_KEY holds a different key under that id than the one they were written with`,
    );
  }
}

const named = (where: string | (() => string)) => (typeof where === 'function' ? where() : where);

/** `open` for nullable columns. */
export function openNullable(column: SealedColumn, stored: string | null, where: string | (() => string), ring?: KeyRing): string | null {
  return stored == null ? null : open(column, stored, where, ring);
}

/** The form exact lookups and duplicate detection compare: the same normalization as
 * the SQL function `custos_tax_key` (NFKC, no spaces or dashes, upper case). */
export function taxIdKey(taxId: string | null | undefined): string | null {
  const key = (taxId ?? '').normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  return key === '' ? null : key;
}

/** Keyed hash (HMAC-SHA256) of the normalized value under `keyId`'s blind-index key. */
export function blindIndex(column: SealedColumn, normalized: string, keyId: string, ring: KeyRing = keyRing()): Buffer {
  const key = ring.indexKeys.get(keyId);
  if (!key) throw new DomainError(EncryptionErrorCode.UNKNOWN_KEY, `No blind-index key for "${keyId}"`);
  return hmac(key, `${column}\u0000${normalized}`);
}

/** The blind index of a tax id under every key of the ring: what an exact lookup
 * compares with while a rotation is still under way. */
export function taxIdLookupHashes(taxId: string, ring: KeyRing = keyRing()): Buffer[] {
  return [...ring.keys.keys()].map((id) => taxIdHash(taxId, id, ring)).filter((h): h is Buffer => h !== null);
}

/** Placeholders (`000000`, `N/A`…) identify no one: they get no blind index, so they are
 * neither found by an exact lookup nor grouped as duplicates (data quality lists them). */
const TAX_PLACEHOLDER = /^(.)\1+$|^(NONE|N\/A|NA|NULL|TEST|TBD|UNKNOWN|XXX)$/;

/** The blind index a tax id gets under `keyId` (null for blanks and placeholders). */
export function taxIdHash(taxId: string | null, keyId: string, ring: KeyRing = keyRing()): Buffer | null {
  const key = taxIdKey(taxId);
  return key == null || TAX_PLACEHOLDER.test(key) ? null : blindIndex('customer.tax_id', key, keyId, ring);
}

/** What a tax id write stores: the ciphertext and its blind index, both under the current key. */
export function sealTaxId(taxId: string | null, ring: KeyRing = keyRing()): { taxId: string | null; taxIdHash: Buffer | null } {
  if (taxId == null) return { taxId: null, taxIdHash: null };
  return { taxId: seal('customer.tax_id', taxId, ring), taxIdHash: taxIdHash(taxId, ring.currentId, ring) };
}
