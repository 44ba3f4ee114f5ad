import PeopleAltOutlinedIcon from '@mui/icons-material/PeopleAltOutlined';
import { CustomerCreate } from './customer-create.tsx';
import { CustomerEdit } from './customer-edit.tsx';
import { CustomerList } from './customer-list.tsx';
import { CustomerShow } from './customer-show.tsx';

export const customers = {
  list: CustomerList,
  show: CustomerShow,
  edit: CustomerEdit,
  create: CustomerCreate,
  icon: PeopleAltOutlinedIcon,
  recordRepresentation: 'name',
};
