import RuleOutlinedIcon from '@mui/icons-material/RuleOutlined';
import { PolicyCreate } from './policy-create.tsx';
import { PolicyEdit } from './policy-edit.tsx';
import { PolicyList } from './policy-list.tsx';
import { PolicyShow } from './policy-show.tsx';

export const archivePolicies = {
  list: PolicyList,
  show: PolicyShow,
  create: PolicyCreate,
  edit: PolicyEdit,
  icon: RuleOutlinedIcon,
  recordRepresentation: 'name',
};
