import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { validateOrReject } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';
import { validateArgument } from '../src/graphql/argument-validation.js';
import { CustomerOrder } from '../src/modules/customer/customer.order.js';
import { ArchiveSearchFilter, CustomerSearchFilter } from '../src/modules/search/search.inputs.js';

/**
 * Arguments are validated by our `validateFn` (src/graphql/argument-validation.ts) instead of
 * type-graphql's own call into class-validator: same options, same errors, and nothing done
 * for classes without constraints. Compared here with class-validator itself.
 */
const OPTIONS = { forbidUnknownValues: false, skipMissingProperties: true, validationError: { target: false, value: false } };

function filter(values: Partial<ArchiveSearchFilter>): ArchiveSearchFilter {
  return Object.assign(new ArchiveSearchFilter(), values);
}

async function outcome(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
    return 'valid';
  } catch (error) {
    return error;
  }
}

describe('argument validation', () => {
  it('refuses what class-validator refuses, with the same problems, inherited constraints included', async () => {
    const bad = filter({ archivedYear: [1969, 2024], archiveReason: Array.from({ length: 51 }, () => 'x') });
    const ours = await outcome(() => validateArgument(bad));
    expect(ours).toBeInstanceOf(ArgumentValidationError);
    const theirs = await outcome(() => validateOrReject(bad, OPTIONS));
    expect((ours as ArgumentValidationError).extensions.validationErrors).toEqual(theirs);
    expect(JSON.stringify(theirs)).toContain('archivedYear');
    expect(JSON.stringify(theirs)).toContain('archiveReason');
  });

  it('checks every object of a list argument', async () => {
    const ours = await outcome(() => validateArgument([filter({}), filter({ archivedYear: [10_000] })]));
    expect(ours).toBeInstanceOf(ArgumentValidationError);
  });

  it('lets valid values, scalars, nulls and classes without constraints through', async () => {
    await expect(validateArgument(filter({ archivedYear: [2024], archiveReason: ['INACTIVE'] }))).resolves.toBeUndefined();
    await expect(validateArgument(new CustomerSearchFilter())).resolves.toBeUndefined();
    await expect(validateArgument([Object.assign(new CustomerOrder(), { field: 'NAME' })])).resolves.toBeUndefined();
    await expect(validateArgument(null)).resolves.toBeUndefined();
    await expect(validateArgument('text')).resolves.toBeUndefined();
    await expect(validateArgument([null, 3])).resolves.toBeUndefined();
  });
});
