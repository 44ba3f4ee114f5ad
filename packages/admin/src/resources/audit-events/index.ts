import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import { lazyScreen } from '../../shared/lazy-screen.ts';

// Screens load on first visit (see lazy-screen.ts); the menu needs only the icon.
export const auditEvents = {
  list: lazyScreen(() => import('./audit-list.tsx'), 'AuditList'),
  show: lazyScreen(() => import('./audit-show.tsx'), 'AuditShow'),
  icon: FactCheckOutlinedIcon,
  recordRepresentation: 'action',
};
