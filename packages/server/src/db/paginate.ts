import { CommonErrorCode, DomainError, invalidInput } from '../common/domain-error.js';
import type { KeysetOrder } from './keyset.js';
import type { Params } from './sql.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  offset?: number | null;
}

export interface PagePlan {
  limit: number;
  offset: number;
  backward: boolean;
  cursor?: (string | null)[];
  hasCursor: boolean;
}

export interface Page<T> {
  rows: T[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export const DEFAULT_PAGE_SIZE = 20;

/** Validates Relay paging arguments (plus `offset` for the dashboard's page jumps). */
export function planPage(args: PageArgs, order: KeysetOrder, maxPageSize: number): PagePlan {
  const { first, last, after, before } = args;
  const offset = args.offset ?? 0;
  const problems = [];
  if (first != null && last != null) problems.push({ field: 'last', message: 'use either first or last, not both' });
  if (after != null && before != null) problems.push({ field: 'before', message: 'use either after or before, not both' });
  if (first != null && first < 0) problems.push({ field: 'first', message: 'must not be negative' });
  if (last != null && last < 0) problems.push({ field: 'last', message: 'must not be negative' });
  if (offset < 0) problems.push({ field: 'offset', message: 'must not be negative' });
  if (problems.length) throw invalidInput(problems);
  const backward = last != null || (before != null && first == null);
  const limit = (backward ? last : first) ?? DEFAULT_PAGE_SIZE;
  if (limit > maxPageSize) {
    throw new DomainError(CommonErrorCode.PAGE_TOO_LARGE, `At most ${maxPageSize} items per page`, [
      { field: backward ? 'last' : 'first', message: `must be at most ${maxPageSize}` },
    ]);
  }
  const raw = backward ? before : after;
  let cursor: (string | null)[] | undefined;
  if (raw != null) {
    cursor = order.decodeCursor(raw);
    if (!cursor) {
      throw new DomainError(CommonErrorCode.INVALID_CURSOR, 'The cursor is malformed or belongs to another sort order', [
        { field: backward ? 'before' : 'after', message: 'invalid cursor' },
      ]);
    }
  }
  return { limit, offset, backward, cursor, hasCursor: cursor !== undefined };
}

/** The WHERE, ORDER BY, LIMIT and OFFSET parts of one page of a keyset-ordered query. */
export function pageClauses(plan: PagePlan, order: KeysetOrder, where: string[], params: Params) {
  const conditions = [...where];
  if (plan.cursor) conditions.push(order.seekPredicate(plan.cursor, params, plan.backward));
  return {
    where: conditions.length ? conditions.join(' and ') : 'true',
    orderBy: order.orderBy(plan.backward),
    limit: params.add(plan.limit + 1, 'integer'),
    offset: params.add(plan.offset, 'integer'),
  };
}

/** Trims the look-ahead row, restores forward order and computes cursors. */
export function toPage<T extends { __keys: (string | null)[] }>(rows: T[], plan: PagePlan, order: KeysetOrder): Page<T> {
  const more = rows.length > plan.limit;
  const kept = more ? rows.slice(0, plan.limit) : rows;
  if (plan.backward) kept.reverse();
  return {
    rows: kept,
    cursors: kept.map((row) => order.encodeCursor(row.__keys)),
    hasNextPage: plan.backward ? plan.hasCursor : more,
    hasPreviousPage: plan.backward ? more : plan.hasCursor || plan.offset > 0,
  };
}
