import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { duplicateRows, importSetup } from './import-review.service.js';
import { CustomerImportSetup, ImportDuplicateRow } from './import-review.types.js';
import type { ImportRecord } from './import.store.js';
import { CustomerImport } from './import.types.js';

/** The import wizard's reads beyond the import itself (import-review.service.ts). */
@Resolver(() => CustomerImport)
export class CustomerImportReviewResolver {
  @Query(() => CustomerImportSetup, { description: 'The upload limits and the saved mapping templates, for an import wizard.' })
  customerImportSetup(@Ctx() ctx: RequestContext) {
    return importSetup(ctx);
  }

  @FieldResolver(() => [ImportDuplicateRow], { description: 'Rows the last dry run (or run) found matching existing customers, in row order, with the matches you may see; only for whoever uploaded the file.' })
  duplicateRows(
    @Root() record: ImportRecord,
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many rows (at most 200).' }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0, description: 'Matching rows to pass over first.' }) offset: number,
    @Ctx() ctx: RequestContext,
  ) {
    return duplicateRows(ctx, record.id, first, offset);
  }
}
