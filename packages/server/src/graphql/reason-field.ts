import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field } from 'type-graphql';

/**
 * The "why" of an audited action, as an input field: one decorator, so every reason and
 * note is checked the same way (and the audit log never gets a blank one).
 */

/** Required: at least 3 characters, not only white space, at most `max`. */
export function ReasonField(description: string, max = 500): PropertyDecorator {
  return (target, key: string | symbol) => {
    if (key !== 'reason' && key !== 'note') throw new Error(`ReasonField is for reason and note fields, not ${String(key)}`);
    Field(() => String, { description })(target, key);
    MinLength(3)(target, key);
    MaxLength(max)(target, key);
    Matches(/\S/, { message: key === 'note' ? 'note must not be blank' : 'reason must not be blank' })(target, key);
  };
}

/** Optional (null or absent), at most `max` characters. */
export function OptionalReasonField(description: string, max = 500): PropertyDecorator {
  return (target, key) => {
    Field(() => String, { nullable: true, description })(target, key);
    IsOptional()(target, key as string);
    MaxLength(max)(target, key as string);
  };
}
