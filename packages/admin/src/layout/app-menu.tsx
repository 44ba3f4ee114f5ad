import BackupOutlinedIcon from '@mui/icons-material/BackupOutlined';
import CallMergeIcon from '@mui/icons-material/CallMerge';
import CleaningServicesOutlinedIcon from '@mui/icons-material/CleaningServicesOutlined';
import ContentCopyOutlinedIcon from '@mui/icons-material/ContentCopyOutlined';
import DeleteSweepOutlinedIcon from '@mui/icons-material/DeleteSweepOutlined';
import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import InsightsOutlinedIcon from '@mui/icons-material/InsightsOutlined';
import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import UploadFileOutlinedIcon from '@mui/icons-material/UploadFileOutlined';
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
      {can(access, 'customer:create') ? <Menu.Item to="/imports" primaryText="custos.intake.menu" leftIcon={<UploadFileOutlinedIcon />} data-testid="menu-imports" /> : null}
      {can(access, 'report:read') ? <Menu.Item to="/reports" primaryText="custos.reports.title" leftIcon={<InsightsOutlinedIcon />} data-testid="menu-reports" /> : null}
      {can(access, 'approval:read') ? <Menu.Item to="/approvals" primaryText="custos.approvals.title" leftIcon={<FactCheckOutlinedIcon />} data-testid="menu-approvals" /> : null}
      {can(access, 'customer:purge') ? <Menu.Item to="/recycle-bin" primaryText="custos.recycle_bin.title" leftIcon={<DeleteSweepOutlinedIcon />} data-testid="menu-recycle-bin" /> : null}
      {can(access, 'archive:read') ? <Menu.Item to="/archive-search" primaryText="custos.search.title" leftIcon={<ManageSearchIcon />} data-testid="menu-archive-search" /> : null}
      {can(access, 'customer:merge') ? <Menu.Item to="/duplicates" primaryText="custos.cleanup.duplicates.title" leftIcon={<ContentCopyOutlinedIcon />} data-testid="menu-duplicates" /> : null}
      {can(access, 'customer:merge') || can(access, 'customer:unmerge') ? <Menu.Item to="/merges" primaryText="custos.cleanup.merges.title" leftIcon={<CallMergeIcon />} data-testid="menu-merges" /> : null}
      {can(access, 'customer:update') ? <Menu.Item to="/data-quality" primaryText="custos.cleanup.quality.title" leftIcon={<FactCheckOutlinedIcon />} data-testid="menu-data-quality" /> : null}
      {can(access, 'customer:normalize') ? <Menu.Item to="/normalization" primaryText="custos.cleanup.normalize.title" leftIcon={<CleaningServicesOutlinedIcon />} data-testid="menu-normalization" /> : null}
      {can(access, 'backup:manage') ? <Menu.Item to="/backups" primaryText="custos.backups.title" leftIcon={<BackupOutlinedIcon />} data-testid="menu-backups" /> : null}
    </Menu>
  );
}

export function AppLayout(props: LayoutProps) {
  return <Layout {...props} menu={AppMenu} />;
}
