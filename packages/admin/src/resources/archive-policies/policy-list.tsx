import { BooleanField, CreateButton, Datagrid, List, TextField, TopToolbar, useCanAccess } from 'react-admin';
import { LocaleDateField } from '../../shared/date-field.tsx';
import { EnumField } from '../../shared/fields.tsx';
import { RunPolicyButton } from './policy-actions.tsx';
import { ScheduleField } from './policy-fields.tsx';

function ListActions() {
  const { canAccess } = useCanAccess({ resource: 'archive-policies', action: 'create' });
  return <TopToolbar>{canAccess ? <CreateButton /> : null}</TopToolbar>;
}

/** Archive policies by name (the server's order). */
export function PolicyList() {
  return (
    <List actions={<ListActions />} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false} sx={{ '& td.column-schedule': { minWidth: 200 } }}>
        <TextField source="name" sortable={false} />
        <EnumField source="action" enumName="ArchivePolicyAction" sortable={false} />
        <BooleanField source="enabled" sortable={false} />
        <ScheduleField source="schedule" sortable={false} />
        <LocaleDateField source="lastRunAt" showTime sortable={false} emptyText="—" />
        <LocaleDateField source="nextRunAt" showTime sortable={false} emptyText="—" />
        <RunPolicyButton />
      </Datagrid>
    </List>
  );
}
