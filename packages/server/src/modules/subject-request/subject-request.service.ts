import { randomBytes } from 'node:crypto';
import DataLoader from 'dataloader';
import { invalidInput } from '../../common/domain-error.js';
import { inTransaction, type RequestContext } from '../../core/context.js';
import type { PageArgs } from '../../db/paginate.js';
import { requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { erasePersonalData } from '../compliance/compliance.service.js';
import { locateCustomer } from '../customer/customer.lifecycle.js';
import { updateCustomer } from '../customer/customer.service.js';
import { JobKind } from '../job/job.enums.js';
import { enqueueJob } from '../job/job.queue.js';
import type { JobRecord } from '../job/job.record.js';
import { dueDate, isCalendarDate } from './subject-request.due.js';
import { SubjectRequestKind, SubjectRequestStatus, SubjectRequestStepAction, type SubjectExportFormat } from './subject-request.enums.js';
import {
  exportNotReady, exportRunning, notMatched, subjectConfirmationMismatch, subjectRequestClosed, subjectRequestNotFound, wrongKind,
} from './subject-request.errors.js';
import type {
  CompleteSubjectRequestInput, CorrectSubjectDataInput, CreateSubjectRequestInput, EraseSubjectDataInput, RejectSubjectRequestInput,
  SubjectAccessExportLinkInput, SubjectRequestFilter,
} from './subject-request.inputs.js';
import {
  addStep, findRequest, findRequestPage, isOpen, markInProgress, matchCustomers, openIdentifiers, sealIdentifiers, stepsOf, type MatchedCustomer,
} from './subject-request.store.js';
import type { SubjectIdentifiers, SubjectRequestRecord, SubjectRequestStepRecord } from './subject-request.type.js';

/** A download link is good for one download within this time (as export links). */
const LINK_TTL_MINUTES = 10;

const blankToNull = (value: string | null | undefined) => (value == null ? null : value.trim() || null);

/** The request's link in every audit event of what is done under it. */
export const requestLink = (id: string) => ({ subjectRequest: { to: id } });

export async function createSubjectRequest(ctx: RequestContext, input: CreateSubjectRequestInput): Promise<SubjectRequestRecord> {
  const { actor } = requireAction(ctx, Action.SUBJECT_REQUEST_MANAGE);
  const ids: SubjectIdentifiers = {
    subjectName: blankToNull(input.subjectName),
    email: blankToNull(input.email),
    phone: blankToNull(input.phone),
    taxId: blankToNull(input.taxId),
  };
  const problems = [];
  if (!isCalendarDate(input.receivedOn)) problems.push({ field: 'receivedOn', message: 'must be a real date like 2026-12-04' });
  if (!ids.email && !ids.phone && !ids.taxId) problems.push({ field: 'email', message: 'give an email, phone or tax id: a name alone identifies no one' });
  if (problems.length) throw invalidInput(problems);
  const { sealed, masked } = sealIdentifiers(ids);
  const due = dueDate(input.regime, input.receivedOn);
  return inTransaction(ctx, async (tx) => {
    const future = await tx.sql.one<{ future: boolean }>(`select $1::date > current_date as future`, [input.receivedOn]);
    if (future!.future) throw invalidInput([{ field: 'receivedOn', message: 'must not be in the future' }]);
    const row = await tx.sql.one<{ id: string }>(
      `insert into subject_request (kind, regime, received_on, due_on, language, reference, identifiers, identifiers_masked, created_by)
       values ($1, $2, $3::date, $4::date, $5, $6, $7, $8::jsonb, $9::bigint) returning id::text`,
      [input.kind, input.regime, input.receivedOn, due, input.language, blankToNull(input.reference), sealed, JSON.stringify(masked), actor.userId],
    );
    await addStep(tx.sql, row!.id, { action: SubjectRequestStepAction.RECEIVED, actorId: actor.userId });
    await recordAudit(tx, {
      action: 'SUBJECT_REQUEST_RECEIVED',
      entityType: 'SubjectRequest',
      entityId: row!.id,
      changes: {
        kind: { to: input.kind }, regime: { to: input.regime }, receivedOn: { to: input.receivedOn }, dueOn: { to: due },
        identifiers: { to: Object.fromEntries(Object.entries(masked).filter(([, v]) => v != null)) },
      },
    });
    return (await findRequest(tx.sql, row!.id))!;
  });
}

export async function listSubjectRequests(ctx: RequestContext, filter: SubjectRequestFilter | null | undefined, args: PageArgs) {
  requireAction(ctx, Action.SUBJECT_REQUEST_READ);
  return findRequestPage(ctx.sql, filter, args, ctx.config.MAX_PAGE_SIZE);
}

export async function getSubjectRequest(ctx: RequestContext, id: string): Promise<SubjectRequestRecord | null> {
  requireAction(ctx, Action.SUBJECT_REQUEST_READ);
  return (await findRequest(ctx.sql, id)) ?? null;
}

/** The identifiers in clear while the request is open (the field guards decide who sees them). */
export function identifiersOf(record: SubjectRequestRecord): SubjectIdentifiers | null {
  return openIdentifiers(record);
}

/** Customer records the request's identifiers match now; none once it is closed (its steps say what was done). */
export async function subjectMatches(ctx: RequestContext, id: string): Promise<MatchedCustomer[]> {
  requireAction(ctx, Action.SUBJECT_REQUEST_MANAGE);
  const record = await findRequest(ctx.sql, id);
  if (!record) throw subjectRequestNotFound(id);
  const ids = openIdentifiers(record);
  return ids ? matchCustomers(ctx.sql, ids) : [];
}

/** The request, locked, refused when it is closed or of another kind. */
async function openRequest(tx: RequestContext, id: string, kind?: SubjectRequestKind): Promise<SubjectRequestRecord & { subject: SubjectIdentifiers }> {
  const record = await findRequest(tx.sql, id, true);
  if (!record) throw subjectRequestNotFound(id);
  if (!isOpen(record)) throw subjectRequestClosed(id);
  if (kind && record.kind !== kind) throw wrongKind(id, record.kind);
  return { ...record, subject: openIdentifiers(record)! };
}

async function close(ctx: RequestContext, id: string, status: SubjectRequestStatus.FULFILLED | SubjectRequestStatus.REJECTED, outcome: string | null) {
  const { actor } = requireAction(ctx, Action.SUBJECT_REQUEST_MANAGE);
  return inTransaction(ctx, async (tx) => {
    await openRequest(tx, id);
    // Closing keeps only the masks: the identifiers and any export were needed to answer, not after.
    await tx.sql.query(
      `update subject_request set status = $2, outcome = $3, identifiers = null, closed_at = now() where id = $1::bigint`,
      [id, status, outcome],
    );
    await tx.sql.query(`delete from subject_request_bundle where request_id = $1::bigint`, [id]);
    await tx.sql.query(`update subject_request_link set used_at = coalesce(used_at, now()) where request_id = $1::bigint`, [id]);
    const action = status === SubjectRequestStatus.FULFILLED ? SubjectRequestStepAction.FULFILLED : SubjectRequestStepAction.REJECTED;
    await addStep(tx.sql, id, { action, actorId: actor.userId });
    await recordAudit(tx, {
      action: status === SubjectRequestStatus.FULFILLED ? 'SUBJECT_REQUEST_FULFILLED' : 'SUBJECT_REQUEST_REJECTED',
      entityType: 'SubjectRequest',
      entityId: id,
      reason: outcome,
      changes: { status: { to: status } },
    });
    return (await findRequest(tx.sql, id))!;
  });
}

export const rejectSubjectRequest = (ctx: RequestContext, input: RejectSubjectRequestInput) =>
  close(ctx, input.id, SubjectRequestStatus.REJECTED, input.reason.trim());

export const completeSubjectRequest = (ctx: RequestContext, input: CompleteSubjectRequestInput) =>
  close(ctx, input.id, SubjectRequestStatus.FULFILLED, blankToNull(input.note));

/** Queues the job that builds the subject access export (subject-request.job.ts). */
export async function runSubjectAccessExport(ctx: RequestContext, id: string): Promise<{ request: SubjectRequestRecord; job: JobRecord }> {
  const { actor } = requireAction(ctx, Action.SUBJECT_REQUEST_EXPORT);
  return inTransaction(ctx, async (tx) => {
    await openRequest(tx, id);
    const running = await tx.sql.one<{ id: string }>(
      `select j.id::text as id from job j where j.kind = $1 and j.state in ('QUEUED', 'RUNNING') and j.params ->> 'requestId' = $2 order by j.id limit 1`,
      [JobKind.SUBJECT_ACCESS_EXPORT, id],
    );
    if (running) throw exportRunning(id, running.id);
    const job = await enqueueJob(tx, JobKind.SUBJECT_ACCESS_EXPORT, { requestId: id }, { reason: `subject request ${id}` });
    await markInProgress(tx.sql, id);
    await addStep(tx.sql, id, { action: SubjectRequestStepAction.EXPORT_QUEUED, actorId: actor.userId, jobId: job.id });
    await recordAudit(tx, {
      action: 'SUBJECT_ACCESS_EXPORT_STARTED',
      entityType: 'SubjectRequest',
      entityId: id,
      changes: { job: { to: job.id } },
    });
    return { request: (await findRequest(tx.sql, id))!, job };
  });
}

export async function subjectAccessExportLink(ctx: RequestContext, input: SubjectAccessExportLinkInput) {
  const { actor } = requireAction(ctx, Action.SUBJECT_REQUEST_EXPORT);
  return inTransaction(ctx, async (tx) => {
    await openRequest(tx, input.id);
    const ready = await tx.sql.one<{ ok: boolean }>(
      `select true as ok from subject_request_bundle where request_id = $1::bigint and expires_at > now()`,
      [input.id],
    );
    if (!ready) throw exportNotReady(input.id);
    const token = randomBytes(24).toString('base64url');
    const row = await tx.sql.one<{ expiresAt: string }>(
      `insert into subject_request_link (id, request_id, user_id, format, expires_at)
       values ($1, $2::bigint, $3::bigint, $4, now() + $5 * interval '1 minute') returning expires_at as "expiresAt"`,
      [token, input.id, actor.userId, input.format, LINK_TTL_MINUTES],
    );
    await recordAudit(tx, {
      action: 'SUBJECT_ACCESS_EXPORT_LINK_CREATED',
      entityType: 'SubjectRequest',
      entityId: input.id,
      changes: { format: { to: input.format }, link: { to: token.slice(0, 12) } },
    });
    return { url: `/exports/subject-access/${token}`, format: input.format as SubjectExportFormat, expiresAt: row!.expiresAt };
  });
}

/** The customers named must be among the request's matches now. */
function assertMatched(matches: MatchedCustomer[], ids: string[]): void {
  const known = new Set(matches.map((m) => m.customerId));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) throw notMatched(missing);
}

/**
 * Erases matched customers through the one erasure path (compliance.service), each audit
 * event of it carrying the request's id; a step per customer erased names it.
 */
export async function eraseSubjectData(ctx: RequestContext, input: EraseSubjectDataInput): Promise<SubjectRequestRecord> {
  const { actor } = requireAction(ctx, Action.SUBJECT_REQUEST_MANAGE);
  requireAction(ctx, Action.CUSTOMER_ERASE);
  const ids = [...new Set(input.customerIds)];
  if (input.confirmCount !== ids.length) throw subjectConfirmationMismatch();
  return inTransaction(ctx, async (tx) => {
    const request = await openRequest(tx, input.id, SubjectRequestKind.ERASURE);
    assertMatched(await matchCustomers(tx.sql, request.subject), ids);
    const reason = `Subject request ${input.id}${request.reference ? ` (${request.reference})` : ''}`;
    const erased: string[] = [];
    for (const id of ids) {
      const found = await locateCustomer(tx, id);
      if (!found) throw notMatched([id]);
      const result = await erasePersonalData(tx, { id, reason, confirm: found.code }, { audit: requestLink(input.id) });
      for (const each of result.erased) {
        const code = each === found.id ? found.code : (await locateCustomer(tx, each))?.code ?? null;
        await addStep(tx.sql, input.id, { action: SubjectRequestStepAction.ERASED, actorId: actor.userId, customerId: each, customerCode: code, fields: ERASED_KEYS });
        erased.push(each);
      }
    }
    await markInProgress(tx.sql, input.id);
    await recordAudit(tx, {
      action: 'SUBJECT_REQUEST_ERASURE_DONE',
      entityType: 'SubjectRequest',
      entityId: input.id,
      changes: { erased: { to: erased } },
    });
    return (await findRequest(tx.sql, input.id))!;
  });
}

const ERASED_KEYS = ['name', 'email', 'phone', 'address', 'taxId', 'notes', 'voidNote', 'interaction.subject', 'interaction.body'];

/** Corrects a matched live customer through the one customer edit path, linked to the request. */
export async function correctSubjectData(ctx: RequestContext, input: CorrectSubjectDataInput): Promise<SubjectRequestRecord> {
  const { actor } = requireAction(ctx, Action.SUBJECT_REQUEST_MANAGE);
  return inTransaction(ctx, async (tx) => {
    const request = await openRequest(tx, input.id, SubjectRequestKind.CORRECTION);
    assertMatched(await matchCustomers(tx.sql, request.subject), [input.customer.id]);
    const fields = Object.entries(input.customer).filter(([k, v]) => v !== undefined && k !== 'id' && k !== 'version').map(([k]) => k);
    const after = await updateCustomer(tx, input.customer, {
      audit: { reason: `Subject request ${input.id}${request.reference ? ` (${request.reference})` : ''}`, extra: requestLink(input.id) },
    });
    await addStep(tx.sql, input.id, { action: SubjectRequestStepAction.CORRECTED, actorId: actor.userId, customerId: after.id, customerCode: after.code, fields });
    await markInProgress(tx.sql, input.id);
    await recordAudit(tx, {
      action: 'SUBJECT_REQUEST_CORRECTION_DONE',
      entityType: 'SubjectRequest',
      entityId: input.id,
      changes: { customer: { to: after.id }, fields: { to: fields } },
    });
    return (await findRequest(tx.sql, input.id))!;
  });
}

export function stepsLoader(ctx: RequestContext): DataLoader<string, SubjectRequestStepRecord[]> {
  return ctx.loaders.get('subjectRequest.steps', () =>
    new DataLoader<string, SubjectRequestStepRecord[]>(async (ids) => {
      const rows = await stepsOf(ctx.sql, ids);
      return ids.map((id) => rows.filter((r) => r.requestId === id));
    }),
  );
}

export interface ExportInfo {
  createdAt: string;
  expiresAt: string;
  customers: number;
  interactions: number;
  history: number;
  merges: number;
  accessLog: number;
}

export function exportLoader(ctx: RequestContext): DataLoader<string, ExportInfo | null> {
  return ctx.loaders.get('subjectRequest.export', () =>
    new DataLoader<string, ExportInfo | null>(async (ids) => {
      const rows = await ctx.sql.query<ExportInfo & { requestId: string }>(
        `select b.request_id::text as "requestId", b.created_at as "createdAt", b.expires_at as "expiresAt",
                (b.counts ->> 'customers')::int as customers, (b.counts ->> 'interactions')::int as interactions,
                (b.counts ->> 'history')::int as history, (b.counts ->> 'merges')::int as merges, (b.counts ->> 'accessLog')::int as "accessLog"
           from subject_request_bundle b where b.request_id = any($1::bigint[]) and b.expires_at > now()`,
        [ids],
      );
      return ids.map((id) => rows.find((r) => r.requestId === id) ?? null);
    }),
  );
}
