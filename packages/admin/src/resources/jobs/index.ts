import WorkHistoryOutlinedIcon from '@mui/icons-material/WorkHistoryOutlined';
import { JobList } from './job-list.tsx';
import { JobShow } from './job-show.tsx';

export const jobs = {
  list: JobList,
  show: JobShow,
  icon: WorkHistoryOutlinedIcon,
  recordRepresentation: 'id',
};
