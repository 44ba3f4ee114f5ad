/**
 * One customer's history (`customerHistory(id)`, issue 21): every step oldest first with
 * the fields it changed, values already guarded by the server as in the record.
 */
import { parse } from 'graphql';
import { checkResponse } from './errors.ts';
import type { BuiltRead } from './reports.ts';

export interface HistoryChange {
  field: string;
  from: unknown;
  to: unknown;
  hidden: boolean;
  revertible: boolean;
}

export interface HistoryEntry {
  id: string;
  seq: string | null;
  at: string;
  action: string;
  actorRole: string | null;
  reason: string | null;
  store: 'LIVE' | 'ARCHIVE' | null;
  version: number | null;
  valuesKept: boolean;
  actor: { id: string; displayName: string } | null;
  changes: HistoryChange[];
}

const QUERY = parse(`query CustomerHistory($id: ID!) {
  data: customerHistory(id: $id) {
    id seq at action actorRole reason store version valuesKept actor { id displayName }
    changes { field from to hidden revertible }
  }
}`);

export function customerHistoryQuery(id: string): BuiltRead<HistoryEntry[]> {
  return {
    query: QUERY,
    variables: { id },
    parseResponse: (response) => {
      checkResponse('data', response.data, response.errors);
      return (response.data?.['data'] as HistoryEntry[] | null) ?? [];
    },
  };
}
