import { keyRing } from '../../crypto/keyring.js';
import { taxIdHash, taxIdLookupHashes } from '../../crypto/sealed.js';
import type { SqlExecutor } from '../../db/sql.js';
import { bestFirst, normalizedCandidate, scoredMatch, setMatchThreshold, similarNameThreshold, type CustomerMatch, type MatchCandidate, type MatchThreshold } from './duplicate.reader.js';
import { CJK_ALLOWANCE, EXACT_RULES, NOT_PLACEHOLDER, SIMILAR_NAME_MIN_LENGTH, type MatchKind } from './duplicate.rules.js';

/**
 * The duplicate reader for many candidates at once (an import's batch): the same keys,
 * kinds, scores and limits as `findMatchingCustomers`, one statement for the whole batch
 * instead of one per row. Each candidate's lookups are lateral index lookups, so the
 * cost per row stays that of the single check.
 *
 * `candidateKeys` also hands the match keys back to the caller, which compares the rows
 * of one file with each other by exactly those keys (an import's later rows see its
 * earlier ones before any of them is written).
 */

export interface CandidateKeys {
  /** custos_email_key / custos_phone_key of the normalized value, null for placeholders. */
  email: string | null;
  phone: string | null;
  /** Blind indexes to look up (every key of the ring) and the one a write stores (current key), hex. */
  taxLookup: string[];
  taxStored: string | null;
  region: string | null;
  /** custos_name_key of a name that is not blank. */
  nameKey: string | null;
  /** The trigram similarity from which another name is similar to this one. */
  similarFrom: number | null;
}

const SCORE = Object.fromEntries(EXACT_RULES.map((r) => [r.reason, r.score])) as Record<MatchKind, number>;
export const EXACT_SCORE: Readonly<Record<Exclude<MatchKind, 'SIMILAR_NAME'>, number>> = SCORE;

const PER_KIND = 100;

/** The keys of each candidate, computed by the same SQL functions as the stored side. */
export async function candidateKeys(sql: SqlExecutor, raw: readonly MatchCandidate[], options: { defaultCountry: string; similarity: number }): Promise<CandidateKeys[]> {
  if (raw.length === 0) return [];
  const normalized = raw.map((c) => normalizedCandidate(c, options.defaultCountry));
  const rows = await sql.query<{ ord: number; email: string | null; phone: string | null; nameKey: string | null }>(
    `select v.ord, case when ${NOT_PLACEHOLDER('k.e')} then k.e end as email, case when ${NOT_PLACEHOLDER('k.p')} then k.p end as phone,
            case when nullif(trim(v.name), '') is not null then custos_name_key(v.name) end as "nameKey"
       from jsonb_to_recordset($1::jsonb) as v(ord int, name text, email text, phone text)
       cross join lateral (select custos_email_key(v.email) as e, custos_phone_key(v.phone) as p) k
      order by v.ord`,
    [JSON.stringify(normalized.map((c, ord) => ({ ord, name: c.name, email: c.email, phone: c.phone })))],
  );
  const ring = keyRing();
  return rows.map((r, i) => {
    const c = normalized[i]!;
    const tax = c.taxId ?? null;
    return {
      email: r.email,
      phone: r.phone,
      taxLookup: tax ? taxIdLookupHashes(tax, ring).map((h) => h.toString('hex')) : [],
      taxStored: tax ? (taxIdHash(tax, ring.currentId, ring)?.toString('hex') ?? null) : null,
      region: c.region,
      nameKey: r.nameKey,
      similarFrom: c.name != null && r.nameKey != null ? similarNameThreshold(c.name, options.similarity) : null,
    };
  });
}

/**
 * The ACTIVE customers each candidate matches (by its keys), best first, at most `limit`
 * per candidate: what `findMatchingCustomers` answers for each of them.
 */
export async function findMatchesForKeys(
  sql: SqlExecutor,
  keys: readonly CandidateKeys[],
  options: { kinds: readonly MatchKind[]; similarity: number; limit: number; threshold?: MatchThreshold },
): Promise<CustomerMatch[][]> {
  const want = (k: MatchKind) => options.kinds.includes(k);
  const found: CustomerMatch[][] = keys.map(() => []);
  if (keys.length === 0 || options.kinds.length === 0) return found;
  const live = `c.status = 'ACTIVE'`;
  const lateral = (kind: MatchKind, score: string, where: string, limit: number, guard: string) =>
    `select v.ord, m.id, m.owner_id, '${kind}'::text as kind, m.score from cand v cross join lateral (
       select c.id, c.owner_id, ${score} as score from customer c where ${live} and ${where} limit ${limit}) m where ${guard}`;
  const exact: string[] = [];
  if (want('EMAIL')) exact.push(lateral('EMAIL', `${SCORE.EMAIL}::real`, `custos_email_key(c.email) = v.email`, PER_KIND, 'v.email is not null'));
  if (want('PHONE')) exact.push(lateral('PHONE', `${SCORE.PHONE}::real`, `custos_phone_key(c.phone) = v.phone`, PER_KIND, 'v.phone is not null'));
  if (want('TAX_ID')) {
    exact.push(lateral('TAX_ID', `${SCORE.TAX_ID}::real`, `c.tax_id_hash = any(v.hashes)`, PER_KIND, `cardinality(v.hashes) > 0`));
  }
  // `=` on the region (and `is null` apart) so the (region, name key) indexes serve each lookup.
  const regions = [`c.region = v.region`, `c.region is null`];
  const guards = [`v.region is not null`, `v.region is null`];
  if (want('NAME')) {
    for (const [i, r] of regions.entries()) exact.push(lateral('NAME', `${SCORE.NAME}::real`, `${r} and c.name_key = v.nk`, PER_KIND, `v.nk is not null and ${guards[i]}`));
  }
  const alike: string[] = [];
  const similarTo = (region: string) => `${region} and c.name_key <> v.nk and similarity(c.name_key, v.nk) >= v.least`;
  if (want('SIMILAR_NAME')) {
    // Each candidate's lookup planned for its own values (migration-2026120724-import-keys).
    alike.push(
      `select v.ord, m.id, m.owner_id, 'SIMILAR_NAME'::text as kind, m.score
         from cand v cross join lateral custos_similar_customers(v.region, v.nk, v.least::real, ${options.limit}) m
        where v.nk is not null and length(v.nk) >= ${SIMILAR_NAME_MIN_LENGTH}`,
    );
    // The pg_trgm threshold is one per statement: the lowest any name needs; each lookup
    // then keeps only what reaches its own (`v.least`).
    const lowest = Math.min(...keys.map((k) => k.similarFrom ?? Infinity));
    if (Number.isFinite(lowest)) await setMatchThreshold(sql, lowest, options.threshold);
  }
  if (exact.length === 0 && alike.length === 0) return found;
  const none = `select null::int, null::bigint, null::bigint, null::text, null::real where false`;
  const rows = await sql.query<{ ord: number; id: string; ownerId: string | null; reasons: Record<string, number> }>(
    `with cand as materialized (
       select v.ord, v.email, v.phone, array(select decode(h, 'hex') from unnest(v.hashes) h) as hashes, v.region, v.nk,
              ($2::real - case when v.nk ~ '[\u3400-\u9fff]' then ${CJK_ALLOWANCE} else 0 end) as least
         from jsonb_to_recordset($1::jsonb) as v(ord int, email text, phone text, hashes text[], region text, nk text)
     ),
     exact(ord, id, owner_id, kind, score) as materialized (${exact.join('\n union all\n') || none}),
     alike(ord, id, owner_id, kind, score) as materialized (${alike.join('\n union all\n') || none}),
     extra(ord, id, owner_id, kind, score) as (
       ${alike.length
         ? `select v.ord, c.id, c.owner_id, 'SIMILAR_NAME'::text, similarity(c.name_key, v.nk)
              from (select distinct e.ord, e.id from exact e) e join cand v on v.ord = e.ord join customer c on c.id = e.id
             where v.nk is not null and length(v.nk) >= ${SIMILAR_NAME_MIN_LENGTH} and ${similarTo('c.region is not distinct from v.region')}
               and not exists (select 1 from alike s where s.ord = e.ord and s.id = e.id)`
         : none}
     )
     select m.ord, m.id::text as id, min(m.owner_id)::text as "ownerId", jsonb_object_agg(m.kind, round(m.score::numeric, 3)) as reasons
       from (select * from exact union all select * from alike union all select * from extra) m
      group by m.ord, m.id
      order by m.ord, m.id`,
    [
      JSON.stringify(keys.map((k, ord) => ({ ord, email: k.email, phone: k.phone, hashes: k.taxLookup, region: k.region, nk: k.nameKey }))),
      options.similarity,
    ],
  );
  for (const r of rows) found[r.ord]!.push(scoredMatch(r));
  return found.map((matches) => bestFirst(matches, options.limit));
}
