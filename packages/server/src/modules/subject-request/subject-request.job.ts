import { seal } from '../../crypto/sealed.js';
import { JobKind } from '../job/job.enums.js';
import { JobError, type JobHandler } from '../job/job.handler.js';
import { bundleCounts, gatherBundle } from './subject-request.bundle.js';
import { SubjectRequestStepAction } from './subject-request.enums.js';
import { summaryHtml } from './subject-request.html.js';
import { addStep, findRequest, isOpen, matchCustomers, openIdentifiers } from './subject-request.store.js';

/** A built export waits this long for its download and the request's closing. */
const BUNDLE_TTL_DAYS = 30;

interface Params extends Record<string, unknown> {
  requestId: string;
}

interface Checkpoint {
  counts: Record<string, number> | null;
}

/**
 * Builds a subject access export in one batch: one person's data is small, and one
 * transaction gives a consistent picture. The bundle (JSON) and its summary (HTML) are
 * stored sealed under the current encryption key; the job's params and result hold ids and
 * counts only, since both reach the audit log.
 */
export const subjectAccessExportHandler: JobHandler<Params, Checkpoint> = {
  kind: JobKind.SUBJECT_ACCESS_EXPORT,

  async begin() {
    return { total: 1, checkpoint: { counts: null } };
  },

  async step(tx, job) {
    const request = await findRequest(tx.sql, job.params.requestId, true);
    if (!request || !isOpen(request)) throw new JobError(`Subject request ${job.params.requestId} is closed or gone; nothing was exported`);
    const subject = openIdentifiers(request)!;
    const matches = await matchCustomers(tx.sql, subject);
    const bundle = await gatherBundle(tx.sql, request, subject, matches);
    const counts = bundleCounts(bundle);
    const content = seal('subject_request_bundle.content', JSON.stringify({ bundle, html: summaryHtml(bundle) }));
    // Expired bundles of other requests go here too, so no schedule is needed.
    await tx.sql.query(`delete from subject_request_bundle where expires_at <= now()`);
    await tx.sql.query(
      `insert into subject_request_bundle (request_id, job_id, expires_at, content, counts)
       values ($1::bigint, $2::bigint, now() + $3 * interval '1 day', $4, $5::jsonb)
       on conflict (request_id) do update set job_id = excluded.job_id, created_at = now(), expires_at = excluded.expires_at,
                                              content = excluded.content, counts = excluded.counts`,
      [request.id, job.id, BUNDLE_TTL_DAYS, content, JSON.stringify(counts)],
    );
    await addStep(tx.sql, request.id, { action: SubjectRequestStepAction.EXPORT_READY, actorId: job.createdBy, jobId: job.id });
    return { checkpoint: { counts }, done: 1, finished: true };
  },

  result(job, checkpoint) {
    return { requestId: job.params.requestId, ...(checkpoint.counts ?? {}) };
  },
};
