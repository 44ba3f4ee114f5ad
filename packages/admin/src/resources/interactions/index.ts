import ForumOutlinedIcon from '@mui/icons-material/ForumOutlined';
import { lazyScreen } from '../../shared/lazy-screen.ts';

// Screens load on first visit (see lazy-screen.ts); the menu needs only the icon.
export const interactions = {
  list: lazyScreen(() => import('./interaction-list.tsx'), 'InteractionList'),
  icon: ForumOutlinedIcon,
  recordRepresentation: 'subject',
};
