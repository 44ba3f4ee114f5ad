import {
  CreateButton,
  Datagrid,
  DeleteWithConfirmButton,
  EditButton,
  FunctionField,
  List,
  SearchInput,
  TextField,
  TopToolbar,
  useNotify,
  useRecordContext,
  type RaRecord,
} from 'react-admin';
import { CustomerCountField } from '../../shared/customer-count-link.tsx';
import { TagChip } from './tag-chip.tsx';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

/** The customers list filtered by one tag. */
export const customersWithTag = (name: string) => `/customers?filter=${encodeURIComponent(JSON.stringify({ tags: [name] }))}`;

/**
 * Deleting a tag removes it from every live customer: the confirmation says how many
 * active customers carry it (the count the list shows), and waits for the server.
 */
function DeleteTagButton() {
  const record = useRecordContext();
  const notify = useNotify();
  if (!record) return null;
  const count = Number(record['count'] ?? 0);
  return (
    <DeleteWithConfirmButton
      mutationMode="pessimistic"
      redirect={false}
      confirmTitle="custos.classification.delete_title"
      titleTranslateOptions={{ name: record.id }}
      confirmContent={count > 0 ? 'custos.classification.delete_in_use' : 'custos.classification.delete_unused'}
      contentTranslateOptions={{ smart_count: count }}
      mutationOptions={{ onSuccess: () => notify('custos.classification.deleted', { type: 'success' }) }}
      data-testid="delete-tag"
    />
  );
}

/** Tags in use or configured, most used first, with colour, description and usage. */
export function TagList() {
  return (
    <List filters={filters} sort={{ field: 'count', order: 'DESC' }} perPage={25} exporter={false}
      actions={<TopToolbar><CreateButton /></TopToolbar>}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <FunctionField source="name" render={(r: RaRecord) => <TagChip name={String(r['name'])} color={r['color'] as string | null} />} />
        <TextField source="description" emptyText="—" sortable={false} />
        <CustomerCountField source="count" textAlign="right" testId="tag-count"
          count={(r) => Number(r['count'] ?? 0)} to={(r) => customersWithTag(String(r.id))} />
        <EditButton />
        <DeleteTagButton />
      </Datagrid>
    </List>
  );
}
