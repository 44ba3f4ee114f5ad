import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { ArchivedCustomer } from '../archive/archive.type.js';
import type { ArchivedCustomerRecord } from '../archive/archive.record.js';
import { Customer } from '../customer/customer.type.js';
import type { CustomerRecord } from '../customer/customer.record.js';
import { SearchEngine, SearchScope } from './search.enums.js';

@ObjectType({ description: 'Where a search matched: one field the caller may read in full, with the matches marked.' })
export class SearchHighlight {
  @Field({ description: 'The field that matched: name, code, email or phone.' })
  field!: string;

  @Field({ description: 'The field\u2019s value with each match wrapped in <em>…</em> (other text escaped).' })
  snippet!: string;
}

@ObjectType({ description: 'One archived customer found by searchArchive.' })
export class ArchiveSearchHit {
  @Field(() => Float, { description: 'Relevance, higher is better; comparable within one result only.' })
  score!: number;

  @Field(() => [SearchHighlight], { description: 'The matches, only in fields the caller may read in full.' })
  highlights!: SearchHighlight[];

  @Field(() => ArchivedCustomer, { description: 'The archived customer, under the usual field guards.' })
  customer!: ArchivedCustomerRecord;
}

@ObjectType({ description: 'One value of a facet and how many matches have it.' })
export class FacetValue {
  @Field({ description: 'The value (enum values as their names, years as digits).' })
  value!: string;

  @Field(() => Int, { description: 'Matches with this value, under the caller\u2019s row rules.' })
  count!: number;
}

@ObjectType({ description: 'Counts of matches by one field.' })
export class SearchFacet {
  @Field({ description: 'type, tier, region, lifecycleStage, tags, archiveReason or archivedYear.' })
  field!: string;

  @Field(() => [FacetValue], { description: 'Most frequent values first (at most 50).' })
  values!: FacetValue[];
}

@ObjectType({ description: 'Result of searchArchive.' })
export class ArchiveSearchResult {
  @Field(() => Int, { description: 'Matches under the caller\u2019s row rules (see totalCountExact).' })
  totalCount!: number;

  @Field({ description: 'False when the engine stopped counting at its bound: there are at least totalCount matches.' })
  totalCountExact!: boolean;

  @Field(() => [ArchiveSearchHit], { description: 'This page of hits, best first.' })
  hits!: ArchiveSearchHit[];

  @Field(() => [SearchFacet], { description: 'Counts by type, tier, region, lifecycle stage, tag, archive reason and year archived.' })
  facets!: SearchFacet[];

  @Field(() => SearchEngine, { description: 'The engine that answered.' })
  engine!: SearchEngine;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  endCursor!: string | null;
}

@ObjectType({ description: 'One customer found by search, live or archived.' })
export class CustomerSearchHit {
  @Field(() => Float, { description: 'Relevance, higher is better; comparable within one result only.' })
  score!: number;

  @Field(() => [SearchHighlight], { description: 'The matches, only in fields the caller may read in full.' })
  highlights!: SearchHighlight[];

  @Field(() => SearchScope, { description: 'Where the customer lives: LIVE or ARCHIVED.' })
  store!: SearchScope;

  @Field(() => Customer, { nullable: true, description: 'The live customer (when store is LIVE).' })
  customer!: CustomerRecord | null;

  @Field(() => ArchivedCustomer, { nullable: true, description: 'The archived customer (when store is ARCHIVED).' })
  archivedCustomer!: ArchivedCustomerRecord | null;
}

@ObjectType({ description: 'Result of search over live and/or archived customers.' })
export class CustomerSearchResult {
  @Field(() => Int, { description: 'Matches in the searched stores under the caller\u2019s row rules (see totalCountExact).' })
  totalCount!: number;

  @Field({ description: 'False when a store stopped counting at its bound.' })
  totalCountExact!: boolean;

  @Field(() => [CustomerSearchHit], { description: 'This page of hits, best first.' })
  hits!: CustomerSearchHit[];

  @Field(() => SearchEngine, { description: 'The engine that searched the archive (live customers are searched in PostgreSQL).' })
  engine!: SearchEngine;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  endCursor!: string | null;
}

@ObjectType({ description: 'How far the search index is behind the archive.' })
export class SearchIndexStatus {
  @Field(() => SearchEngine, { description: 'The configured engine.' })
  engine!: SearchEngine;

  @Field(() => Float, { description: 'Seconds since the oldest change not yet in the index was committed (0: in step).' })
  lag!: number;

  @Field(() => Int, { description: 'Changes waiting in the outbox.' })
  pending!: number;

  @Field(() => Int, { description: 'Of those, changes whose last apply failed (retried with backoff).' })
  failing!: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the oldest pending change was written.' })
  oldestPendingAt!: string | null;

  @Field(() => Int, { description: 'Documents in the index.' })
  indexedCount!: number;
}

@ObjectType({ description: 'Archive and index compared: counts and a SHA-256 digest over (id, checksum) in id order.' })
export class SearchConsistency {
  @Field({ description: 'True when both hold exactly the same customers in the same versions.' })
  ok!: boolean;

  @Field(() => SearchEngine, { description: 'The engine checked.' })
  engine!: SearchEngine;

  @Field(() => Int, { description: 'Archived customers.' })
  archiveCount!: number;

  @Field(() => Int, { description: 'Documents in the index.' })
  indexCount!: number;

  @Field({ description: 'Digest of the archive side.' })
  archiveDigest!: string;

  @Field({ description: 'Digest of the index side.' })
  indexDigest!: string;

  @Field(() => [String], { description: 'Archived customers missing from the index (first 20).' })
  missing!: string[];

  @Field(() => [String], { description: 'Indexed customers no longer archived (first 20).' })
  extra!: string[];

  @Field(() => [String], { description: 'Customers indexed in an older version (first 20).' })
  stale!: string[];

  @Field(() => Int, { description: 'Changes still waiting in the outbox (differences they explain will heal).' })
  pending!: number;
}
