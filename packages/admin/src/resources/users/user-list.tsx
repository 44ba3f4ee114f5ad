import { LocaleDateField } from '../../shared/date-field.tsx';
import {
  BooleanField,
  CreateButton,
  Datagrid,
  EditButton,
  List,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { enumChoices } from '../../shared/choices.ts';
import { EnumField } from '../../shared/fields.tsx';
import { SavedFiltersButton } from '../../shared/saved-filters-button.tsx';
import { EnableToggleButton } from './enable-toggle-button.tsx';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={enumChoices('Role')} alwaysOn />,
];

export function UserList() {
  return (
    <List
      filters={filters}
      sort={{ field: 'displayName', order: 'ASC' }}
      perPage={25}
      actions={<TopToolbar><SavedFiltersButton /><CreateButton /></TopToolbar>}
    >
      <Datagrid bulkActionButtons={false} rowClick="edit">
        <TextField source="displayName" />
        <TextField source="email" />
        <EnumField source="role" enumName="Role" chip />
        <BooleanField source="enabled" />
        <LocaleDateField source="createdAt" />
        <EnableToggleButton />
        <EditButton />
      </Datagrid>
    </List>
  );
}
