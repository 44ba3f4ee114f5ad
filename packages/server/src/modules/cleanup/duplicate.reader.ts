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
 * kind is one index lookup (migration-2026120701-intake), so the check stays a few
 * milliseconds on a million customers.
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
  if ((want('NAME') || want('SIMILAR_NAME')) && c.name != null && c.name.trim() !== '') {
    const key = `custos_name_key(${params.add(c.name, 'text')})`;
    // `=` on the region (not IS NOT DISTINCT FROM) so the (region, name key) index serves it.
    const region = c.region == null ? 'c.region is null' : `c.region = ${params.add(c.region, 'text')}`;
    if (want('NAME')) {
      branches.push(
        `select c.id, c.owner_id, 'NAME'::text, ${RULE.NAME!.score}::real from customer c
          where ${live} and ${region} and custos_name_key(c.name) = ${key}`,
      );
    }
    if (want('SIMILAR_NAME')) {
      const threshold = `(${params.add(options.similarity, 'real')} - case when ${key} ~ '[\u3400-\u9fff]' then ${CJK_ALLOWANCE} else 0 end)`;
      branches.push(
        `select c.id, c.owner_id, 'SIMILAR_NAME'::text, similarity(custos_name_key(c.name), ${key}) from customer c
          where ${live} and length(${key}) >= ${SIMILAR_NAME_MIN_LENGTH} and custos_name_key(c.name) % ${key}
            and ${region} and custos_name_key(c.name) <> ${key}
            and similarity(custos_name_key(c.name), ${key}) >= ${threshold}`,
      );
    }
  }
  if (branches.length === 0) return [];
  // The trigram index answers `%` from this threshold on: the lowest any name may need,
  // set for this transaction only (outside one it has no effect, and pg_trgm's default
  // 0.3 merely lets the index return more rows to recheck).
  const floor = Math.max(0.1, options.similarity - CJK_ALLOWANCE);
  await sql.query(`select set_config('pg_trgm.similarity_threshold', $1, true)`, [String(floor)]);
  const dismissed = options.exceptId
    ? `and not exists (select 1 from duplicate_dismissal d where d.a = least(m.id, ${except}) and d.b = greatest(m.id, ${except}))`
    : '';
  const rows = await sql.query<{ id: string; ownerId: string | null; reasons: Record<string, number> }>(
    `select m.id::text as id, min(m.owner_id)::text as "ownerId", jsonb_object_agg(m.kind, round(m.score::numeric, 3)) as reasons
       from (${branches.map((b) => `(${b} limit ${PER_KIND})`).join('\n union all\n')}) as m(id, owner_id, kind, score)
      where true ${dismissed}
      group by m.id
      order by m.id
      limit ${PER_KIND * 5}`,
    params.values,
  );
  return rows
    .map((r) => ({
      id: r.id,
      ownerId: r.ownerId,
      score: combinedScore(r.reasons),
      reasons: (Object.entries(r.reasons) as [MatchKind, number][])
        .map(([kind, score]) => ({ kind, score: Number(score) }))
        .sort((a, b) => b.score - a.score || a.kind.localeCompare(b.kind)),
    }))
    .sort((a, b) => b.score - a.score || (BigInt(a.id) < BigInt(b.id) ? -1 : 1))
    .slice(0, options.limit);
}
