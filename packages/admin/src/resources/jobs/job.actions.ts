import { JOB, type ActionSpec } from '../../data-provider/actions.ts';

export const jobActions = {
  cancelJob: { mutation: 'cancelJob', fields: { job: JOB }, primary: 'job' },
  classifyLifecycleStages: { mutation: 'classifyLifecycleStages', fields: { job: JOB }, primary: 'job' },
  startKeyRotation: { mutation: 'startKeyRotation', fields: { job: JOB }, primary: 'job' },
} as const satisfies Record<string, ActionSpec>;
