/**
 * One customer's interaction history, page by page with the connection's cursor
 * (`interactions(filter: { customerId }, first, after)`), newest first. Cursors rather
 * than offsets: an interaction logged while the user scrolls does not shift later pages,
 * so nothing shows twice. The selection is the interactions resource's (field guards
 * decide which fields are asked for, as in every list).
 */
import type { QueryBuilder, RaRecord } from '../../data-provider/build-query.ts';
import { checkResponse } from '../../data-provider/errors.ts';
import type { BuiltRead } from '../../data-provider/operations.ts';
import { resourceSpec } from '../../data-provider/resources.ts';

export interface TimelinePage {
  items: RaRecord[];
  totalCount: number;
  /** Where the next page starts; null at the end. */
  next: string | null;
}

export interface TimelineRequest {
  customerId: string;
  first: number;
  after?: string | null;
}

export function interactionTimelineQuery(builder: QueryBuilder, request: TimelineRequest): BuiltRead<TimelinePage> {
  const spec = resourceSpec('interactions');
  const selection = builder.selection(spec.typeName, spec.nested, spec.exclude);
  const text = `query InteractionTimeline($filter: InteractionFilter, $orderBy: [InteractionOrder!], $first: Int, $after: String) {
  data: interactions(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ${selection} }
  }
}`;
  return {
    ...builder.document(text, {
      filter: { customerId: [request.customerId] },
      orderBy: [{ field: 'OCCURRED_AT', direction: 'DESC' }],
      first: request.first,
      after: request.after ?? null,
    }),
    parseResponse: (response) => {
      checkResponse('data', response.data, response.errors);
      const page = response.data?.['data'] as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Record<string, unknown>[] };
      return {
        items: page.nodes.map((node) => builder.toRecord(spec, node)),
        totalCount: page.totalCount,
        next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null,
      };
    },
  };
}
