import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/connection.js';
import type { RequestContext } from '../../core/context.js';
import { requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { findAuditEventPage } from './audit.reader.js';
import { verifyAuditChain } from './audit.service.js';
import { AuditChainVerification, AuditEvent, AuditEventConnection, AuditEventFilter } from './audit.type.js';
import { rolesFor } from '../../policy/role-notes.js';

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: `The audit log, newest first (${rolesFor(Action.AUDIT_READ)}).` })
  async auditEvents(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true, description: 'Which events.' }) filter: AuditEventFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditEventConnection> {
    requireAction(ctx, Action.AUDIT_READ);
    const result = await findAuditEventPage(ctx.sql, filter, page, ctx.config.MAX_PAGE_SIZE);
    return new AuditEventConnection(result.page as never, result.count);
  }

  @Query(() => AuditChainVerification, { description: 'Re-computes every hash and link of the audit log and names the first broken entry.' })
  verifyAuditChain(@Ctx() ctx: RequestContext) {
    requireAction(ctx, Action.AUDIT_READ);
    return verifyAuditChain(ctx.sql);
  }
}
