import type { MouseEvent } from 'react';
import { Link, useRecordContext } from 'react-admin';

/**
 * A list column: how many customers the row stands for (a tag's, a segment's), linking to
 * the customers list narrowed to them. The click stays off the row's own link.
 */
export function CustomerCountField({ count, to, testId }: {
  count: (record: Record<string, unknown>) => number;
  to: (record: Record<string, unknown> & { id: unknown }) => string;
  testId: string;
  /** Read by Datagrid for the header and alignment. */
  source: string;
  textAlign?: 'right';
  sortable?: boolean;
}) {
  const record = useRecordContext();
  if (!record) return null;
  const n = count(record);
  return (
    <Link to={to(record)} onClick={(e: MouseEvent) => e.stopPropagation()} data-testid={testId} data-count={n}>
      {n.toLocaleString()}
    </Link>
  );
}
