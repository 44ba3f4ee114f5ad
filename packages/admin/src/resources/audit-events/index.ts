import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import { AuditList } from './audit-list.tsx';
import { AuditShow } from './audit-show.tsx';

export const auditEvents = {
  list: AuditList,
  show: AuditShow,
  icon: FactCheckOutlinedIcon,
  recordRepresentation: 'action',
};
