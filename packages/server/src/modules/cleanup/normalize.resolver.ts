import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { normalizeCustomers } from './normalize.service.js';
import { NormalizeCustomersInput, NormalizeCustomersPayload } from './normalize.types.js';

@Resolver()
export class NormalizeResolver {
  @Mutation(() => NormalizeCustomersPayload, {
    description: 'Normalizes phones (E.164), emails, names, tax ids, regions and industries. A dry run (the default) lists every change; otherwise a job applies them, audited per customer.',
  })
  normalizeCustomers(
    @Arg('input', () => NormalizeCustomersInput, { description: 'Which customers, and whether to preview.' }) input: NormalizeCustomersInput,
    @Ctx() ctx: RequestContext,
  ) {
    return normalizeCustomers(ctx, input);
  }
}
