import PrivacyTipOutlinedIcon from '@mui/icons-material/PrivacyTipOutlined';
import { lazyScreen } from '../../shared/lazy-screen.ts';

// Screens load on first visit (see lazy-screen.ts); the menu needs only the icon.
export const subjectRequests = {
  list: lazyScreen(() => import('./subject-request-list.tsx'), 'SubjectRequestList'),
  show: lazyScreen(() => import('./subject-request-show.tsx'), 'SubjectRequestShow'),
  create: lazyScreen(() => import('./subject-request-create.tsx'), 'SubjectRequestCreate'),
  icon: PrivacyTipOutlinedIcon,
  recordRepresentation: (record: { id: string; reference?: string | null }) => record.reference || `#${record.id}`,
};
