import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { ConnectionArgs } from '../../graphql/connection.js';
import { Action } from '../../policy/policy.js';
import { rolesFor } from '../../policy/role-notes.js';
import { guardSubjectValue } from '../../policy/subject-request-guard.js';
import {
  CompleteSubjectRequestInput, CorrectSubjectDataInput, CreateSubjectRequestInput, EraseSubjectDataInput, RejectSubjectRequestInput,
  SubjectAccessExportLinkInput, SubjectRequestFilter, SubjectRequestIdInput,
} from './subject-request.inputs.js';
import {
  completeSubjectRequest, correctSubjectData, createSubjectRequest, eraseSubjectData, exportLoader, getSubjectRequest, identifiersOf,
  listSubjectRequests, rejectSubjectRequest, runSubjectAccessExport, stepsLoader, subjectAccessExportLink, subjectMatches,
} from './subject-request.service.js';
import {
  RunSubjectAccessExportPayload, SubjectAccessExport, SubjectAccessExportLink, SubjectMatch, SubjectRequest, SubjectRequestConnection,
  SubjectRequestPayload, SubjectRequestStep, type SubjectIdentifiers, type SubjectRequestRecord,
} from './subject-request.type.js';

const value = (ctx: RequestContext, request: SubjectRequestRecord, key: keyof SubjectIdentifiers) =>
  guardSubjectValue(ctx, `SubjectRequest.${key}`, request.id, identifiersOf(request)?.[key] ?? null, request.identifiersMasked[key] ?? null);

/** The register of data-subject requests and what is done under each (issue 21, part 4). */
@Resolver(() => SubjectRequest)
export class SubjectRequestResolver {
  @Query(() => SubjectRequestConnection, { description: `Data-subject requests, the next due first (${rolesFor(Action.SUBJECT_REQUEST_READ)}).` })
  async subjectRequests(
    @Arg('filter', () => SubjectRequestFilter, { nullable: true, description: 'Which requests.' }) filter: SubjectRequestFilter | null,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<SubjectRequestConnection> {
    const result = await listSubjectRequests(ctx, filter, page);
    return new SubjectRequestConnection(result.page as never, result.count);
  }

  @Query(() => SubjectRequest, { nullable: true, description: 'One data-subject request; null when there is none.' })
  subjectRequest(@Arg('id', () => ID, { description: 'Request id.' }) id: string, @Ctx() ctx: RequestContext) {
    return getSubjectRequest(ctx, id);
  }

  @Query(() => [SubjectMatch], {
    description: `Customer records (live and archived) the request's identifiers match now; empty once it is closed (${rolesFor(Action.SUBJECT_REQUEST_MANAGE)}).`,
  })
  subjectMatches(@Arg('id', () => ID, { description: 'Request id.' }) id: string, @Ctx() ctx: RequestContext) {
    return subjectMatches(ctx, id);
  }

  @Mutation(() => SubjectRequestPayload, { description: `Records a data-subject request; the due date follows from the regime (${rolesFor(Action.SUBJECT_REQUEST_MANAGE)}).` })
  async createSubjectRequest(@Arg('input', () => CreateSubjectRequestInput, { description: 'The request as received.' }) input: CreateSubjectRequestInput, @Ctx() ctx: RequestContext) {
    return { subjectRequest: await createSubjectRequest(ctx, input) };
  }

  @Mutation(() => SubjectRequestPayload, { description: 'Refuses a data-subject request, with the reason; its identifiers are then kept only masked.' })
  async rejectSubjectRequest(@Arg('input', () => RejectSubjectRequestInput, { description: 'The request and why.' }) input: RejectSubjectRequestInput, @Ctx() ctx: RequestContext) {
    return { subjectRequest: await rejectSubjectRequest(ctx, input) };
  }

  @Mutation(() => SubjectRequestPayload, { description: 'Closes a data-subject request as answered; its identifiers and export are then dropped (masks stay).' })
  async completeSubjectRequest(@Arg('input', () => CompleteSubjectRequestInput, { description: 'The request and a note.' }) input: CompleteSubjectRequestInput, @Ctx() ctx: RequestContext) {
    return { subjectRequest: await completeSubjectRequest(ctx, input) };
  }

  @Mutation(() => RunSubjectAccessExportPayload, { description: `Starts the job that gathers everything held about the subject (${rolesFor(Action.SUBJECT_REQUEST_EXPORT)}).` })
  async runSubjectAccessExport(@Arg('input', () => SubjectRequestIdInput, { description: 'The request.' }) input: SubjectRequestIdInput, @Ctx() ctx: RequestContext) {
    const { request, job } = await runSubjectAccessExport(ctx, input.id);
    return { subjectRequest: request, job };
  }

  @Mutation(() => SubjectAccessExportLink, { description: `A single-use link to the finished export's JSON bundle or HTML summary (${rolesFor(Action.SUBJECT_REQUEST_EXPORT)}).` })
  subjectAccessExportLink(@Arg('input', () => SubjectAccessExportLinkInput, { description: 'The request and the file.' }) input: SubjectAccessExportLinkInput, @Ctx() ctx: RequestContext) {
    return subjectAccessExportLink(ctx, input);
  }

  @Mutation(() => SubjectRequestPayload, {
    description: `Erases matched customers through erasePersonalData, linked to an erasure request (${rolesFor(Action.CUSTOMER_ERASE)}).`,
  })
  async eraseSubjectData(@Arg('input', () => EraseSubjectDataInput, { description: 'The request, the customers and their count.' }) input: EraseSubjectDataInput, @Ctx() ctx: RequestContext) {
    return { subjectRequest: await eraseSubjectData(ctx, input) };
  }

  @Mutation(() => SubjectRequestPayload, { description: 'Corrects a matched live customer through updateCustomer, linked to a correction request.' })
  async correctSubjectData(@Arg('input', () => CorrectSubjectDataInput, { description: 'The request and the customer edit.' }) input: CorrectSubjectDataInput, @Ctx() ctx: RequestContext) {
    return { subjectRequest: await correctSubjectData(ctx, input) };
  }

  @FieldResolver(() => String, { nullable: true, description: 'The person\u2019s name as given (guarded; masked once closed).' })
  subjectName(@Root() request: SubjectRequestRecord, @Ctx() ctx: RequestContext) {
    return value(ctx, request, 'subjectName');
  }

  @FieldResolver(() => String, { nullable: true, description: 'Their email address (guarded; masked once closed).' })
  email(@Root() request: SubjectRequestRecord, @Ctx() ctx: RequestContext) {
    return value(ctx, request, 'email');
  }

  @FieldResolver(() => String, { nullable: true, description: 'Their phone number (guarded; masked once closed).' })
  phone(@Root() request: SubjectRequestRecord, @Ctx() ctx: RequestContext) {
    return value(ctx, request, 'phone');
  }

  @FieldResolver(() => String, { nullable: true, description: 'Their tax or identity number (guarded; masked once closed).' })
  taxId(@Root() request: SubjectRequestRecord, @Ctx() ctx: RequestContext) {
    return value(ctx, request, 'taxId');
  }

  @FieldResolver(() => [SubjectRequestStep], { description: 'What was done for it, in order.' })
  steps(@Root() request: SubjectRequestRecord, @Ctx() ctx: RequestContext) {
    return stepsLoader(ctx).load(request.id);
  }

  @FieldResolver(() => SubjectAccessExport, { nullable: true, description: 'The finished access export waiting for download, if any.' })
  accessExport(@Root() request: SubjectRequestRecord, @Ctx() ctx: RequestContext) {
    return exportLoader(ctx).load(request.id);
  }
}
