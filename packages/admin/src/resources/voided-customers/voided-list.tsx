import { Datagrid, List, SearchInput, SelectArrayInput, TextField, TopToolbar, FilterButton, type Identifier } from 'react-admin';
import { can } from '../../auth/access.ts';
import { useAccess } from '../../auth/use-access.ts';
import { enumChoices, industryChoices, regionChoices, sortableFields } from '../../shared/choices.ts';
import { LocaleDateField } from '../../shared/date-field.tsx';
import { EnumField, KeyField } from '../../shared/fields.tsx';
import { BulkArchiveButton, BulkUnvoidButton } from '../customers/bulk-buttons.tsx';
import { ExportMenu } from '../../exports/export-menu.tsx';
import { SavedFiltersButton } from '../../shared/saved-filters-button.tsx';

const sortable = sortableFields('customers');

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="type" source="type" choices={enumChoices('CustomerType')} />,
  <SelectArrayInput key="industry" source="industry" choices={industryChoices()} />,
  <SelectArrayInput key="region" source="region" choices={regionChoices()} />,
];

function BulkActions() {
  return (
    <>
      <BulkUnvoidButton />
      <BulkArchiveButton />
    </>
  );
}

/**
 * The Voided view (newest change first: the API cannot sort by voidedAt): customers with status VOID (the resource's fixed filter), with their
 * void reason, note and time; unvoid or archive them in bulk. A row opens the customer.
 */
export function VoidedList() {
  const access = useAccess();
  const s = (field: string) => sortable.has(field);
  const bulk = can(access, 'customer:unvoid') || can(access, 'customer:archive');
  return (
    <List filters={filters} actions={<TopToolbar><FilterButton /><SavedFiltersButton /><ExportMenu /></TopToolbar>} exporter={false} sort={{ field: 'updatedAt', order: 'DESC' }} perPage={25}>
      <Datagrid
        rowClick={(id: Identifier) => `/customers/${id}/show`}
        bulkActionButtons={bulk ? <BulkActions /> : false}
        sx={{ '& th, & td:not(.column-name):not(.column-voidNote)': { whiteSpace: 'nowrap' }, '& td.column-name': { minWidth: 160 }, '& td.column-voidNote': { minWidth: 260 } }}
      >
        <TextField source="code" sortable={s('code')} />
        <TextField source="name" sortable={s('name')} />
        <KeyField source="region" prefix="custos.regions" sortable={false} />
        <TextField source="owner.displayName" label="resources.customers.fields.owner" sortable={false} />
        <EnumField source="voidReason" enumName="VoidReason" chip sortable={false} />
        <TextField source="voidNote" sortable={false} />
        <LocaleDateField source="voidedAt" showTime sortable={false} />
      </Datagrid>
    </List>
  );
}
