import { Field, InputType, registerEnumType } from 'type-graphql';
import { KeysetOrder, type SortColumn } from '../../db/keyset.js';
import { SortDirection } from '../../graphql/sorting.js';

export enum CustomerSortField {
  NAME = 'NAME',
  CODE = 'CODE',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  LAST_INTERACTION_AT = 'LAST_INTERACTION_AT',
}

registerEnumType(CustomerSortField, {
  name: 'CustomerSortField',
  description: 'Fields customers can be sorted by (each backed by an index).',
  valuesConfig: {
    NAME: { description: 'Name, in Unicode collation order.' },
    CODE: { description: 'Business code.' },
    CREATED_AT: { description: 'Creation time.' },
    UPDATED_AT: { description: 'Last edit time.' },
    LAST_INTERACTION_AT: { description: 'Time of the latest interaction (none counts as oldest).' },
  },
});

@InputType({ description: 'One sort key for customers.' })
export class CustomerOrder {
  @Field(() => CustomerSortField, { description: 'Field to sort by.' })
  field!: CustomerSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' })
  direction!: SortDirection;
}

const COLUMNS: Record<CustomerSortField, SortColumn> = {
  NAME: { key: 'name', sql: 'c.name', cast: 'text', nullable: false },
  CODE: { key: 'code', sql: 'c.code', cast: 'text', nullable: false },
  CREATED_AT: { key: 'createdAt', sql: 'c.created_at', cast: 'timestamptz', nullable: false },
  UPDATED_AT: { key: 'updatedAt', sql: 'c.updated_at', cast: 'timestamptz', nullable: false },
  LAST_INTERACTION_AT: { key: 'lastInteractionAt', sql: 'c.last_interaction_at', cast: 'timestamptz', nullable: true },
};
const ID: SortColumn = { key: 'id', sql: 'c.id', cast: 'bigint', nullable: false };

export const DEFAULT_CUSTOMER_ORDER: CustomerOrder[] = [{ field: CustomerSortField.CREATED_AT, direction: SortDirection.DESC }];

export function customerKeysetOrder(orderBy: CustomerOrder[] | null | undefined): KeysetOrder {
  const terms = (orderBy?.length ? orderBy : DEFAULT_CUSTOMER_ORDER).map((o) => ({
    column: COLUMNS[o.field],
    direction: o.direction,
  }));
  const unique = terms.filter((t, i) => terms.findIndex((u) => u.column.key === t.column.key) === i);
  return new KeysetOrder(unique, ID);
}
