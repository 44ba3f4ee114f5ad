import {
  CreateButton,
  Datagrid,
  DeleteWithConfirmButton,
  EditButton,
  List,
  SearchInput,
  TextField,
  TopToolbar,
  useNotify,
  useRecordContext,
} from 'react-admin';
import { CustomerCountField } from '../../shared/customer-count-link.tsx';
import { LocaleDateField } from '../../shared/date-field.tsx';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

/** The customers list filtered by the segment (the list's segment filter). */
export const customersInSegment = (id: string) => `/customers?filter=${encodeURIComponent(JSON.stringify({ segmentId: id }))}`;

function DeleteSegmentButton() {
  const record = useRecordContext();
  const notify = useNotify();
  if (!record) return null;
  return (
    <DeleteWithConfirmButton
      mutationMode="pessimistic"
      redirect={false}
      confirmTitle="custos.classification.segment_delete_title"
      titleTranslateOptions={{ name: record['name'] }}
      confirmContent="custos.classification.segment_delete_body"
      mutationOptions={{ onSuccess: () => notify('custos.classification.segment_deleted', { type: 'success' }) }}
    />
  );
}

/** Saved segments by name, with how many customers each matches now. */
export function SegmentList() {
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={25} exporter={false}
      actions={<TopToolbar><CreateButton /></TopToolbar>}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="description" emptyText="—" sortable={false} />
        <CustomerCountField source="customerCount" textAlign="right" sortable={false} testId="segment-count"
          count={(r) => Number(r['customerCount'] ?? 0)} to={(r) => customersInSegment(String(r.id))} />
        <TextField source="createdBy.displayName" label="resources.segments.fields.createdBy" emptyText="—" sortable={false} />
        <LocaleDateField source="updatedAt" showTime />
        <EditButton />
        <DeleteSegmentButton />
      </Datagrid>
    </List>
  );
}
