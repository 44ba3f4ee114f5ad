/** Only the conditions that apply to the chosen action reach the server. */
export function policyInput(values: Record<string, unknown>): Record<string, unknown> {
  const interactions = values['action'] === 'ARCHIVE_INTERACTIONS';
  return {
    ...values,
    interactionsOlderThanDays: interactions ? values['interactionsOlderThanDays'] : null,
    retentionDays: interactions ? null : values['retentionDays'],
  };
}
