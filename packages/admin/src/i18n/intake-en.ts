/** English messages of clean-at-the-gate (issue 22): the duplicate warning on the customer form and the import wizard (merged into en.ts). */
export const intakeEn = {
  intake: {
    warning_title: 'Possible duplicate: %{smart_count} existing customer matches |||| Possible duplicates: %{smart_count} existing customers match',
    warn_hint: 'Check whether you mean an existing customer. You can still save this one: the button says “Save anyway”.',
    blocked_hint: 'A duplicate rule does not allow saving a customer that matches like this. Open the existing customer instead, or ask an administrator.',
    save_anyway: 'Save anyway',
    hidden_customer: 'A customer you cannot see (owned by someone else)',
    likelihood: '%{score} likely the same',
    list_separator: ', ',
    reason: {
      EMAIL: 'same email',
      PHONE: 'same phone number',
      TAX_ID: 'same tax id',
      NAME: 'same name in the region',
      SIMILAR_NAME: 'similar name in the region (%{similarity})',
    },
  },
};
