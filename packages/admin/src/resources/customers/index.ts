import PeopleAltOutlinedIcon from '@mui/icons-material/PeopleAltOutlined';
import { lazyScreen } from '../../shared/lazy-screen.ts';

// Screens load on first visit (see lazy-screen.ts); the menu needs only the icon.
export const customers = {
  list: lazyScreen(() => import('./customer-list.tsx'), 'CustomerList'),
  show: lazyScreen(() => import('./customer-show.tsx'), 'CustomerShow'),
  edit: lazyScreen(() => import('./customer-edit.tsx'), 'CustomerEdit'),
  create: lazyScreen(() => import('./customer-create.tsx'), 'CustomerCreate'),
  icon: PeopleAltOutlinedIcon,
  recordRepresentation: 'name',
};
