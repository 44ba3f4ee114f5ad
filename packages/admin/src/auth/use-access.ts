import { usePermissions } from 'react-admin';
import type { Access } from './access.ts';
import { currentAccess } from './session.ts';

/**
 * The signed-in user's role and permissions: react-admin's cached `getPermissions`
 * (fresh from `me`), or the copy stored at sign-in while that loads.
 */
export function useAccess(): Access | undefined {
  const { permissions } = usePermissions<Access | undefined>();
  return permissions ?? currentAccess();
}
