import GroupWorkOutlinedIcon from '@mui/icons-material/GroupWorkOutlined';
import { lazyScreen } from '../../shared/lazy-screen.ts';

// Screens load on first visit (see lazy-screen.ts); the menu needs only the icon.
export const segments = {
  list: lazyScreen(() => import('./segment-list.tsx'), 'SegmentList'),
  create: lazyScreen(() => import('./segment-form.tsx'), 'SegmentCreate'),
  edit: lazyScreen(() => import('./segment-form.tsx'), 'SegmentEdit'),
  icon: GroupWorkOutlinedIcon,
  recordRepresentation: 'name',
};
