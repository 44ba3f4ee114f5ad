import { RefersTo } from '../../graphql/global-id.js';
import { NodeType } from '../../graphql/node.js';
import { GraphQLJSONObject } from 'graphql-scalars';
import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { CustomerFilter } from '../customer/customer.inputs.js';
import type { SegmentRecord } from '../customer/customer.segment.js';

@NodeType('Segment', { description: 'A saved, named customer filter: use it as `filter: { segmentId }` in customer lists, bulk tagging, normalization and data-quality lists.' })
export class Segment implements Omit<SegmentRecord, 'createdById'> {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field({ description: 'Unique name (case-insensitive).' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What the segment is for; null when empty, or when the segment uses criteria your role may not see (see hiddenCriteria): a description may restate them.',
  })
  description!: string | null;

  @Field(() => GraphQLJSONObject, {
    description: 'The stored filter, as a CustomerFilter input, without the criteria your role may not see (listed in hiddenCriteria). Using the segment still applies them, within what your role may search and the rows it may read.',
  })
  filter!: CustomerFilter;

  @Field(() => [String], {
    description: 'Criteria of the filter left out for your role (`search`, `ids`, `taxId`): their values are data of particular customers, shown only to roles that read those fields in full on every row.',
  })
  hiddenCriteria!: string[];

  @Field(() => DateTimeScalar, { description: 'When it was created.' })
  createdAt!: string;

  @Field(() => DateTimeScalar, { description: 'When it was last changed.' })
  updatedAt!: string;

  @Field(() => Int, { description: 'Optimistic-locking version; send it back with changes.' })
  version!: number;
}

@InputType({ description: 'Creates a segment (without id) or changes one (with id and version).' })
export class SaveSegmentInput {
  @RefersTo('Segment')
  @Field(() => ID, { nullable: true, description: 'The segment to change; omit to create one.' })
  id?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version you read (required with id; a stale one fails with CONFLICT).' })
  version?: number | null;

  @Field({ description: 'Unique name.' })
  @MinLength(1)
  @MaxLength(100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the segment is for.' })
  @IsOptional()
  @MaxLength(1000)
  description?: string | null;

  @Field(() => CustomerFilter, { description: 'Who belongs to it (another segment cannot be named inside).' })
  filter!: CustomerFilter;
}

@InputType({ description: 'Deletes a saved segment.' })
export class DeleteSegmentInput {
  @RefersTo('Segment')
  @Field(() => ID, { description: 'The segment.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  version!: number;
}

@ObjectType({ description: 'Result of saveSegment or deleteSegment.' })
export class SegmentPayload {
  @Field(() => Segment, { description: 'The segment (for deleteSegment: as it was).' })
  segment!: SegmentRecord;
}
