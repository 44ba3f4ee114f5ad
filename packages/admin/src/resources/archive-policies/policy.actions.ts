import { CUSTOMERS, JOB, type ActionSpec } from '../../data-provider/actions.ts';

export const policyActions = {
  deleteArchivePolicy: { mutation: 'deleteArchivePolicy', fields: { policy: { resource: 'archive-policies' } }, primary: 'policy' },
  runArchivePolicy: { mutation: 'runArchivePolicy', fields: { job: JOB }, primary: 'job' },
  previewArchivePolicy: {
    mutation: 'previewArchivePolicy',
    query: true,
    fields: { customerCount: 'scalar', interactionCount: 'scalar', sample: CUSTOMERS },
  },
} as const satisfies Record<string, ActionSpec>;
