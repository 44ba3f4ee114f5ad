import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { UndoOperationInput, UndoOperationPayload } from './undo.type.js';
import { undoOperation } from './undo.service.js';

@Resolver()
export class UndoResolver {
  @Mutation(() => UndoOperationPayload, {
    description:
      'Takes back your own void, archive, bulk tag change or normalization within UNDO_WINDOW_MINUTES, customer by customer where nothing changed since; audited as an undo. Allowed to whoever did it, even where the reverse action is not theirs (someone who may void but not unvoid undoes their own void).',
  })
  undoOperation(@Arg('input', () => UndoOperationInput, { description: 'The operation.' }) input: UndoOperationInput, @Ctx() ctx: RequestContext) {
    return undoOperation(ctx, input.id);
  }
}
