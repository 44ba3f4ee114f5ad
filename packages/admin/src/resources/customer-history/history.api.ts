/**
 * One customer's history (`customerHistory(id)`, issue 21): every step oldest first with
 * the fields it changed, values already guarded by the server as in the record. The
 * registered operation CustomerHistory (packages/schema/operations/dashboard/history.graphql)
 * with its generated types.
 */
import type { OperationResult } from '../../data-provider/operations.ts';

export type HistoryEntry = NonNullable<OperationResult<'CustomerHistory'>['data']>[number];
export type HistoryChange = HistoryEntry['changes'][number];
