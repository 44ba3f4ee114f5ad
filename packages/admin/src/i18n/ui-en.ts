import { recordsEn } from './records-en.ts';
import { refusalsEn } from './refusals-en.ts';

/**
 * English messages added for the workday polish (issue 18): list toolbars, form
 * guidance, refusals, confirmations with counts, readable records. Kept out of en.ts
 * (merged over it in catalogues.ts) so the catalogues other work edits stay untouched.
 */
export const uiEn = {
  custos: {
    records: recordsEn,
    refusals: refusalsEn,
    ui: {
      saved_filters: 'Saved filters',
      reason_required: 'Pick a reason',
      status_now: 'status now: %{status}',
      failure_codes: { CONFLICT: 'Another customer holds its code' },
      amount_format: 'An amount such as 1999.90 (not negative, at most 2 decimals)',
      quality_count: '%{count} issue |||| %{count} issues',
      quality_selected: '%{smart_count} selected',
      quality_apply_title: 'Apply the suggested fixes?',
      quality_apply_confirm: 'Apply %{fixes} to %{customers}?',
      quality_apply_all_title: 'Apply every suggested fix of this problem?',
      quality_apply_all_confirm: 'Apply the suggested fixes of all %{issues} of “%{problem}”? This runs as a job with progress; issues without a suggestion stay listed.',
      quality_dismiss_title: 'Dismiss these issues?',
      quality_dismiss_confirm: 'Dismiss %{issues} of %{customers}? They are not listed again while the values stay as they are.',
      normalize_apply_title: 'Apply the normalization?',
      normalize_apply_confirm: 'Apply %{changes} to %{customers}? Each change is audited per customer.',
      n_changes: '%{count} change |||| %{count} changes',
      n_fixes: '%{count} fix |||| %{count} fixes',
      n_issues: '%{count} issue |||| %{count} issues',
      n_customers: '%{count} customer |||| %{count} customers',
      reasons: {
        void: '%{reason}: %{note}',
        undo: 'Undo of change #%{id} (%{kind})',
        policy: 'Archive policy "%{name}"',
        drill: 'Restore drill of %{backup}',
        retention: 'Retention period ended',
        retention_scheduled: 'Scheduled: retention period ended',
        quality_scheduled: 'Scheduled data-quality count',
        quality: 'Data-quality count',
        backup_scheduled: 'Scheduled backup',
        duplicates: 'Duplicate detection',
        normalize: 'Normalization',
        rotate: 'Encryption key rotation',
        seed: 'Demo data',
        token_reuse: 'A sign-in token was used twice',
        command_line: 'Started on the command line',
      },
      by_policy: 'By a policy',
      reason_pairs: '%{smart_count} pair of customers |||| %{smart_count} pairs of customers',
      job_units_done: 'Done: %{count} unit |||| Done: %{count} units',
      job_failed: 'The job failed. The raw data below has the server\'s report for an administrator.',
      schedule_off: 'The schedule is off: this policy will not run on its own until "Schedule on" is switched on.',
      schedule_off_short: 'Off: will not run until "Schedule on" is switched on',
      drill_failed: 'The drill failed: open it for details',
      criteria: 'Which customers',
      archive_banner_readonly: 'Archived record: a read-only snapshot, out of daily lists.',
      see_fields: 'Some values were refused: see the marked fields.',
      discard_title: 'Discard your input?',
      discard_body: 'What you typed in this dialog has not been sent and will be lost.',
      discard: 'Discard',
      keep_editing: 'Keep editing',
    },
  },
};

/** The shape Chinese must have: the same keys, string leaves. */
type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type UiMessages = Widen<typeof uiEn>;
