/** English messages of the jobs screens (merged into en.ts). */
export const jobsEn = {
  jobs: {
    cancel: 'Cancel',
    cancel_requested: 'Cancellation requested; the job stops after its current batch',
    cancelling: 'stopping',
    scheduled: 'Schedule (system)',
    classify: 'Classify lifecycle stages',
    classify_title: 'Classify lifecycle stages',
    classify_help: 'Recomputes every customer\'s lifecycle stage from its activity, in a background job. Stages set by hand are left alone.',
    classify_start: 'Start',
    new_days: 'New for (days after creation)',
    active_days: 'Active: an interaction within (days)',
    inactive_days: 'Inactive: an interaction within (days); older: churned',
    inactive_after_active: 'Must be at least the active threshold',
    rotate_keys: 'Rotate encryption keys',
    rotate_keys_title: 'Re-encrypt under the current key',
    rotate_keys_help: 'Re-encrypts every tax id that is not under the current encryption key (and any stored before encryption) in a background job. Remove a retired key from ENCRYPTION_KEY only after it has succeeded.',
    rotate_keys_start: 'Start',
  },
};
