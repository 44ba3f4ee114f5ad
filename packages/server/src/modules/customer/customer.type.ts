import { NodeType } from '../../graphql/node.js';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { CustomerStatus, CustomerTier, CustomerType, LifecycleStage, VoidReason } from './customer.enums.js';
import type { CustomerRecord } from './customer.record.js';

/** Fields a customer has wherever it is stored; live and archived customers share them
 * (and the same field guards, keyed by each concrete type's name). */
@ObjectType({ description: 'Shared fields (not emitted on its own).', simpleResolvers: true })
export abstract class CustomerFields implements Omit<CustomerRecord, 'ownerId'> {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field({ description: 'Unique business code, e.g. C0001234; generated when not given.' })
  code!: string;

  @Field({ description: 'Company or person name.' })
  name!: string;

  @Field(() => CustomerType, { description: 'Kind of customer.' })
  type!: CustomerType;

  @Field(() => CustomerTier, { description: 'Commercial value tier.' })
  tier!: CustomerTier;

  @Field(() => String, { nullable: true, description: 'Industry key (e.g. Retail, Software); labels are translated by clients.' })
  industry!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-2 region code, e.g. CN-SH, US-CA.' })
  region!: string | null;

  @Field(() => LifecycleStage, { description: 'Business lifecycle stage.' })
  lifecycleStage!: LifecycleStage;

  @Field(() => CustomerStatus, { description: 'Record status (active, void, archived, merged).' })
  status!: CustomerStatus;

  @Field(() => String, { nullable: true, description: 'Contact email address.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Contact phone number.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address.' })
  address!: string | null;

  @Field(() => String, { nullable: true, description: 'Tax identification number (e.g. unified social credit code).' })
  taxId!: string | null;

  @Field(() => [String], { description: 'Free classification tags.' })
  tags!: string[];

  @Field(() => String, { nullable: true, description: 'Internal notes.' })
  notes!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the latest interaction occurred; maintained automatically.' })
  lastInteractionAt!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the record was created.' })
  createdAt!: string;

  @Field(() => DateTimeScalar, { description: 'When the record was last edited.' })
  updatedAt!: string;

  @Field(() => Int, { description: 'Optimistic-locking version; send it back with updates.' })
  version!: number;

  @Field(() => VoidReason, { nullable: true, description: 'Why the record was voided (status VOID only).' })
  voidReason!: VoidReason | null;

  @Field(() => String, { nullable: true, description: 'Free note given when voiding.' })
  voidNote!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the record was voided.' })
  voidedAt!: string | null;
}

// Plain records: their fields are read as properties (see PLAIN_TYPES in app/schema.ts).
@NodeType('Customer', { description: 'A customer (company or person) and its classification and contact data.', simpleResolvers: true })
export class Customer extends CustomerFields {}
