import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  MANAGER = 'MANAGER',
  SALES = 'SALES',
  SUPPORT = 'SUPPORT',
  AUDITOR = 'AUDITOR',
  REPORTING = 'REPORTING',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do; the permission policy is keyed by role.',
  valuesConfig: {
    ADMIN: { description: 'Everything, including purge, users and policies.' },
    MANAGER: { description: 'All customers; lifecycle and cleanup actions.' },
    SALES: { description: 'Own customers only.' },
    SUPPORT: { description: 'Reads customers with masked contact data; logs interactions.' },
    AUDITOR: { description: 'Reads the audit log only.' },
    REPORTING: { description: 'Read-only reports with masked personal data.' },
  },
});
