import LocalOfferOutlinedIcon from '@mui/icons-material/LocalOfferOutlined';
import { lazyScreen } from '../../shared/lazy-screen.ts';

// Screens load on first visit (see lazy-screen.ts); the menu needs only the icon.
export const tags = {
  list: lazyScreen(() => import('./tag-list.tsx'), 'TagList'),
  create: lazyScreen(() => import('./tag-form.tsx'), 'TagCreate'),
  edit: lazyScreen(() => import('./tag-form.tsx'), 'TagEdit'),
  icon: LocalOfferOutlinedIcon,
  recordRepresentation: 'name',
};
