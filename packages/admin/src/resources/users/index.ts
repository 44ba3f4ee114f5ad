import ManageAccountsOutlinedIcon from '@mui/icons-material/ManageAccountsOutlined';
import { lazyScreen } from '../../shared/lazy-screen.ts';

// Screens load on first visit (see lazy-screen.ts); the menu needs only the icon.
export const users = {
  list: lazyScreen(() => import('./user-list.tsx'), 'UserList'),
  edit: lazyScreen(() => import('./user-edit.tsx'), 'UserEdit'),
  create: lazyScreen(() => import('./user-create.tsx'), 'UserCreate'),
  icon: ManageAccountsOutlinedIcon,
  recordRepresentation: 'displayName',
};
