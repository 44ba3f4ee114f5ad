import BlockIcon from '@mui/icons-material/Block';
import { lazyScreen } from '../../shared/lazy-screen.ts';

// Screens load on first visit (see lazy-screen.ts); the menu needs only the icon.
export const voidedCustomers = {
  list: lazyScreen(() => import('./voided-list.tsx'), 'VoidedList'),
  icon: BlockIcon,
  recordRepresentation: 'name',
};
