/**
 * Small pure helpers of build-query.ts: blanks, value comparison, not-found errors and
 * the browser-side filter of argument-less lists.
 */
import { ApiError } from './errors.ts';
import type { ResourceSpec } from './resources.ts';

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The root list query of a connection or array resource. */
export function listQuery(spec: ResourceSpec): string {
  if (spec.list.kind === 'nested') throw new Error(`${spec.typeName} is listed only through its parent`);
  return spec.list.query;
}

export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined || v === '' ? null : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

export function notFound(): ApiError {
  return new ApiError('NOT_FOUND', 'The record does not exist or is not visible to you');
}

export function singleOrNotFound(rows: unknown): unknown {
  const list = rows as unknown[];
  if (!list[0]) throw notFound();
  return list[0];
}

/** Browser-side filter for argument-less lists: `q` searches text, other keys match exactly. */
export function matchesFilter(row: Record<string, unknown>, filter: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([key, value]) => {
    if (isBlank(value)) return true;
    if (key === 'q') {
      const needle = String(value).toLowerCase();
      return Object.values(row).some((v) => typeof v === 'string' && v.toLowerCase().includes(needle));
    }
    const values = Array.isArray(value) ? value.map(String) : [String(value)];
    return values.includes(String(row[key]));
  });
}

