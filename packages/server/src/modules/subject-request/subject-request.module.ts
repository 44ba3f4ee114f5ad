import { PublicErrorCode } from '../../common/domain-error.js';
import type { ModuleManifest } from '../../core/module.js';
import { SubjectRequestErrorCode } from './subject-request.errors.js';
import { registerSubjectExportRoute } from './subject-request.http.js';
import { subjectAccessExportHandler } from './subject-request.job.js';
import { SubjectRequestResolver } from './subject-request.resolver.js';

/** Data-subject requests (PIPL/GDPR): the register, the subject access export, fulfilment through erasure and edit. */
export const subjectRequestModule: ModuleManifest = {
  name: 'subject-request',
  resolvers: [SubjectRequestResolver],
  jobs: [subjectAccessExportHandler],
  routes: registerSubjectExportRoute,
  errors: {
    [SubjectRequestErrorCode.NOT_FOUND]: PublicErrorCode.NOT_FOUND,
    [SubjectRequestErrorCode.CLOSED]: PublicErrorCode.INVALID_STATE,
    [SubjectRequestErrorCode.WRONG_KIND]: PublicErrorCode.INVALID_STATE,
    [SubjectRequestErrorCode.NOT_MATCHED]: PublicErrorCode.BAD_USER_INPUT,
    [SubjectRequestErrorCode.CONFIRMATION_MISMATCH]: PublicErrorCode.BAD_USER_INPUT,
    [SubjectRequestErrorCode.EXPORT_NOT_READY]: PublicErrorCode.INVALID_STATE,
    [SubjectRequestErrorCode.EXPORT_RUNNING]: PublicErrorCode.INVALID_STATE,
    [SubjectRequestErrorCode.LINK_INVALID]: PublicErrorCode.NOT_FOUND,
  } satisfies Record<SubjectRequestErrorCode, PublicErrorCode>,
};
