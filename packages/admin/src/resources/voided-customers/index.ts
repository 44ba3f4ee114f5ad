import BlockIcon from '@mui/icons-material/Block';
import { VoidedList } from './voided-list.tsx';

export const voidedCustomers = {
  list: VoidedList,
  icon: BlockIcon,
  recordRepresentation: 'name',
};
