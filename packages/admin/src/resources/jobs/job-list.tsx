import { Datagrid, FilterButton, List, SelectArrayInput, TextField, TopToolbar } from 'react-admin';
import { enumChoices } from '../../shared/choices.ts';
import { LocaleDateField } from '../../shared/date-field.tsx';
import { EnumField } from '../../shared/fields.tsx';
import { SavedFiltersButton } from '../../shared/saved-filters-button.tsx';
import { CancelJobButton, ClassifyButton, RotateKeysButton } from './job-actions.tsx';
import { JobProgressBar, JobStateChip, StartedBy, pollList } from './job-fields.tsx';

const filters = [
  <SelectArrayInput key="state" source="state" choices={enumChoices('JobState')} alwaysOn />,
  <SelectArrayInput key="kind" source="kind" choices={enumChoices('JobKind')} />,
];

/** Background jobs, newest first (the server's order), refreshed while any is active. */
export function JobList() {
  return (
    <List
      filters={filters}
      actions={<TopToolbar><FilterButton /><SavedFiltersButton /><ClassifyButton /><RotateKeysButton /></TopToolbar>}
      perPage={25}
      queryOptions={{ refetchInterval: pollList }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} sx={{ '& th, & td': { whiteSpace: 'nowrap' } }}>
        <TextField source="id" sortable={false} />
        <EnumField source="kind" enumName="JobKind" sortable={false} />
        <JobStateChip source="state" sortable={false} />
        <JobProgressBar source="progress" sortable={false} />
        <StartedBy source="createdBy" sortable={false} />
        <LocaleDateField source="createdAt" showTime sortable={false} />
        <LocaleDateField source="finishedAt" showTime sortable={false} emptyText="—" />
        <CancelJobButton />
      </Datagrid>
    </List>
  );
}
