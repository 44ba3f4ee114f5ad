import { LocaleDateField } from '../../shared/date-field.tsx';
import {
  CreateButton,
  DatagridConfigurable,
  SelectColumnsButton,
  FilterButton,
  List,
  NumberField,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { can, canRead } from '../../auth/access.ts';
import { BulkArchiveButton, BulkVoidButton } from './bulk-buttons.tsx';
import { BulkTagButton } from './bulk-tag-button.tsx';
import { useAccess } from '../../auth/use-access.ts';
import { sortableFields } from '../../shared/choices.ts';
import { EnumField, GuardedTextField, KeyField } from '../../shared/fields.tsx';
import { customerFilters } from './customer-filters.tsx';
import { SavedFiltersButton } from '../../shared/saved-filters-button.tsx';
import { ExportMenu } from '../../exports/export-menu.tsx';

const sortable = sortableFields('customers');

function ListActions() {
  const { canAccess: canCreate } = useCanAccess({ resource: 'customers', action: 'create' });
  return (
    <TopToolbar>
      <SelectColumnsButton />
      <FilterButton />
      <SavedFiltersButton />
      {canCreate ? <CreateButton /> : null}
      <ExportMenu />
    </TopToolbar>
  );
}

function BulkActions() {
  const access = useAccess();
  return (
    <>
      {can(access, 'customer:update') ? <BulkTagButton /> : null}
      <BulkVoidButton />
      <BulkArchiveButton />
    </>
  );
}

export function CustomerList() {
  const access = useAccess();
  const bulk = can(access, 'customer:void') || can(access, 'customer:archive') || can(access, 'customer:update');
  const s = (field: string) => sortable.has(field);
  return (
    <List
      filters={customerFilters}
      actions={<ListActions />}
      // Exports are built by the server (ExportMenu), over every page and under field guards.
      exporter={false}
      sort={{ field: 'updatedAt', order: 'DESC' }}
      perPage={25}
    >
      {/* Fourteen columns do not fit a laptop screen: the default set fits 1,366 px (issue
          18); each user picks their own columns (remembered in the browser), and a wider
          choice scrolls inside the table, never the page. */}
      <DatagridConfigurable
        rowClick="show"
        bulkActionButtons={bulk ? <BulkActions /> : false}
        omit={['tier', 'industry', 'email', 'phone', 'interactionCount', 'updatedAt']}
        // Short values stay on one line (CJK text would otherwise break after every character).
        sx={{ '& th, & td:not(.column-name):not(.column-email)': { whiteSpace: 'nowrap' }, '& td.column-name': { minWidth: 180 } }}
      >
        <TextField source="code" sortable={s('code')} />
        <TextField source="name" sortable={s('name')} />
        <EnumField source="type" enumName="CustomerType" sortable={false} />
        <EnumField source="tier" enumName="CustomerTier" sortable={false} />
        <KeyField source="industry" prefix="custos.industries" sortable={false} />
        <KeyField source="region" prefix="custos.regions" sortable={false} />
        <EnumField source="lifecycleStage" enumName="LifecycleStage" sortable={false} />
        <EnumField source="status" enumName="CustomerStatus" chip sortable={false} />
        <TextField source="owner.displayName" label="resources.customers.fields.owner" sortable={false} />
        {canRead(access, 'Customer.email') ? <GuardedTextField source="email" typeName="Customer" sortable={false} /> : null}
        {canRead(access, 'Customer.phone') ? <GuardedTextField source="phone" typeName="Customer" sortable={false} /> : null}
        <NumberField source="interactionCount" sortable={false} />
        <LocaleDateField source="lastInteractionAt" showTime sortable={s('lastInteractionAt')} />
        <LocaleDateField source="updatedAt" showTime sortable={s('updatedAt')} />
      </DatagridConfigurable>
    </List>
  );
}
