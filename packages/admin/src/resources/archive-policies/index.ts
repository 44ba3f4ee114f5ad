import RuleOutlinedIcon from '@mui/icons-material/RuleOutlined';
import { lazyScreen } from '../../shared/lazy-screen.ts';

// Screens load on first visit (see lazy-screen.ts); the menu needs only the icon.
export const archivePolicies = {
  list: lazyScreen(() => import('./policy-list.tsx'), 'PolicyList'),
  show: lazyScreen(() => import('./policy-show.tsx'), 'PolicyShow'),
  create: lazyScreen(() => import('./policy-create.tsx'), 'PolicyCreate'),
  edit: lazyScreen(() => import('./policy-edit.tsx'), 'PolicyEdit'),
  icon: RuleOutlinedIcon,
  recordRepresentation: 'name',
};
