import { registerEnumType } from 'type-graphql';

export enum ArchivePolicyAction {
  ARCHIVE_CUSTOMERS = 'ARCHIVE_CUSTOMERS',
  ARCHIVE_INTERACTIONS = 'ARCHIVE_INTERACTIONS',
}

registerEnumType(ArchivePolicyAction, {
  name: 'ArchivePolicyAction',
  description: 'What an archive policy moves to the archive.',
  valuesConfig: {
    ARCHIVE_CUSTOMERS: { description: 'The matching customers, with their whole interaction history.' },
    ARCHIVE_INTERACTIONS: {
      description: 'Only the interactions older than `interactionsOlderThanDays` of the matching customers, who stay live.',
    },
  },
});
