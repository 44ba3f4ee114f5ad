import type { AuthProvider } from 'react-admin';
import { normalizeError } from '../data-provider/errors.ts';
import { can, showsAudit, showsCustomers, showsUsers, type Access } from './access.ts';
import { clearSession, loadSession, refreshUser, signIn, SignInRefused, signOut, validToken } from './session.ts';

/** Which resource actions a user may reach; react-admin hides menus and buttons accordingly. */
export function canAccessResource(access: Access | undefined, resource: string, action: string): boolean {
  switch (resource) {
    case 'customers':
      if (action === 'create') return can(access, 'customer:create');
      if (action === 'edit') return can(access, 'customer:update');
      return showsCustomers(access) && (action === 'list' || action === 'show');
    case 'interactions':
      if (action === 'create') return can(access, 'interaction:log');
      return showsCustomers(access) && action === 'list';
    case 'users':
      return showsUsers(access) && ['list', 'create', 'edit'].includes(action);
    case 'voided-customers':
      return showsCustomers(access) && action === 'list';
    case 'archived-customers':
    case 'archived-interactions':
      return can(access, 'archive:read') && access?.role !== 'AUDITOR' && (action === 'list' || action === 'show');
    case 'archive-policies':
      if (action === 'create' || action === 'edit' || action === 'delete') return can(access, 'policy:write');
      return can(access, 'policy:read') && (action === 'list' || action === 'show');
    case 'jobs':
      return can(access, 'job:read') && (action === 'list' || action === 'show');
    case 'tags':
    case 'segments':
      // Everyone who reads customers reads tags and segments (filters, pickers); managing them is ADMIN and MANAGER.
      return can(access, 'classification:manage') && ['list', 'create', 'edit', 'delete'].includes(action);
    case 'subject-requests':
      if (action === 'create') return can(access, 'subject-request:manage');
      return can(access, 'subject-request:read') && (action === 'list' || action === 'show');
    case 'audit-events':
      return showsAudit(access) && (action === 'list' || action === 'show');
    default:
      return false;
  }
}

export const authProvider: AuthProvider = {
  async login(params: { email?: string; username?: string; password: string }) {
    try {
      await signIn(String(params.email ?? params.username ?? '').trim(), params.password);
    } catch (error) {
      // Too many attempts, or the server busy: say how long to wait (login-page.tsx).
      if (error instanceof SignInRefused) throw error;
      const apiError = normalizeError(error);
      // A wrong password is UNAUTHENTICATED too: say so plainly on the login form.
      throw new Error(apiError.code === 'UNAUTHENTICATED' ? 'custos.auth.invalid_credentials' : apiError.message);
    }
  },
  async logout() {
    await signOut();
  },
  async checkAuth() {
    if (!(await validToken())) throw new Error('custos.errors.unauthenticated');
  },
  async checkError(error: unknown) {
    const apiError = normalizeError(error);
    // Only an expired or revoked session signs out. FORBIDDEN is the server refusing one
    // field or action, which the screen reports; it is no reason to leave.
    if (apiError.code === 'UNAUTHENTICATED') {
      clearSession();
      throw new Error('custos.errors.unauthenticated');
    }
  },
  async getPermissions() {
    // Fresh from the server: an admin may have changed this user's role since sign-in.
    try {
      return (await refreshUser()) ?? loadSession()?.user;
    } catch (error) {
      if (normalizeError(error).code === 'UNAUTHENTICATED') {
        clearSession();
        throw error;
      }
      return loadSession()?.user;
    }
  },
  async getIdentity() {
    const user = loadSession()?.user;
    if (!user) throw new Error('custos.errors.unauthenticated');
    return { id: user.id, fullName: user.displayName };
  },
  async canAccess({ resource, action }: { resource: string; action: string }) {
    return canAccessResource(loadSession()?.user, resource, action);
  },
};
