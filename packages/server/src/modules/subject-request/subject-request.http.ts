import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../common/domain-error.js';
import { createRequestContext, inTransaction, type RequestContext } from '../../core/context.js';
import type { RouteDeps } from '../../core/module.js';
import { open } from '../../crypto/sealed.js';
import { localizeForCode, negotiateLanguage } from '../../i18n/localize.js';
import { actionScope, Action, RowScope } from '../../policy/policy.js';
import type { Role } from '../../policy/role.js';
import { recordAudit } from '../audit/audit.service.js';
import { SubjectExportFormat, SubjectRequestStepAction } from './subject-request.enums.js';
import { subjectLinkInvalid } from './subject-request.errors.js';
import { addStep } from './subject-request.store.js';
import { idForClient } from '../../common/client-id.js';

/**
 * GET /exports/subject-access/:token — one file of a subject access export, through the
 * single-use link `subjectAccessExportLink` handed out. The link is taken in the same
 * transaction that reads the bundle and audits the download, as the user who asked for it
 * with the role they have now; a used, expired or closed request's link answers 404.
 */
export function registerSubjectExportRoute(app: FastifyInstance, { orm, config, tokens }: RouteDeps): void {
  app.get<{ Params: { token: string } }>('/exports/subject-access/:token', async (req, reply) => {
    const ctx = createRequestContext(orm, config, tokens, String(req.id));
    try {
      const file = await take(ctx, req.params.token);
      const json = file.format === SubjectExportFormat.JSON;
      return reply
        .header('content-type', json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8')
        .header('content-disposition', `attachment; filename="custos-subject-access-${file.requestId}.${json ? 'json' : 'html'}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    } catch (error) {
      if (error instanceof DomainError) {
        return reply.code(404).send({ error: localizeForCode(error.message, undefined, negotiateLanguage(req.headers['accept-language'])) });
      }
      throw error;
    }
  });
}

async function take(ctx: RequestContext, token: string): Promise<{ requestId: string; format: SubjectExportFormat; body: string }> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) throw subjectLinkInvalid();
  return inTransaction(ctx, async (tx) => {
    const link = await tx.sql.one<{ requestId: string; format: SubjectExportFormat; userId: string; role: Role; email: string; enabled: boolean; content: string | null }>(
      `select l.request_id::text as "requestId", l.format, u.id::text as "userId", u.role, u.email, u.enabled, b.content
         from subject_request_link l join app_user u on u.id = l.user_id
         join subject_request r on r.id = l.request_id and r.status in ('OPEN', 'IN_PROGRESS')
         left join subject_request_bundle b on b.request_id = l.request_id and b.expires_at > now()
        where l.id = $1 and l.used_at is null and l.expires_at > now() for update of l`,
      [token],
    );
    if (!link?.enabled || link.content == null || actionScope(link.role, Action.SUBJECT_REQUEST_EXPORT) === RowScope.NONE) throw subjectLinkInvalid();
    tx.actor = { userId: link.userId, role: link.role, email: link.email };
    await tx.sql.query(`update subject_request_link set used_at = now() where id = $1`, [token]);
    const { bundle, html } = JSON.parse(open('subject_request_bundle.content', link.content, `subject request ${idForClient('SubjectRequest', link.requestId)}`)) as { bundle: unknown; html: string };
    await addStep(tx.sql, link.requestId, { action: SubjectRequestStepAction.EXPORT_DOWNLOADED, actorId: link.userId });
    await recordAudit(tx, {
      action: 'SUBJECT_ACCESS_EXPORT_DOWNLOADED',
      entityType: 'SubjectRequest',
      entityId: link.requestId,
      changes: { format: { to: link.format }, link: { to: token.slice(0, 12) } },
    });
    return { requestId: link.requestId, format: link.format, body: link.format === SubjectExportFormat.JSON ? `${JSON.stringify(bundle, null, 2)}\n` : html };
  });
}
