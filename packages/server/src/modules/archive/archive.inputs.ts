import { RefersTo } from '../../graphql/global-id.js';
import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { KeysetOrder, type SortColumn } from '../../db/keyset.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { SortDirection } from '../../graphql/sorting.js';
import { CustomerStatus } from '../customer/customer.enums.js';
import { CustomerCriteria } from '../customer/customer.inputs.js';
import { ReasonField } from '../../graphql/reason-field.js';

/** Most ids one synchronous bulk call takes; larger sets go through archive policies (jobs). */
export const MAX_BULK_IDS = 1000;

@InputType({ description: 'Which archived customers to list: the live criteria plus archive metadata.' })
export class ArchivedCustomerFilter extends CustomerCriteria {
  @Field(() => [CustomerStatus], { nullable: true, description: 'Status before archiving: ACTIVE and/or VOID (default: both).' })
  previousStatus?: CustomerStatus[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'Archived at or after this time.' })
  archivedAfter?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Archived before this time.' })
  archivedBefore?: string;

  @RefersTo('ArchivePolicy')
  @Field(() => [ID], { nullable: true, description: 'Archived by any of these policies.' })
  policyId?: string[];

  @Field({ nullable: true, description: 'Only archived by hand (true) or only by a policy (false).' })
  manual?: boolean;

  @Field({ nullable: true, description: 'Archive reason contains this text (case-insensitive).' })
  @MaxLength(200)
  reason?: string;

  @Field({ nullable: true, description: 'Only records under legal hold (true) or without (false).' })
  legalHold?: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Retention ends before this time.' })
  retainUntilBefore?: string;
}

export enum ArchivedCustomerSortField {
  NAME = 'NAME',
  CODE = 'CODE',
  CREATED_AT = 'CREATED_AT',
  LAST_INTERACTION_AT = 'LAST_INTERACTION_AT',
  ARCHIVED_AT = 'ARCHIVED_AT',
  RETAIN_UNTIL = 'RETAIN_UNTIL',
}

registerEnumType(ArchivedCustomerSortField, {
  name: 'ArchivedCustomerSortField',
  description: 'Fields archived customers can be sorted by.',
  valuesConfig: {
    NAME: { description: 'Name.' },
    CODE: { description: 'Business code.' },
    CREATED_AT: { description: 'When the customer was created.' },
    LAST_INTERACTION_AT: { description: 'Time of the latest interaction (none counts as oldest).' },
    ARCHIVED_AT: { description: 'When it was archived.' },
    RETAIN_UNTIL: { description: 'End of retention (none counts as earliest).' },
  },
});

@InputType({ description: 'One sort key for archived customers.' })
export class ArchivedCustomerOrder {
  @Field(() => ArchivedCustomerSortField, { description: 'Field to sort by.' })
  field!: ArchivedCustomerSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' })
  direction!: SortDirection;
}

const COLUMNS: Record<ArchivedCustomerSortField, SortColumn> = {
  NAME: { key: 'name', sql: 'c.name', cast: 'text', nullable: false },
  CODE: { key: 'code', sql: 'c.code', cast: 'text', nullable: false },
  CREATED_AT: { key: 'createdAt', sql: 'c.created_at', cast: 'timestamptz', nullable: false },
  LAST_INTERACTION_AT: { key: 'lastInteractionAt', sql: 'c.last_interaction_at', cast: 'timestamptz', nullable: true },
  ARCHIVED_AT: { key: 'archivedAt', sql: 'c.archived_at', cast: 'timestamptz', nullable: false },
  RETAIN_UNTIL: { key: 'retainUntil', sql: 'c.retain_until', cast: 'timestamptz', nullable: true },
};

export function archivedKeysetOrder(orderBy: ArchivedCustomerOrder[] | null | undefined): KeysetOrder {
  const terms = (orderBy?.length ? orderBy : [{ field: ArchivedCustomerSortField.ARCHIVED_AT, direction: SortDirection.DESC }]).map(
    (o) => ({ column: COLUMNS[o.field], direction: o.direction }),
  );
  const unique = terms.filter((t, i) => terms.findIndex((u) => u.column.key === t.column.key) === i);
  return new KeysetOrder(unique, { key: 'id', sql: 'c.id', cast: 'bigint', nullable: false });
}


@InputType({ description: 'Customers to archive, with why.' })
export class ArchiveCustomersInput {
  @RefersTo('Customer')
  @Field(() => [ID], { description: `Customers to archive (ACTIVE or VOID), at most ${MAX_BULK_IDS}.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_IDS)
  ids!: string[];

  @ReasonField('Why they are archived (recorded in the archive and the audit log).')
  reason!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Keep at least until then (default: the configured retention from now).' })
  @IsOptional()
  retainUntil?: string | null;
}

@InputType({ description: 'Archived customers to put back, with why.' })
export class RestoreCustomersInput {
  @RefersTo('ArchivedCustomer', 'Customer')
  @Field(() => [ID], { description: `Archived customers to restore, at most ${MAX_BULK_IDS}.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_IDS)
  ids!: string[];

  @ReasonField('Why they are restored.')
  reason!: string;
}

@InputType({ description: 'Interactions to archive while their customers stay live.' })
export class ArchiveInteractionsInput {
  @RefersTo('Customer')
  @Field(() => ID, { nullable: true, description: 'Only this customer\'s interactions; omit for all customers.' })
  customerId?: string | null;

  @Field(() => DateTimeScalar, { description: 'Interactions that occurred before this time.' })
  olderThan!: string;

  @ReasonField('Why they are archived.')
  reason!: string;
}

@InputType({ description: 'Irreversibly deletes one VOID or ARCHIVED customer with its whole history.' })
export class PurgeCustomerInput {
  @RefersTo('ArchivedCustomer', 'Customer')
  @Field(() => ID, { description: 'The customer (live and VOID, or archived).' })
  id!: string;

  @ReasonField('Why it must go (kept in the audit log\'s tombstone).')
  reason!: string;

  @Field({ description: 'The customer\'s code, typed again to confirm.' })
  confirm!: string;
}
