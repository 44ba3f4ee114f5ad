import {
  CreateButton,
  Datagrid,
  DateField,
  ExportButton,
  FilterButton,
  List,
  NumberField,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { canRead } from '../../auth/access.ts';
import { useAccess } from '../../auth/use-access.ts';
import { sortableFields } from '../../shared/choices.ts';
import { EnumField, GuardedTextField, KeyField } from '../../shared/fields.tsx';
import { customerFilters } from './customer-filters.tsx';

const sortable = sortableFields('customers');

function ListActions() {
  const { canAccess: canCreate } = useCanAccess({ resource: 'customers', action: 'create' });
  return (
    <TopToolbar>
      <FilterButton />
      {canCreate ? <CreateButton /> : null}
      <ExportButton />
    </TopToolbar>
  );
}

export function CustomerList() {
  const access = useAccess();
  const s = (field: string) => sortable.has(field);
  return (
    <List
      filters={customerFilters}
      actions={<ListActions />}
      sort={{ field: 'updatedAt', order: 'DESC' }}
      perPage={25}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
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
        <DateField source="lastInteractionAt" showTime sortable={s('lastInteractionAt')} />
        <DateField source="updatedAt" showTime sortable={s('updatedAt')} />
      </Datagrid>
    </List>
  );
}
