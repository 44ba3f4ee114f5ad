import ForumOutlinedIcon from '@mui/icons-material/ForumOutlined';
import { InteractionList } from './interaction-list.tsx';

export const interactions = {
  list: InteractionList,
  icon: ForumOutlinedIcon,
  recordRepresentation: 'subject',
};
