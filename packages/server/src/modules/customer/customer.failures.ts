import { idForClient, RefersTo } from '../../graphql/global-id.js';
import { Field, ID, ObjectType } from 'type-graphql';

/** Why one id of a bulk lifecycle action was not processed; the others went ahead. */
export interface LifecycleFailureRecord {
  id: string;
  code: 'NOT_FOUND' | 'INVALID_STATE' | 'CONFLICT';
  message: string;
}

@ObjectType('LifecycleFailure', { description: 'One id of a bulk lifecycle action that was not processed, and why.' })
export class LifecycleFailure implements LifecycleFailureRecord {
  @RefersTo('Customer')
  @Field(() => ID, { description: 'The id as given.' })
  id!: string;

  @Field(() => String, {
    description:
      'NOT_FOUND (missing or not visible to you), INVALID_STATE (the transition is not allowed) or CONFLICT (another customer holds its code).',
  })
  code!: 'NOT_FOUND' | 'INVALID_STATE' | 'CONFLICT';

  @Field({ description: 'What went wrong, for people.' })
  message!: string;
}

/** Missing and not-visible read the same, so a failure never reveals another owner's record. */
export const customerNotFoundFailure = (id: string): LifecycleFailureRecord => ({
  id,
  code: 'NOT_FOUND',
  message: `Customer ${idForClient('Customer', id)} was not found`,
});

export const stateFailure = (id: string, action: string, status: string): LifecycleFailureRecord => ({
  id,
  code: 'INVALID_STATE',
  message: `Cannot ${action} a customer whose status is ${status}`,
});

export const integrityFailure = (id: string): LifecycleFailureRecord => ({
  id,
  code: 'INVALID_STATE',
  message: `Archived customer ${idForClient('ArchivedCustomer', id)} no longer matches its checksum and was not restored; run the archive verification`,
});

/** Only a code twinned before codes were keyed across both stores gets here (docs/api-clients/lifecycle.md, code twins). */
export const codeConflictFailure = (id: string, action: 'archive' | 'restore', code: string): LifecycleFailureRecord => ({
  id,
  code: 'CONFLICT',
  message:
    action === 'restore'
      ? `Cannot restore customer ${idForClient('Customer', id)}: its code ${code} is now used by another customer`
      : `Cannot archive customer ${idForClient('Customer', id)}: an archived customer also holds its code ${code}; run the archive verification`,
});
