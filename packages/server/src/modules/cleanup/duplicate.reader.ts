import { taxIdLookupHashes } from '../../crypto/sealed.js';
import { Params, type SqlExecutor } from '../../db/sql.js';
import { combinedScore } from './duplicate.groups.js';
import { CJK_ALLOWANCE, EXACT_RULES, NOT_PLACEHOLDER, SIMILAR_NAME_MIN_LENGTH, type MatchKind } from './duplicate.rules.js';
import { countryOfRegion, normalizeEmail, normalizePhone, normalizeRegion } from './normalize.js';

/**
 * The cleanup module's public reader for one customer's would-be duplicates: the values
 * of a customer about to be written, normalized as normalization would store them
 * (email, phone to E.164 in the customer's country, region), compared with the ACTIVE
 * customers by the same match keys and scores as detection (duplicate.rules.ts). Each
 * kind is one index lookup (migration-2026120701-intake, and for names the stored name
 * key of migration-2026120721-name-key, in the trigram index of the region's bucket,
 * migration-2026120725-gate-region-buckets), so the check stays a few milliseconds on a
 * million customers (docs/developers/benchmarks.md).
 */

export interface MatchCandidate {
  name?: string | null;
  region?: string | null;
  email?: string | null;
  phone?: string | null;
  taxId?: string | null;
}

export interface MatchOptions {
  /** The kinds to compare (an update compares only what it changes). */
  kinds: readonly MatchKind[];
  /** The customer being edited: never its own duplicate, nor one of a dismissed pair. */
  exceptId?: string | null;
  /** Trigram similarity from which names are similar (DUPLICATE_NAME_SIMILARITY). */
  similarity: number;
  /** Country of numbers without a country code when the region names none. */
  defaultCountry: string;
  limit: number;
  /** The trigram threshold this transaction has set (a batch shares one holder, so the
   * setting is sent only when a lookup needs another). */
  threshold?: MatchThreshold;
}

export interface CustomerMatch {
  id: string;
  ownerId: string | null;
  /** 1 − Π(1 − score) over the reasons, as detection scores a pair. */
  score: number;
  reasons: { kind: MatchKind; score: number }[];
}

/** The candidate's values in the form normalization would store them. */
export function normalizedCandidate(c: MatchCandidate, defaultCountry: string): Required<MatchCandidate> {
  const region = normalizeRegion(c.region ?? null);
  const regionValue = region.valid ? region.value : (c.region ?? null);
  const email = normalizeEmail(c.email ?? null);
  const phone = normalizePhone(c.phone ?? null, countryOfRegion(regionValue, defaultCountry));
  return { name: c.name ?? null, region: regionValue, email: email.value, phone: phone.value, taxId: c.taxId ?? null };
}

/** Matches read per kind: a common name in a large region must not read thousands of rows. */
const PER_KIND = 100;

const RULE = Object.fromEntries(EXACT_RULES.map((r) => [r.reason, r]));

const CJK = /[\u3400-\u9fff]/u;

/** The similarity from which a name is similar to `name`: Chinese names need less
 * (CJK_ALLOWANCE), as detection scores them. NFKC first, as the name key does: it maps
 * compatibility ideographs into the range. */
export function similarNameThreshold(name: string, similarity: number): number {
  return Math.max(0.1, similarity - (CJK.test(name.normalize('NFKC')) ? CJK_ALLOWANCE : 0));
}

/** The trigram threshold a transaction's `%` lookups use (pg_trgm reads it per statement). */
export interface MatchThreshold {
  current?: number;
}

/**
 * Sets the trigram threshold for the current transaction to what this name needs: the
 * index then hands back only names that may reach it (a Latin name's lookup no longer
 * reads the candidates only a Chinese name would need). A batch passes the same holder
 * for all its lookups, so the setting is sent only when it changes; its lookups run
 * outside the savepoints of its rows' writes, whose rollback would undo the setting.
 */
export async function setMatchThreshold(sql: SqlExecutor, threshold: number, held: MatchThreshold = {}): Promise<void> {
  if (held.current === threshold) return;
  await sql.query(`select set_config('pg_trgm.similarity_threshold', $1, true)`, [String(threshold)]);
  held.current = threshold;
}

export async function findMatchingCustomers(sql: SqlExecutor, raw: MatchCandidate, options: MatchOptions): Promise<CustomerMatch[]> {
  const c = normalizedCandidate(raw, options.defaultCountry);
  const params = new Params();
  const except = params.add(options.exceptId ?? null, 'bigint');
  const branches: string[] = [];
  const live = `c.status = 'ACTIVE' and c.id is distinct from ${except}`;
  const want = (kind: MatchKind) => options.kinds.includes(kind);

  for (const kind of ['EMAIL', 'PHONE'] as const) {
    const value = kind === 'EMAIL' ? c.email : c.phone;
    if (!want(kind) || value == null) continue;
    const rule = RULE[kind]!;
    const fn = rule.key.slice(0, rule.key.indexOf('('));
    const key = `${fn}(${params.add(value, 'text')})`;
    branches.push(
      `select c.id, c.owner_id, '${kind}'::text as kind, ${rule.score}::real as score from customer c
        where ${live} and ${rule.key} = ${key} and ${NOT_PLACEHOLDER(key)}`,
    );
  }
  if (want('TAX_ID') && c.taxId != null) {
    const hashes = taxIdLookupHashes(c.taxId);
    if (hashes.length) {
      branches.push(
        `select c.id, c.owner_id, 'TAX_ID'::text, ${RULE.TAX_ID!.score}::real from customer c
          where ${live} and c.tax_id_hash = any(${params.add(hashes, 'bytea[]')})`,
      );
    }
  }
  let similar: { sql: string; extra: string } | undefined;
  let threshold: number | undefined;
  if ((want('NAME') || want('SIMILAR_NAME')) && c.name != null && c.name.trim() !== '') {
    const key = `custos_name_key(${params.add(c.name, 'text')})`;
    // `=` on the region (not IS NOT DISTINCT FROM) so the (region, name key) indexes serve it.
    const regionValue = c.region == null ? 'null::text' : params.add(c.region, 'text');
    const region = c.region == null ? 'c.region is null' : `c.region = ${regionValue}`;
    if (want('NAME')) {
      branches.push(
        `select c.id, c.owner_id, 'NAME'::text, ${RULE.NAME!.score}::real from customer c
          where ${live} and ${region} and c.name_key = ${key}`,
      );
    }
    if (want('SIMILAR_NAME')) {
      threshold = similarNameThreshold(c.name, options.similarity);
      // The same test in SQL on the key itself, as detection applies it.
      const least = `(${params.add(options.similarity, 'real')} - case when ${key} ~ '[\u3400-\u9fff]' then ${CJK_ALLOWANCE} else 0 end)`;
      const similarTo = `${region} and c.name_key <> ${key} and similarity(c.name_key, ${key}) >= ${least}`;
      similar = {
        // Through the trigram index of the region's bucket (migration-2026120725: naming the
        // bucket lets the planner pick it); `%` at `threshold` lets through only names that
        // may reach it, and the stored key makes each recheck a value read.
        sql: `select c.id, c.owner_id, 'SIMILAR_NAME'::text, similarity(c.name_key, ${key}) from customer c
               where ${live} and length(${key}) >= ${SIMILAR_NAME_MIN_LENGTH} and c.name_key % ${key}
                 and custos_region_bucket(c.region) = custos_region_bucket(${regionValue}) and ${similarTo}`,
        // A customer another kind found is scored on its name as well, even when it is not
        // among the first similar names read: its reasons are complete.
        extra: `select c.id, c.owner_id, 'SIMILAR_NAME'::text, similarity(c.name_key, ${key}) from customer c
                 where c.id in (select id from exact) and length(${key}) >= ${SIMILAR_NAME_MIN_LENGTH} and ${similarTo}`,
      };
    }
  }
  if (branches.length === 0 && !similar) return [];
  // The trigram index answers `%` from this threshold on; set for this transaction only
  // (outside one it has no effect).
  if (threshold !== undefined) await setMatchThreshold(sql, threshold, options.threshold);
  const dismissed = options.exceptId
    ? `and not exists (select 1 from duplicate_dismissal d where d.a = least(m.id, ${except}) and d.b = greatest(m.id, ${except}))`
    : '';
  const limited = (b: string, n: number) => `(${b} limit ${n})`;
  // Similar names stop at the number of matches asked for: the lookup then reads only as
  // many index candidates as it takes to find them, not every similar name of the region.
  const exact = branches.length ? branches.map((b) => limited(b, PER_KIND)).join('\n union all\n') : 'select null::bigint, null::bigint, null::text, null::real where false';
  const similarCte = similar ? `, alike(id, owner_id, kind, score) as materialized ${limited(similar.sql, options.limit)}` : '';
  const found = similar
    ? `select * from exact union all select * from alike
       union all (${similar.extra} and c.id not in (select s.id from alike s))`
    : 'select * from exact';
  const rows = await sql.query<{ id: string; ownerId: string | null; reasons: Record<string, number> }>(
    `with exact(id, owner_id, kind, score) as materialized (${exact})${similarCte}
     select m.id::text as id, min(m.owner_id)::text as "ownerId", jsonb_object_agg(m.kind, round(m.score::numeric, 3)) as reasons
       from (${found}) as m(id, owner_id, kind, score)
      where true ${dismissed}
      group by m.id
      order by m.id
      limit ${PER_KIND * 5}`,
    params.values,
  );
  return bestFirst(rows.map(scoredMatch), options.limit);
}

/** A matched customer from its reasons as SQL aggregated them (kind → score). */
export function scoredMatch(r: { id: string; ownerId: string | null; reasons: Record<string, number> }): CustomerMatch {
  return {
    id: r.id,
    ownerId: r.ownerId,
    score: combinedScore(r.reasons),
    reasons: (Object.entries(r.reasons) as [MatchKind, number][])
      .map(([kind, score]) => ({ kind, score: Number(score) }))
      .sort((a, b) => b.score - a.score || a.kind.localeCompare(b.kind)),
  };
}

/** The strongest matches first (the older customer first among equals), at most `limit`. */
export function bestFirst(matches: CustomerMatch[], limit: number): CustomerMatch[] {
  return matches.sort((a, b) => b.score - a.score || (BigInt(a.id) < BigInt(b.id) ? -1 : 1)).slice(0, limit);
}
