import { invalidInput } from '../../common/domain-error.js';
import type { SqlExecutor } from '../../db/sql.js';
import type { SearchFilter } from '../../search/search-index.js';
import { findSegment, type SegmentRecord } from '../customer/customer.segment.js';
import { CustomerStatus } from '../customer/customer.enums.js';
import type { CustomerFilter } from '../customer/customer.inputs.js';

const FIELD = 'filter.segmentId';

export async function loadSearchSegment(sql: SqlExecutor, segmentId: string | null | undefined): Promise<SegmentRecord | undefined> {
  if (segmentId == null) return undefined;
  const segment = await findSegment(sql, segmentId);
  if (!segment) throw invalidInput([{ field: FIELD, message: 'no such segment' }]);
  return segment;
}

/** Criteria of a customer filter the archive index has no data for. */
const NOT_INDEXED = ['ids', 'search', 'unowned', 'createdAfter', 'createdBefore', 'lastInteractionAfter', 'lastInteractionBefore', 'segmentId'] as const;

/**
 * A segment as an archive-index filter. Status means the status before archiving (the
 * index's previousStatus), given only when the segment names one: an archived customer
 * has no live status to default to. Criteria the index cannot apply are refused by name
 * rather than dropped, since dropping one would widen the segment.
 */
export function segmentSearchFilter(segment: SegmentRecord): SearchFilter {
  const f: CustomerFilter = segment.filter;
  const unsupported = NOT_INDEXED.filter((key) => {
    const value = f[key];
    return value != null && value !== '' && !(Array.isArray(value) && value.length === 0);
  });
  if (unsupported.length) {
    throw invalidInput([{
      field: FIELD,
      message: `segment "${segment.name}" filters on ${unsupported.join(', ')}, which archive search cannot apply; search LIVE customers with it instead`,
    }]);
  }
  const previous = f.status?.filter((s) => s === CustomerStatus.ACTIVE || s === CustomerStatus.VOID);
  if (f.status?.length && !previous?.length) {
    throw invalidInput([{ field: FIELD, message: `segment "${segment.name}" lists ${f.status.join(', ')} customers, which are never archived` }]);
  }
  return {
    types: f.type, tiers: f.tier, industries: f.industry, regions: f.region, lifecycleStages: f.lifecycleStage,
    ownerIds: f.ownerId, tags: f.tags, previousStatuses: previous?.length ? previous : undefined,
    also: f.tagsAll?.map((tag) => ({ tags: [tag] })),
  };
}
