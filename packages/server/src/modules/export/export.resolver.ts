import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { createExport } from './export.service.js';
import { CreateExportInput, CreateExportPayload } from './export.type.js';

@Resolver()
export class ExportResolver {
  @Mutation(() => CreateExportPayload, {
    description: 'Prepares a CSV or Excel export under your field guards and row rules and returns a download link valid for 10 minutes and one download.',
  })
  createExport(@Arg('input', () => CreateExportInput, { description: 'What to export.' }) input: CreateExportInput, @Ctx() ctx: RequestContext) {
    return createExport(ctx, input);
  }
}
