import Inventory2OutlinedIcon from '@mui/icons-material/Inventory2Outlined';
import { ArchiveList } from './archive-list.tsx';
import { ArchiveShow } from './archive-show.tsx';

export const archivedCustomers = {
  list: ArchiveList,
  show: ArchiveShow,
  icon: Inventory2OutlinedIcon,
  recordRepresentation: 'name',
};
