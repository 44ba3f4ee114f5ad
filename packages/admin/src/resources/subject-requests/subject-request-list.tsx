import { Chip, Stack, Typography } from '@mui/material';
import {
  BooleanInput, CreateButton, Datagrid, FilterButton, FunctionField, List, SelectArrayInput, TextField, TopToolbar, useCanAccess, useLocaleState, useRecordContext, useTranslate,
  type RaRecord,
} from 'react-admin';
import { formatDay } from './subject-day.ts';
import { enumChoices } from '../../shared/choices.ts';
import { EnumField, GuardedTextField } from '../../shared/fields.tsx';

const filters = [
  <SelectArrayInput key="status" source="status" choices={enumChoices('SubjectRequestStatus')} alwaysOn />,
  <BooleanInput key="overdue" source="overdue" alwaysOn />,
];

function ListActions() {
  const { canAccess } = useCanAccess({ resource: 'subject-requests', action: 'create' });
  return <TopToolbar><FilterButton />{canAccess ? <CreateButton /> : null}</TopToolbar>;
}

/** The due date, red with an "Overdue" chip once an open request has passed it. */
export function DueField(_props: { source?: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} alignItems="center" component="span" data-testid="subject-due" data-overdue={record['overdue'] ? 'true' : 'false'}>
      <Typography variant="body2" component="span" color={record['overdue'] ? 'error' : undefined} sx={{ fontWeight: record['overdue'] ? 600 : undefined }}>
        {formatDay(record['dueOn'], locale)}
      </Typography>
      {record['overdue'] ? <Chip size="small" color="error" label={translate('custos.subject_requests.overdue')} /> : null}
    </Stack>
  );
}

function ReceivedField(_props: { source?: string; sortable?: boolean }) {
  const [locale] = useLocaleState();
  return <FunctionField render={(record: RaRecord) => formatDay(record['receivedOn'], locale)} />;
}

const overdueRow = (record: RaRecord) => (record['overdue'] ? { backgroundColor: 'rgba(211, 47, 47, 0.06)' } : {});

/** Data-subject requests, the next due first (the server's order); overdue rows stand out. */
export function SubjectRequestList() {
  return (
    <List filters={filters} actions={<ListActions />} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false} rowSx={overdueRow} sx={{ '& th, & td': { whiteSpace: 'nowrap' } }} data-testid="subject-request-list">
        <TextField source="id" sortable={false} />
        <DueField source="dueOn" sortable={false} />
        <EnumField source="status" enumName="SubjectRequestStatus" sortable={false} />
        <EnumField source="kind" enumName="SubjectRequestKind" sortable={false} />
        <EnumField source="regime" enumName="SubjectRequestRegime" sortable={false} />
        <ReceivedField source="receivedOn" sortable={false} />
        <TextField source="reference" sortable={false} emptyText="—" />
        <GuardedTextField source="email" typeName="SubjectRequest" sortable={false} />
      </Datagrid>
    </List>
  );
}
