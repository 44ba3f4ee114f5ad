import ManageAccountsOutlinedIcon from '@mui/icons-material/ManageAccountsOutlined';
import { UserCreate } from './user-create.tsx';
import { UserEdit } from './user-edit.tsx';
import { UserList } from './user-list.tsx';

export const users = {
  list: UserList,
  edit: UserEdit,
  create: UserCreate,
  icon: ManageAccountsOutlinedIcon,
  recordRepresentation: 'displayName',
};
