import { Card, CardContent, CardHeader } from '@mui/material';
import { useEffect, useRef } from 'react';
import { Datagrid, ListBase, TextField, useListContext, useTranslate, type RaRecord } from 'react-admin';
import { LocaleDateField } from '../shared/date-field.tsx';
import { EnumField } from '../shared/fields.tsx';
import { JobProgressBar, JobStateChip, StartedBy, isActive, pollList } from '../resources/jobs/job-fields.tsx';

export const BACKUP_KINDS = ['BACKUP', 'BACKUP_DRILL'];

/** Calls `onFinished` when a job shown here leaves QUEUED/RUNNING (the backups list then has news). */
function FinishWatcher({ onFinished }: { onFinished: () => void }) {
  const { data } = useListContext();
  const active = useRef<Set<string>>(new Set());
  useEffect(() => {
    const now = new Set((data ?? []).filter((job: RaRecord) => isActive(job)).map((job: RaRecord) => String(job.id)));
    const finished = [...active.current].some((id) => !now.has(id));
    active.current = now;
    if (finished) onFinished();
  }, [data, onFinished]);
  return null;
}

/**
 * The latest backup and drill jobs with the jobs screens' own state chip and progress
 * bar, polled every second while one is queued or running; a row opens the job.
 */
export function BackupJobs({ onFinished }: { onFinished: () => void }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid="backup-jobs">
      <CardHeader title={translate('custos.backups.jobs_title')} slotProps={{ title: { variant: 'subtitle1' } }} sx={{ pb: 0 }} />
      <CardContent>
        <ListBase resource="jobs" filter={{ kind: BACKUP_KINDS }} perPage={5} disableSyncWithLocation queryOptions={{ refetchInterval: pollList }}>
          <FinishWatcher onFinished={onFinished} />
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<span>{translate('custos.backups.no_jobs')}</span>} sx={{ '& th, & td': { whiteSpace: 'nowrap' } }}>
            <TextField source="id" sortable={false} />
            <EnumField source="kind" enumName="JobKind" sortable={false} />
            <JobStateChip source="state" sortable={false} />
            <JobProgressBar source="progress" sortable={false} />
            <StartedBy source="createdBy" sortable={false} />
            <LocaleDateField source="createdAt" showTime sortable={false} />
            <LocaleDateField source="finishedAt" showTime sortable={false} emptyText="—" />
          </Datagrid>
        </ListBase>
      </CardContent>
    </Card>
  );
}
