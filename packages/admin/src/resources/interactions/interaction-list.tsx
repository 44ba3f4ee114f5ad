import { LocaleDateField } from '../../shared/date-field.tsx';
import { Stack } from '@mui/material';
import {
  Datagrid,
  DateTimeInput,
  FunctionField,
  List,
  ReferenceField,
  ReferenceInput,
  AutocompleteInput,
  SelectArrayInput,
  TextField,
  FilterButton,
  TopToolbar,
  useLocaleState,
  type RaRecord,
} from 'react-admin';
import { canRead } from '../../auth/access.ts';
import { useAccess } from '../../auth/use-access.ts';
import { enumChoices, sortableFields } from '../../shared/choices.ts';
import { EnumField } from '../../shared/fields.tsx';
import { formatAmount } from './format.ts';
import { InteractionKindIcon } from './kind-icon.tsx';
import { ExportMenu } from '../../exports/export-menu.tsx';
import { SavedFiltersButton } from '../../shared/saved-filters-button.tsx';

const sortable = sortableFields('interactions');

const filters = [
  <SelectArrayInput key="kind" source="kind" choices={enumChoices('InteractionKind')} alwaysOn />,
  <SelectArrayInput key="channel" source="channel" choices={enumChoices('InteractionChannel')} />,
  <ReferenceInput key="ownerId" source="ownerId" reference="staff">
    <AutocompleteInput optionText="displayName" label="resources.interactions.fields.ownerId" />
  </ReferenceInput>,
  <DateTimeInput key="occurredAfter" source="occurredAfter" />,
  <DateTimeInput key="occurredBefore" source="occurredBefore" />,
];

/** Amount in the user's language and the order's currency. Datagrid reads the header from the element's props. */
function AmountField(_props: { source: string; sortable: boolean; textAlign: 'right' }) {
  const [locale] = useLocaleState();
  return (
    <FunctionField
      source="amount"
      render={(r: RaRecord) => formatAmount(r['amount'] as string | null, r['currency'] as string | null, locale) ?? ''}
    />
  );
}

/** Interactions across all visible customers, newest first; logging happens on a customer's page. */
export function InteractionList() {
  const access = useAccess();
  return (
    // The server builds the export (ExportMenu) instead of react-admin's page-by-page client export.
    <List filters={filters} actions={<TopToolbar><FilterButton /><SavedFiltersButton /><ExportMenu /></TopToolbar>} exporter={false} sort={{ field: 'occurredAt', order: 'DESC' }} perPage={25}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <FunctionField
          source="kind"
          sortable={false}
          render={(r: RaRecord) => (
            <Stack direction="row" spacing={1} alignItems="center">
              <InteractionKindIcon kind={String(r['kind'])} fontSize="small" />
              <EnumField source="kind" enumName="InteractionKind" />
            </Stack>
          )}
        />
        <LocaleDateField source="occurredAt" showTime sortable={sortable.has('occurredAt')} />
        <ReferenceField source="customerId" reference="customers" link="show" sortable={false}>
          <TextField source="name" />
        </ReferenceField>
        <TextField source="subject" sortable={false} />
        <EnumField source="channel" enumName="InteractionChannel" sortable={false} />
        {canRead(access, 'Interaction.amount') ? <AmountField source="amount" sortable={sortable.has('amount')} textAlign="right" /> : null}
        <TextField source="owner.displayName" label="resources.interactions.fields.owner" sortable={false} />
      </Datagrid>
    </List>
  );
}
