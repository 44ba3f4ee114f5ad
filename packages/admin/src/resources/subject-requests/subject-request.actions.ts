import { JOB, type ActionSpec } from '../../data-provider/actions.ts';

const REQUEST = { resource: 'subject-requests' } as const;

/** What a data-subject request's screen does beyond create and read (issue 21). */
export const subjectRequestActions = {
  rejectSubjectRequest: { mutation: 'rejectSubjectRequest', fields: { subjectRequest: REQUEST }, primary: 'subjectRequest' },
  completeSubjectRequest: { mutation: 'completeSubjectRequest', fields: { subjectRequest: REQUEST }, primary: 'subjectRequest' },
  runSubjectAccessExport: { mutation: 'runSubjectAccessExport', fields: { subjectRequest: REQUEST, job: JOB } },
  subjectAccessExportLink: { mutation: 'subjectAccessExportLink', fields: { url: 'scalar', format: 'scalar', expiresAt: 'scalar' } },
  eraseSubjectData: { mutation: 'eraseSubjectData', fields: { subjectRequest: REQUEST }, primary: 'subjectRequest' },
} as const satisfies Record<string, ActionSpec>;
