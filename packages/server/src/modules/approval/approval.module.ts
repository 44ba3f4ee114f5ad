import { PublicErrorCode } from '../../common/domain-error.js';
import type { ModuleManifest } from '../../core/module.js';
import { approvalNodes } from './approval.nodes.js';
import { ApprovalErrorCode } from './approval.errors.js';
import { approvedOperationHandler } from './approval.job.js';
import { ApprovalResolver } from './approval.resolver.js';

/** Four-eyes approvals: requests, decisions by a second person, and the job that runs an approved operation once (issue 21 part 2). */
export const approvalModule: ModuleManifest = {
  name: 'approval',
  nodes: approvalNodes,
  resolvers: [ApprovalResolver],
  jobs: [approvedOperationHandler],
  errors: {
    [ApprovalErrorCode.NOT_FOUND]: PublicErrorCode.NOT_FOUND,
    [ApprovalErrorCode.OWN_REQUEST]: PublicErrorCode.FORBIDDEN,
    [ApprovalErrorCode.NOT_PENDING]: PublicErrorCode.INVALID_STATE,
    [ApprovalErrorCode.EXPIRED]: PublicErrorCode.INVALID_STATE,
    [ApprovalErrorCode.NOT_REQUESTER]: PublicErrorCode.FORBIDDEN,
    [ApprovalErrorCode.NOT_REQUIRED]: PublicErrorCode.BAD_USER_INPUT,
  } satisfies Record<ApprovalErrorCode, PublicErrorCode>,
};
