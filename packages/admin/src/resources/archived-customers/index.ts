import Inventory2OutlinedIcon from '@mui/icons-material/Inventory2Outlined';
import { lazyScreen } from '../../shared/lazy-screen.ts';

// Screens load on first visit (see lazy-screen.ts); the menu needs only the icon.
export const archivedCustomers = {
  list: lazyScreen(() => import('./archive-list.tsx'), 'ArchiveList'),
  show: lazyScreen(() => import('./archive-show.tsx'), 'ArchiveShow'),
  icon: Inventory2OutlinedIcon,
  recordRepresentation: 'name',
};
