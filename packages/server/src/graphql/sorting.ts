import { registerEnumType } from 'type-graphql';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Sort direction. Empty values sort as the smallest value (first ascending, last descending).',
  valuesConfig: {
    ASC: { description: 'Ascending.' },
    DESC: { description: 'Descending.' },
  },
});
