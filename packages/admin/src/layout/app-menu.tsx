import BackupOutlinedIcon from '@mui/icons-material/BackupOutlined';
import InsightsOutlinedIcon from '@mui/icons-material/InsightsOutlined';
import { Layout, Menu, type LayoutProps } from 'react-admin';
import { can } from '../auth/access.ts';
import { useAccess } from '../auth/use-access.ts';

/** react-admin's menu (home + the resources the role may list) plus the screens that are not resources. */
function AppMenu() {
  const access = useAccess();
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItems />
      {can(access, 'report:read') ? <Menu.Item to="/reports" primaryText="custos.reports.title" leftIcon={<InsightsOutlinedIcon />} data-testid="menu-reports" /> : null}
      {can(access, 'backup:manage') ? <Menu.Item to="/backups" primaryText="custos.backups.title" leftIcon={<BackupOutlinedIcon />} data-testid="menu-backups" /> : null}
    </Menu>
  );
}

export function AppLayout(props: LayoutProps) {
  return <Layout {...props} menu={AppMenu} />;
}
