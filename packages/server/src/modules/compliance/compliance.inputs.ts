import { RefersTo } from '../../graphql/global-id.js';
import { Field, ID, InputType } from 'type-graphql';
import { ReasonField } from '../../graphql/reason-field.js';

@InputType({ description: 'Sets or lifts a legal hold on a live or archived customer.' })
export class SetLegalHoldInput {
  @RefersTo('Customer', 'ArchivedCustomer')
  @Field(() => ID, { description: 'The customer (live or archived).' })
  id!: string;

  @Field({ description: 'true to hold, false to lift the hold.' })
  hold!: boolean;

  @ReasonField('Why (e.g. the case or request reference).')
  reason!: string;
}

@InputType({ description: "Erases a person's personal data (PIPL/GDPR request) in the live and archive stores." })
export class ErasePersonalDataInput {
  @RefersTo('Customer', 'ArchivedCustomer')
  @Field(() => ID, { description: 'The customer (live or archived).' })
  id!: string;

  @ReasonField('The request this fulfils (reference, not personal data).')
  reason!: string;

  @Field({ description: 'The customer\'s code, typed again to confirm.' })
  confirm!: string;
}
