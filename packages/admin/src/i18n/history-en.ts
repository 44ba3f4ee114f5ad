/** English messages of a customer's History card (issue 21; merged into en.ts). */
export const historyEn = {
  history: {
    title: 'History',
    empty: 'No history kept for this customer yet.',
    system: 'System',
    by: 'by %{name}',
    hidden: 'Not visible to your role',
    from_log: 'Values as the audit log recorded them (masked); older than kept history.',
    revert: 'Revert',
    revert_field: 'Revert %{field}',
    revert_all: 'Revert this change',
    revert_title: 'Revert a change',
    revert_intro: 'Puts back the values from before this change: %{fields}. The customer must be active and unchanged since you opened it.',
    reason: 'Why (kept in the audit log)',
    reverted: 'Change reverted',
    archived_note: 'Archived: restore the customer to revert changes.',
  },
};
