import { RefersTo } from '../../graphql/global-id.js';
import { IsOptional, MaxLength } from 'class-validator';
import { Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Customer } from '../customer/customer.type.js';
import type { CustomerRecord } from '../customer/customer.record.js';
import { ownRowsRoles } from '../../policy/role-notes.js';

export enum DuplicateMatchKind {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  TAX_ID = 'TAX_ID',
  NAME = 'NAME',
  SIMILAR_NAME = 'SIMILAR_NAME',
}

registerEnumType(DuplicateMatchKind, {
  name: 'DuplicateMatchKind',
  description: 'How a customer matches another (the same rules as duplicate detection).',
  valuesConfig: {
    EMAIL: { description: 'Same email address after normalization.' },
    PHONE: { description: 'Same phone number after normalization (E.164; a national trunk 0 and the country code ignored).' },
    TAX_ID: { description: 'Same tax id (compared through its blind index).' },
    NAME: { description: 'Same name in the same region (ignoring case, spacing, full-width forms and legal form).' },
    SIMILAR_NAME: { description: 'Similar name in the same region (trigram similarity from DUPLICATE_NAME_SIMILARITY).' },
  },
});

export enum DuplicateRuleAction {
  OFF = 'OFF',
  WARN = 'WARN',
  BLOCK = 'BLOCK',
}

registerEnumType(DuplicateRuleAction, {
  name: 'DuplicateRuleAction',
  description: 'What a match of one kind does to a create or update.',
  valuesConfig: {
    OFF: { description: 'Not checked.' },
    WARN: { description: 'The write happens; the match is returned in `possibleDuplicates`.' },
    BLOCK: { description: 'The write is refused (CONFLICT, reason INTAKE_DUPLICATE_BLOCKED); nothing is written.' },
  },
});

export interface DuplicateRuleRecord {
  kind: DuplicateMatchKind;
  action: DuplicateRuleAction;
  updatedAt: string;
}

@ObjectType('DuplicateRule', { description: 'What a match of one kind does when a customer is created, changed or imported.', simpleResolvers: true })
export class DuplicateRule {
  @Field(() => DuplicateMatchKind, { description: 'The kind of match.' })
  kind!: DuplicateMatchKind;

  @Field(() => DuplicateRuleAction, { description: 'Warn, block, or not check.' })
  action!: DuplicateRuleAction;

  @Field(() => DateTimeScalar, { description: 'When the rule was last set.' })
  updatedAt!: string;
}

@InputType({ description: 'Sets what matches of one kind do.' })
export class SetDuplicateRuleInput {
  @Field(() => DuplicateMatchKind, { description: 'The kind of match.' })
  kind!: DuplicateMatchKind;

  @Field(() => DuplicateRuleAction, { description: 'Warn, block, or not check.' })
  action!: DuplicateRuleAction;
}

@ObjectType({ description: 'Result of setDuplicateRule.' })
export class SetDuplicateRulePayload {
  @Field(() => DuplicateRule, { description: 'The rule as it is now.' })
  rule!: DuplicateRuleRecord;
}

export interface MatchReasonRecord {
  kind: DuplicateMatchKind;
  score: number;
  action: DuplicateRuleAction;
}

@ObjectType('DuplicateMatchReason', { description: 'One reason two customers look like the same one.', simpleResolvers: true })
export class DuplicateMatchReason {
  @Field(() => DuplicateMatchKind, { description: 'What they share.' })
  kind!: DuplicateMatchKind;

  @Field(() => Float, { description: 'Strength of this evidence (0–1; for SIMILAR_NAME the trigram similarity).' })
  score!: number;

  @Field(() => DuplicateRuleAction, { description: 'What the duplicate rule for this kind does (WARN here: a BLOCK refuses the write instead).' })
  action!: DuplicateRuleAction;
}

export interface PossibleDuplicateRecord {
  customer: CustomerRecord | null;
  visible: boolean;
  score: number;
  reasons: MatchReasonRecord[];
}

@ObjectType('PossibleDuplicate', {
  description: `An existing ACTIVE customer that matches the values written. Roles limited to their own customers (${ownRowsRoles()}) learn only that one exists and why when it is not theirs: \`customer\` is null and \`visible\` false.`,
  simpleResolvers: true,
})
export class PossibleDuplicate {
  @Field(() => Customer, { nullable: true, description: 'The matching customer; null when you may not see it.' })
  customer!: CustomerRecord | null;

  @Field({ description: 'Whether you may see the matching customer (false: it belongs to someone else).' })
  visible!: boolean;

  @Field(() => Float, { description: 'How likely it is the same customer (0–1): independent reasons add up, as in duplicate detection.' })
  score!: number;

  @Field(() => [DuplicateMatchReason], { description: 'Why, strongest first: only kinds of evidence on fields your role reads in full.' })
  reasons!: MatchReasonRecord[];
}

@InputType({ description: 'Values to check for duplicates before saving (what createCustomer or updateCustomer would check).' })
export class CustomerDuplicateCheckInput {
  @RefersTo('Customer')
  @Field(() => ID, { nullable: true, description: 'The customer being edited (never its own duplicate).' })
  @IsOptional()
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'Name.' })
  @IsOptional()
  @MaxLength(200)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-2 region code.' })
  @IsOptional()
  @MaxLength(10)
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  @IsOptional()
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number, in any format.' })
  @IsOptional()
  @MaxLength(40)
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Tax id (only roles that may write it).' })
  @IsOptional()
  @MaxLength(40)
  taxId?: string | null;
}
