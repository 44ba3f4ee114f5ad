/**
 * The match rules of duplicate detection, shared by the batch job (duplicate.job.ts)
 * and the write-time check (duplicate.reader.ts), so a customer the gate flags is one
 * the next detection run would group, and the other way round.
 */

export type MatchKind = 'EMAIL' | 'PHONE' | 'TAX_ID' | 'NAME' | 'SIMILAR_NAME';

export const MATCH_KINDS: readonly MatchKind[] = ['EMAIL', 'PHONE', 'TAX_ID', 'NAME', 'SIMILAR_NAME'];

/** Placeholders are shared by unrelated customers; they are data-quality issues, not duplicates. */
export const NOT_PLACEHOLDER = (key: string) =>
  `${key} !~ '^(.)\\1+$' and ${key} not in ('test@test', 'test@test.com', 'a@a.com', 'none', 'n/a', 'test')`;

/** Exact keys. The tax id is encrypted, so it is compared through its blind index, which
 * placeholders never get (see `sealTaxId`). Values written under different keys have
 * different blind indexes: after a key rotation, run detection once the rotation job has
 * finished (the write-time check compares under every key of the ring). */
export const EXACT_RULES: readonly { reason: MatchKind; score: number; key: string; partition?: string; blind?: boolean }[] = [
  { reason: 'EMAIL', score: 0.9, key: 'custos_email_key(c.email)' },
  { reason: 'PHONE', score: 0.85, key: 'custos_phone_key(c.phone)' },
  { reason: 'TAX_ID', score: 0.95, key: 'c.tax_id_hash', blind: true },
  // The stored key (migration-2026120721-name-key): custos_name_key(name), written with the name.
  { reason: 'NAME', score: 0.7, key: 'c.name_key', partition: 'c.region' },
];

/** One changed character costs a short Chinese name three of its ~9 trigrams (similarity
 * ≈ 0.5), where a Latin name of the same meaning is three times longer; Chinese names
 * therefore need this much less trigram similarity. */
export const CJK_ALLOWANCE = 0.15;

/** Names shorter than this (as keys) are compared only for equality. */
export const SIMILAR_NAME_MIN_LENGTH = 3;
