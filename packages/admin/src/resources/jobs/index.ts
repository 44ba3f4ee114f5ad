import WorkHistoryOutlinedIcon from '@mui/icons-material/WorkHistoryOutlined';
import { lazyScreen } from '../../shared/lazy-screen.ts';

// Screens load on first visit (see lazy-screen.ts); the menu needs only the icon.
export const jobs = {
  list: lazyScreen(() => import('./job-list.tsx'), 'JobList'),
  show: lazyScreen(() => import('./job-show.tsx'), 'JobShow'),
  icon: WorkHistoryOutlinedIcon,
  recordRepresentation: 'id',
};
