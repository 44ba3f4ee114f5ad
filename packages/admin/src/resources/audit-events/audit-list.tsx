import { LocaleDateField } from '../../shared/date-field.tsx';
import {
  AutocompleteInput,
  Datagrid,
  DateTimeInput,
  List,
  ReferenceInput,
  TextField,
  TextInput,
  TopToolbar,
  FilterButton,
  useTranslate,
  FunctionField,
  type RaRecord,
} from 'react-admin';
import { EnumField } from '../../shared/fields.tsx';
import { VerifyChainButton } from './verify-chain-button.tsx';
import { ExportMenu } from '../../exports/export-menu.tsx';
import { SavedFiltersButton } from '../../shared/saved-filters-button.tsx';

/** "CUSTOMER_UPDATED, USER_CREATED" filters on any of these actions. */
const parseActions = (value: string) => (value ? value.split(/[,，\s]+/).map((a) => a.trim().toUpperCase()).filter(Boolean) : []);
const formatActions = (value: unknown) => (Array.isArray(value) ? value.join(', ') : ((value as string | undefined) ?? ''));

const filters = [
  <TextInput key="entityType" source="entityType" alwaysOn />,
  <TextInput key="entityId" source="entityId" alwaysOn />,
  <TextInput key="action" source="action" parse={parseActions} format={formatActions} />,
  <ReferenceInput key="actorId" source="actorId" reference="users">
    <AutocompleteInput optionText="displayName" label="resources.audit-events.fields.actorId" />
  </ReferenceInput>,
  <DateTimeInput key="from" source="from" />,
  <DateTimeInput key="to" source="to" />,
];

/** Who acted, or "system" for jobs and the seed. Datagrid reads `source` from the element for the header. */
function Actor(_props: { source: string; sortable: boolean }) {
  const translate = useTranslate();
  return (
    <FunctionField
      source="actor"
      render={(r: RaRecord) => (r['actor'] as { displayName?: string } | null)?.displayName ?? translate('custos.audit.system')}
    />
  );
}

/** The append-only audit log, newest first (the server's only order). */
export function AuditList() {
  return (
    <List
      filters={filters}
      perPage={25}
      sort={{ field: 'seq', order: 'DESC' }}
      actions={<TopToolbar><FilterButton /><SavedFiltersButton /><ExportMenu /><VerifyChainButton /></TopToolbar>}
      exporter={false}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="seq" sortable={false} />
        <LocaleDateField source="at" showTime sortable={false} />
        <Actor source="actor" sortable={false} />
        <EnumField source="actorRole" enumName="Role" sortable={false} />
        <TextField source="action" sortable={false} />
        <TextField source="entityType" sortable={false} />
        <TextField source="entityId" sortable={false} />
        <TextField source="reason" sortable={false} />
      </Datagrid>
    </List>
  );
}
