import { likeContains, Params, type SqlExecutor } from '../../db/sql.js';
import type { SearchField, SearchHit } from '../../search/search-index.js';
import { queryTerms } from '../../search/tokenize.js';
import type { CustomerFilter } from '../customer/customer.inputs.js';
import { customerConditions } from '../customer/customer.reader.js';
import type { CustomerRecord } from '../customer/customer.record.js';
import { CUSTOMER_COLUMNS } from '../customer/customer.record.js';
import type { CustomerSearchFilter } from './search.inputs.js';
import { openCustomerRows } from '../../crypto/sensitive.js';
import { isBigintId } from '../../db/keyset.js';

/**
 * Live customers are searched where they live, in the hot table, with the trigram
 * indexes the customer list already uses: they change constantly and are not in the
 * archive index. The same bound as the PostgreSQL engine applies: at most `cap`
 * matches are scored and counted.
 */
export interface LiveSearchRequest {
  query: string;
  fields: readonly SearchField[];
  filter: CustomerSearchFilter;
  /** A saved segment's filter, applied like in the customer list (under the same row rule). */
  segment?: CustomerFilter;
  ownerScope?: string;
  limit: number;
  cap: number;
}

const TWO_HAN = /^\p{Script=Han}{2}$/u;

type LiveResult = { hits: (SearchHit & { record: CustomerRecord })[]; total: number; exact: boolean };

/** Typo matching only when the exact match finds fewer than 10 (as the PostgreSQL engine). */
export async function searchLiveCustomers(sql: SqlExecutor, request: LiveSearchRequest): Promise<LiveResult> {
  const exact = await searchLive(sql, request, false);
  if (exact.total >= 10 || !queryTerms(request.query).typoCandidate) return exact;
  return searchLive(sql, request, true);
}

async function searchLive(sql: SqlExecutor, request: LiveSearchRequest, typos: boolean): Promise<LiveResult> {
  const params = new Params();
  const where = [`c.status in ('ACTIVE', 'VOID')`];
  const f = request.filter;
  if (request.ownerScope) where.push(`c.owner_id = ${params.add(request.ownerScope, 'bigint')}`);
  const anyOf = (column: string, values: readonly string[] | undefined, cast = 'text') => {
    if (values?.length) where.push(`${column} = any(${params.add(values, `${cast}[]`)})`);
  };
  anyOf('c.type', f.type);
  anyOf('c.tier', f.tier);
  anyOf('c.industry', f.industry);
  anyOf('c.region', f.region);
  anyOf('c.lifecycle_stage', f.lifecycleStage);
  anyOf('c.owner_id', f.ownerId?.filter(isBigintId) ?? (f.ownerId ? ['0'] : undefined), 'bigint');
  if (f.tags?.length) where.push(`c.tags && ${params.add(f.tags, 'text[]')}`);
  if (request.segment) where.push(...customerConditions(request.segment, params, { ownerId: request.ownerScope, searchable: request.fields }));
  const terms = queryTerms(request.query);
  let score = '0';
  if (terms.text) {
    let placeholder: string | undefined;
    const text = () => (placeholder ??= params.add(terms.text, 'text'));
    const match: string[] = [];
    const scores: string[] = [];
    if (TWO_HAN.test(terms.text)) {
      // The usual Chinese query: served by the bigram index (see the search migration);
      // it cannot occur in codes, phones or emails.
      if (request.fields.includes('name')) {
        match.push(`customer_name_bigrams(c.name) @> array[${text()}]`);
        scores.push(`1 + word_similarity(${text()}, lower(c.name))`);
      }
    } else if (request.fields.length) {
      const pattern = params.add(likeContains(terms.text), 'text');
      for (const column of request.fields) {
        match.push(`c.${column} ilike ${pattern}`);
        scores.push(`case when lower(c.${column}) = ${text()} then 3 when c.${column} ilike ${pattern} then 1 + word_similarity(${text()}, lower(c.${column})) else 0 end`);
      }
    }
    if (request.fields.includes('name') && typos) {
      match.push(`${text()} <% lower(c.name)`);
      scores.push(`case when ${text()} <% lower(c.name) then word_similarity(${text()}, lower(c.name)) else 0 end`);
    }
    if (match.length === 0) return { hits: [], total: 0, exact: true };
    where.push(`(${match.join(' or ')})`);
    score = scores.join(' + ');
  }
  const rows = await sql.transaction(async (tx) => {
    // Same typo threshold as the PostgreSQL engine (see postgres-search-index.ts).
    if (typos) await tx.query(`select set_config('pg_trgm.word_similarity_threshold', '0.5', true)`);
    return tx.query<CustomerRecord & { score: number; total: number }>(
    `with matched as materialized (
       select ${CUSTOMER_COLUMNS}, (${score})::float8 as score from customer c where ${where.join(' and ')}
       ${terms.text ? '' : 'order by c.updated_at desc, c.id desc'} limit ${request.cap + 1}
     )
     select m.*, (select count(*)::int from matched) as total from matched m
      order by m.score desc, m."updatedAt" desc, m.id desc limit ${params.add(request.limit, 'int')}`,
      params.values,
    );
  });
  openCustomerRows(rows);
  const total = rows[0]?.total ?? 0;
  return {
    hits: rows.map(({ score: s, total: _t, ...record }) => ({ id: String(record.id), score: Math.round(s * 10_000) / 10_000, record })),
    total: Math.min(total, request.cap),
    exact: total <= request.cap,
  };
}
