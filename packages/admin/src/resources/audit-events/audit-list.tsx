import {
  AutocompleteInput,
  Datagrid,
  DateTimeInput,
  FilterButton,
  FunctionField,
  List,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { ExportMenu } from '../../exports/export-menu.tsx';
import { recordsEn } from '../../i18n/records-en.ts';
import { LocaleDateField } from '../../shared/date-field.tsx';
import { EnumField } from '../../shared/fields.tsx';
import { ReasonText } from '../../shared/reason-text.tsx';
import { SavedFiltersButton } from '../../shared/saved-filters-button.tsx';
import { useAuditWords } from './audit-words.ts';
import { AuditRecord } from './record-link.tsx';
import { VerifyChainButton } from './verify-chain-button.tsx';

/** Actions and record types are picked by name, not typed as codes (CUSTOMER_UPDATED). */
const actionChoices = Object.keys(recordsEn.actions).map((id) => ({ id, name: `custos.records.actions.${id}` }));
const entityChoices = Object.keys(recordsEn.entities).map((id) => ({ id, name: `custos.records.entities.${id}` }));

const filters = [
  <SelectInput key="entityType" source="entityType" choices={entityChoices} alwaysOn />,
  <TextInput key="entityId" source="entityId" alwaysOn />,
  <SelectArrayInput key="action" source="action" choices={actionChoices} />,
  <ReferenceInput key="actorId" source="actorId" reference="staff">
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

/** What happened, in words. */
function Action(_props: { source: string; sortable: boolean }) {
  const words = useAuditWords();
  return <FunctionField source="action" render={(r: RaRecord) => <span data-action={String(r['action'])}>{words.action(String(r['action']))}</span>} />;
}

/** The append-only audit log, newest first (the server's only order), readable in either language. */
export function AuditList() {
  return (
    <List
      filters={filters}
      perPage={25}
      sort={{ field: 'seq', order: 'DESC' }}
      actions={<TopToolbar><FilterButton /><SavedFiltersButton /><ExportMenu /><VerifyChainButton /></TopToolbar>}
      exporter={false}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} sx={{ '& th, & td:not(.column-reason)': { whiteSpace: 'nowrap' }, '& td.column-reason': { minWidth: 200 } }}>
        <TextField source="seq" sortable={false} />
        <LocaleDateField source="at" showTime sortable={false} />
        <Actor source="actor" sortable={false} />
        <EnumField source="actorRole" enumName="Role" sortable={false} />
        <Action source="action" sortable={false} />
        <AuditRecord source="entityId" label="custos.records.record" sortable={false} />
        <ReasonText source="reason" sortable={false} />
      </Datagrid>
    </List>
  );
}
