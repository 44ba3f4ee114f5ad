import type { ActionSpec } from '../../data-provider/actions.ts';

export const userActions = {
  resetUserPassword: { mutation: 'resetUserPassword', fields: { user: { resource: 'users' } }, primary: 'user' },
} as const satisfies Record<string, ActionSpec>;
