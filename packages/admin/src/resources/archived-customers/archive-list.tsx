import UnarchiveOutlinedIcon from '@mui/icons-material/UnarchiveOutlined';
import { ReasonText } from '../../shared/reason-text.tsx';
import LockClockOutlinedIcon from '@mui/icons-material/LockClockOutlined';
import { Chip } from '@mui/material';
import {
  DatagridConfigurable,
  FilterButton,
  SelectColumnsButton,
  FunctionField,
  List,
  ReferenceField,
  TextField,
  TopToolbar,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { can, canRead } from '../../auth/access.ts';
import { useAccess } from '../../auth/use-access.ts';
import { sortableFields } from '../../shared/choices.ts';
import { LocaleDateField } from '../../shared/date-field.tsx';
import { BulkLifecycleButton } from '../../shared/bulk-lifecycle-button.tsx';
import { EnumField, GuardedTextField, KeyField } from '../../shared/fields.tsx';
import { ReasonInput } from '../customers/lifecycle-inputs.tsx';
import { archiveFilters } from './archive-filters.tsx';
import { ExportMenu } from '../../exports/export-menu.tsx';
import { SavedFiltersButton } from '../../shared/saved-filters-button.tsx';

const sortable = sortableFields('archivedCustomers');

function BulkRestoreButton() {
  return (
    <BulkLifecycleButton
      action="restoreCustomers" permission="customer:restore" icon={<UnarchiveOutlinedIcon />}
      label="custos.archive.restore" title="custos.archive.restore_title" count="custos.archive.restore_count" done="custos.archive.restored_many"
      toInput={(v) => ({ reason: v['reason'] })}
    >
      <ReasonInput />
    </BulkLifecycleButton>
  );
}

/** "Legal hold" as a chip, nothing otherwise: most records are not held. */
export function LegalHoldChip(_props: { source?: string; sortable?: boolean }) {
  const translate = useTranslate();
  return (
    <FunctionField
      source="legalHold"
      render={(r: RaRecord) => (r['legalHold'] ? <Chip size="small" color="warning" icon={<LockClockOutlinedIcon />} label={translate('custos.archive.on_hold')} /> : null)}
    />
  );
}

/** Policy name when the role may read policies, "by hand" when none archived it. */
export function PolicyField(_props: { source?: string; sortable?: boolean }) {
  const access = useAccess();
  const translate = useTranslate();
  return (
    <FunctionField
      source="policyId"
      render={(r: RaRecord) => {
        if (!r['policyId']) return translate('custos.archive.manual');
        // Roles that may not read policies learn it was a policy, not a bare "#1".
        if (!can(access, 'policy:read')) return translate('custos.ui.by_policy');
        return (
          <ReferenceField source="policyId" reference="archive-policies" link="show">
            <TextField source="name" />
          </ReferenceField>
        );
      }}
    />
  );
}

export function ArchiveList() {
  const access = useAccess();
  const s = (field: string) => sortable.has(field);
  return (
    <List
      filters={archiveFilters(access)}
      actions={<TopToolbar><SelectColumnsButton /><FilterButton /><SavedFiltersButton /><ExportMenu /></TopToolbar>}
      exporter={false}
      sort={{ field: 'archivedAt', order: 'DESC' }}
      perPage={25}
    >
      {/* Too many columns for a laptop: some start hidden, each user picks (remembered). */}
      <DatagridConfigurable
        rowClick="show"
        bulkActionButtons={can(access, 'customer:restore') ? <BulkRestoreButton /> : false}
        omit={['type', 'region', 'phone', 'retainUntil']}
        sx={{ '& th, & td:not(.column-name):not(.column-archiveReason)': { whiteSpace: 'nowrap' }, '& td.column-name': { minWidth: 160 }, '& td.column-archiveReason': { minWidth: 200 } }}
      >
        <TextField source="code" sortable={s('code')} />
        <TextField source="name" sortable={s('name')} />
        <EnumField source="type" enumName="CustomerType" sortable={false} />
        <KeyField source="region" prefix="custos.regions" sortable={false} />
        <EnumField source="previousStatus" enumName="CustomerStatus" chip sortable={false} />
        {canRead(access, 'ArchivedCustomer.email') ? <GuardedTextField source="email" typeName="ArchivedCustomer" sortable={false} /> : null}
        {canRead(access, 'ArchivedCustomer.phone') ? <GuardedTextField source="phone" typeName="ArchivedCustomer" sortable={false} /> : null}
        <LocaleDateField source="archivedAt" showTime sortable={s('archivedAt')} />
        <ReasonText source="archiveReason" sortable={false} />
        <PolicyField source="policyId" sortable={false} />
        <LegalHoldChip source="legalHold" sortable={false} />
        <LocaleDateField source="retainUntil" sortable={s('retainUntil')} emptyText="—" />
      </DatagridConfigurable>
    </List>
  );
}
