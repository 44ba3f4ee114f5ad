import { likeContains, Params, type SqlExecutor } from '../../db/sql.js';
import {
  SearchEngine, type FacetCount, type FacetField, type IndexedFingerprint, type SearchDocument, type SearchFilter, type SearchIndex,
  type SearchRequest, type SearchResponse,
} from '../search-index.js';
import { documentTerms, phoneDigits, queryTerms, toTsQuery, type QueryTerms } from '../tokenize.js';

const TYPO_FALLBACK_BELOW = 10;
const TYPO_CANDIDATES = 200;

/**
 * The embedded engine: `search_document` with a GIN-indexed `simple` tsvector of jieba
 * terms for names, and pg_trgm GIN indexes for typos (word similarity on names) and
 * substrings (codes, emails, phone digits).
 *
 * Ranking is done on a bounded candidate set: the first `candidateLimit` matches are
 * collected through the indexes, and only those are scored, counted and faceted.
 * Scoring every match of a very common term with ts_rank took 2.6 s on 1M rows here;
 * with the bound the cost stays flat, and `totalExact: false` tells the caller that
 * there are at least that many. The table is hash-partitioned on the id, so collecting
 * the candidates of a common word reads the small indexes of one part or two instead of
 * one bitmap of every match (migration-2026120730-search-partitions).
 *
 * Every match branch below is indexable: a single unindexable branch in the OR would
 * turn the whole search into a sequential scan, which is why patterns shorter than a
 * trigram are not tried on codes and emails.
 */
export class PostgresSearchIndex implements SearchIndex {
  readonly engine = SearchEngine.POSTGRES;
  readonly writesJoinTransaction = true;

  constructor(
    private readonly sql: SqlExecutor,
    private readonly candidateLimit = 1000,
  ) {}

  async prepare(): Promise<void> {
    // The table and its indexes come with the migrations.
  }

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await this.sql.query(
      `insert into search_document as d (id, owner_id, code, name, email, phone, phone_digits, type, tier, industry, region,
              lifecycle_stage, tags, archive_reason, archived_at, archived_year, previous_status, legal_hold, checksum, name_terms, indexed_at)
       select x.id, x.owner_id, x.code, x.name, x.email, x.phone, x.phone_digits, x.type, x.tier, x.industry, x.region,
              x.lifecycle_stage, array(select jsonb_array_elements_text(x.tags)), x.archive_reason, x.archived_at, x.archived_year,
              x.previous_status, x.legal_hold, x.checksum,
              array_to_tsvector(array(select jsonb_array_elements_text(x.terms))), now()
         from jsonb_to_recordset($1::jsonb) as x(id bigint, owner_id bigint, code text, name text, email text, phone text,
              phone_digits text, type text, tier text, industry text, region text, lifecycle_stage text, tags jsonb,
              archive_reason text, archived_at timestamptz, archived_year int, previous_status text, legal_hold boolean,
              checksum text, terms jsonb)
       on conflict (id) do update set
         owner_id = excluded.owner_id, code = excluded.code, name = excluded.name, email = excluded.email,
         phone = excluded.phone, phone_digits = excluded.phone_digits, type = excluded.type, tier = excluded.tier,
         industry = excluded.industry, region = excluded.region, lifecycle_stage = excluded.lifecycle_stage,
         tags = excluded.tags, archive_reason = excluded.archive_reason, archived_at = excluded.archived_at,
         archived_year = excluded.archived_year, previous_status = excluded.previous_status,
         legal_hold = excluded.legal_hold, checksum = excluded.checksum, name_terms = excluded.name_terms,
         indexed_at = excluded.indexed_at`,
      [
        JSON.stringify(
          documents.map((d) => ({
            id: d.id, owner_id: d.ownerId, code: d.code, name: d.name, email: d.email, phone: d.phone,
            phone_digits: phoneDigits(d.phone), type: d.type, tier: d.tier, industry: d.industry, region: d.region,
            lifecycle_stage: d.lifecycleStage, tags: d.tags, archive_reason: d.archiveReason, archived_at: d.archivedAt,
            archived_year: d.archivedYear, previous_status: d.previousStatus, legal_hold: d.legalHold, checksum: d.checksum,
            terms: documentTerms(d.name),
          })),
        ),
      ],
    );
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.sql.query(`delete from search_document where id = any($1::bigint[])`, [ids]);
  }

  async count(): Promise<number> {
    return (await this.sql.one<{ n: number }>(`select count(*)::int as n from search_document`))!.n;
  }

  async fingerprints(afterId: string, limit: number): Promise<IndexedFingerprint[]> {
    return this.sql.query<IndexedFingerprint>(
      // Ordered by the bigint column: a bare `id` here would name the text output column.
      `select d.id::text as id, d.checksum from search_document d where d.id > $1::bigint order by d.id limit $2::int`,
      [afterId, limit],
    );
  }

  /**
   * Typo matching (word similarity) is the expensive branch: every name sharing a few
   * trigrams with the query is rechecked. It is only added when the exact match finds
   * fewer than TYPO_FALLBACK_BELOW hits; the decision depends on the query and filter
   * alone (never on the page), so every page of one search makes the same choice.
   */
  async search(request: SearchRequest): Promise<SearchResponse> {
    const terms = queryTerms(request.query);
    if (!terms.typoCandidate) return this.#search(request, terms, false);
    const exact = await this.#search(request, terms, false);
    return exact.totalCount >= TYPO_FALLBACK_BELOW ? exact : this.#search(request, terms, true);
  }

  async #search(request: SearchRequest, terms: QueryTerms, typos: boolean): Promise<SearchResponse> {
    const params = new Params();
    const where = filterConditions(request, params);
    const ranked = terms.text.length > 0;
    if (!ranked) where.push(...archivedYearRange(request.filter, params));
    const match: string[] = [];
    const score: string[] = [];
    if (ranked) {
      // Added on first use: a parameter the statement never references has no type.
      let placeholder: string | undefined;
      const text = () => (placeholder ??= params.add(terms.text, 'text'));
      const tsquery = toTsQuery(terms);
      const fields = new Set(request.fields);
      if (fields.has('name')) {
        if (tsquery) {
          const q = params.add(tsquery, 'tsquery');
          match.push(`d.name_terms @@ ${q}`);
          score.push(`case when d.name_terms @@ ${q} then 1 + ts_rank(d.name_terms, ${q}) + word_similarity(${text()}, lower(d.name)) else 0 end`);
        }
        if (typos) {
          match.push(`${text()} <% lower(d.name)`);
          score.push(`case when ${text()} <% lower(d.name) then word_similarity(${text()}, lower(d.name)) else 0 end`);
        }
      }
      const substringFields = (['code', 'email'] as const).filter((f) => fields.has(f));
      if (terms.text.length >= 3 && substringFields.length) {
        const pattern = params.add(likeContains(terms.text), 'text');
        for (const column of substringFields) {
          match.push(`lower(d.${column}) like ${pattern}`);
          score.push(`case when lower(d.${column}) = ${text()} then 3 when lower(d.${column}) like ${pattern} then 1.5 else 0 end`);
        }
      }
      if (fields.has('phone') && terms.digits) {
        const digits = params.add(likeContains(terms.digits), 'text');
        match.push(`d.phone_digits like ${digits}`);
        score.push(`case when d.phone_digits like ${digits} then 1.5 else 0 end`);
      }
      if (match.length === 0) return { hits: [], totalCount: 0, totalExact: true, facets: {} };
      where.push(`(${match.join(' or ')})`);
    }
    // Typo matches are a fallback for near misses: a smaller bound keeps the similarity
    // recheck of every name that shares a few trigrams with the query short.
    const cap = typos ? Math.min(this.candidateLimit, TYPO_CANDIDATES) : this.candidateLimit;
    const limit = params.add(request.limit, 'int');
    const offset = params.add(request.offset, 'int');
    type Row = { hits: { id: string; score: number }[] | null; total: number; facets: Record<string, FacetCount[]> | null };
    const run = (sql: SqlExecutor) =>
      sql.one<Row>(
      `with matched as materialized (
         select d.id, d.type, d.tier, d.region, d.lifecycle_stage, d.tags, d.archive_reason, d.archived_year, d.archived_at,
                ${ranked ? score.join(' + ') : '0'}::float8 as score
           from search_document d
          where ${where.join(' and ') || 'true'}
          ${ranked ? '' : 'order by d.archived_at desc, d.id desc'}
          limit ${cap + 1}
       ), page as (
         select id, score from matched order by score desc, archived_at desc, id desc limit ${limit} offset ${offset}
       )
       select (select json_agg(json_build_object('id', id::text, 'score', score)) from page) as hits,
              (select count(*)::int from matched) as total,
              ${request.facets ? FACETS_SQL : 'null'} as facets`,
        params.values,
      );
    // One statement, so no transaction of its own, except for typo matching, whose settings
    // hold for its transaction only. `<%` matches at word similarity 0.6 by default; one
    // dropped letter in a 6-letter word (tradng → trading) scores 0.57. The search table
    // and its indexes are read from memory, where a page read at random costs about what
    // one read in order does: at the default random_page_cost (4) the planner found the
    // typo match cheaper as a scan computing the similarity of every name it passed (34 ms
    // of CPU at 1M archived customers) than through the trigram index (10 ms). The other
    // matches are planned alike either way.
    const row = typos
      ? await this.sql.transaction(async (tx) => {
          await tx.query(`select set_config('random_page_cost', '1.1', true), set_config('pg_trgm.word_similarity_threshold', '0.5', true)`);
          return run(tx);
        })
      : await run(this.sql);
    const total = row!.total;
    return {
      hits: (row!.hits ?? []).map((h) => ({ id: h.id, score: Math.round(h.score * 10_000) / 10_000 })),
      totalCount: Math.min(total, cap),
      totalExact: total <= cap,
      facets: (row!.facets ?? {}) as Partial<Record<FacetField, FacetCount[]>>,
    };
  }
}

const FACET_COLUMNS: Record<Exclude<FacetField, 'tags'>, string> = {
  type: 'type', tier: 'tier', region: 'region', lifecycleStage: 'lifecycle_stage', archiveReason: 'archive_reason',
  archivedYear: 'archived_year::text',
};

/** Facet counts over the candidate set, most frequent first, at most 50 values each. */
const FACETS_SQL = `(select coalesce(json_object_agg(field, vals), '{}'::json) from (
    select field, json_agg(json_build_object('value', value, 'count', n) order by n desc, value) filter (where rn <= 50) as vals
      from (select field, value, n, row_number() over (partition by field order by n desc, value) as rn from (
        ${Object.entries(FACET_COLUMNS)
          .map(([field, column]) => `select '${field}' as field, ${column} as value, count(*)::int as n from matched group by 2`)
          .join(' union all ')}
        union all select 'tags', t.tag, count(*)::int from matched m cross join unnest(m.tags) as t(tag) group by 2
      ) f where value is not null) r
     group by field) x)`;

function filterConditions(request: SearchRequest, params: Params): string[] {
  const where = request.ownerScope ? [`d.owner_id = ${params.add(request.ownerScope, 'bigint')}`] : [];
  return [...where, ...searchFilterConditions(request.filter, params)];
}

/**
 * A listing in archive order filtered by year, as the same rows' range of `archived_at`
 * (`archived_year` is its year in UTC, search/search-document.ts): the planner then starts
 * the archive-order index at the year, where `archived_year = …` alone had it read every
 * newer row first (one year five back: 355 ms of CPU at 1M, 3.6 ms with the range).
 */
function archivedYearRange(f: SearchFilter, params: Params): string[] {
  const years = f.archivedYears ?? [];
  if (years.length === 0 || years.some((y) => !Number.isInteger(y) || y < 1 || y > 9998)) return [];
  return [
    `d.archived_at >= make_timestamptz(${params.add(Math.min(...years), 'int')}, 1, 1, 0, 0, 0, 'UTC')`,
    `d.archived_at < make_timestamptz(${params.add(Math.max(...years) + 1, 'int')}, 1, 1, 0, 0, 0, 'UTC')`,
  ];
}

function searchFilterConditions(f: SearchFilter, params: Params): string[] {
  const where: string[] = [];
  const anyOf = (column: string, values: readonly unknown[] | undefined, cast: string) => {
    if (values?.length) where.push(`${column} = any(${params.add(values, `${cast}[]`)})`);
  };
  anyOf('d.owner_id', f.ownerIds, 'bigint');
  anyOf('d.type', f.types, 'text');
  anyOf('d.tier', f.tiers, 'text');
  anyOf('d.industry', f.industries, 'text');
  anyOf('d.region', f.regions, 'text');
  anyOf('d.lifecycle_stage', f.lifecycleStages, 'text');
  anyOf('d.archive_reason', f.archiveReasons, 'text');
  anyOf('d.archived_year', f.archivedYears, 'int');
  anyOf('d.previous_status', f.previousStatuses, 'text');
  if (f.tags?.length) where.push(`d.tags && ${params.add(f.tags, 'text[]')}`);
  if (f.archivedAfter) where.push(`d.archived_at >= ${params.add(f.archivedAfter, 'timestamptz')}`);
  if (f.archivedBefore) where.push(`d.archived_at < ${params.add(f.archivedBefore, 'timestamptz')}`);
  if (f.legalHold != null) where.push(f.legalHold ? 'd.legal_hold' : 'not d.legal_hold');
  for (const more of f.also ?? []) where.push(...searchFilterConditions(more, params));
  return where;
}
