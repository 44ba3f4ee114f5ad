import { RefersTo } from '../../graphql/global-id.js';
import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { KeysetOrder, type SortColumn } from '../../db/keyset.js';
import { DateTimeScalar, DecimalScalar } from '../../graphql/scalars.js';
import { SortDirection } from '../../graphql/sorting.js';
import { InteractionChannel, InteractionKind } from './interaction.enums.js';

@InputType({ description: 'Which interactions to list.' })
export class InteractionFilter {
  @RefersTo('Customer', 'ArchivedCustomer')
  @Field(() => [ID], { nullable: true, description: 'Of any of these customers (top-level list only).' })
  customerId?: string[];

  @Field(() => [InteractionKind], { nullable: true, description: 'Any of these kinds.' })
  kind?: InteractionKind[];

  @Field(() => [InteractionChannel], { nullable: true, description: 'Any of these channels.' })
  channel?: InteractionChannel[];

  @RefersTo('User')
  @Field(() => [ID], { nullable: true, description: 'Recorded by any of these users.' })
  ownerId?: string[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'Occurred at or after this time.' })
  occurredAfter?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Occurred before this time.' })
  occurredBefore?: string;
}

export enum InteractionSortField {
  OCCURRED_AT = 'OCCURRED_AT',
  CREATED_AT = 'CREATED_AT',
  AMOUNT = 'AMOUNT',
}

registerEnumType(InteractionSortField, {
  name: 'InteractionSortField',
  description: 'Fields interactions can be sorted by.',
  valuesConfig: {
    OCCURRED_AT: { description: 'When it happened.' },
    CREATED_AT: { description: 'When it was recorded.' },
    AMOUNT: { description: 'Order amount (none counts as smallest).' },
  },
});

@InputType({ description: 'One sort key for interactions.' })
export class InteractionOrder {
  @Field(() => InteractionSortField, { description: 'Field to sort by.' })
  field!: InteractionSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' })
  direction!: SortDirection;
}

const COLUMNS: Record<InteractionSortField, SortColumn> = {
  OCCURRED_AT: { key: 'occurredAt', sql: 'i.occurred_at', cast: 'timestamptz', nullable: false },
  CREATED_AT: { key: 'createdAt', sql: 'i.created_at', cast: 'timestamptz', nullable: false },
  AMOUNT: { key: 'amount', sql: 'i.amount', cast: 'numeric', nullable: true },
};
const ID_COLUMN: SortColumn = { key: 'id', sql: 'i.id', cast: 'bigint', nullable: false };

/** Sort fields that reveal a guarded value, by the field they reveal. */
/** Sort fields whose values are guarded, live and archived: the policy decides who may order by them. */
export const GUARDED_SORTS: Partial<Record<InteractionSortField, 'Interaction.amount'>> = {
  [InteractionSortField.AMOUNT]: 'Interaction.amount',
};
export const ARCHIVED_GUARDED_SORTS: Partial<Record<InteractionSortField, 'ArchivedInteraction.amount'>> = {
  [InteractionSortField.AMOUNT]: 'ArchivedInteraction.amount',
};

export function interactionKeysetOrder(orderBy: InteractionOrder[] | null | undefined): KeysetOrder {
  const terms = (orderBy?.length ? orderBy : [{ field: InteractionSortField.OCCURRED_AT, direction: SortDirection.DESC }]).map(
    (o) => ({ column: COLUMNS[o.field], direction: o.direction }),
  );
  return new KeysetOrder(terms.filter((t, i) => terms.findIndex((u) => u.column.key === t.column.key) === i), ID_COLUMN);
}

@InputType({ description: 'An interaction to add to a customer\'s history.' })
export class LogInteractionInput {
  @RefersTo('Customer')
  @Field(() => ID, { description: 'The customer it concerns.' })
  customerId!: string;

  @Field(() => InteractionKind, { description: 'What happened.' })
  kind!: InteractionKind;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it happened (default: now).' })
  occurredAt?: string | null;

  @Field(() => InteractionChannel, { nullable: true, description: 'Channel it happened through.' })
  channel?: InteractionChannel | null;

  @Field({ description: 'Short summary.' })
  @MinLength(1)
  @MaxLength(300)
  @Matches(/\S/, { message: 'subject must not be blank' })
  subject!: string;

  @Field(() => String, { nullable: true, description: 'Full text.' })
  @IsOptional()
  @MaxLength(20000)
  body?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount; required for ORDER.' })
  amount?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency code; required with an amount.' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency?: string | null;

  @RefersTo('User')
  @Field(() => ID, { nullable: true, description: 'Who recorded it (default: the customer\'s owner).' })
  ownerId?: string | null;
}
