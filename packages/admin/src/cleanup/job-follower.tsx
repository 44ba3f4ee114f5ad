import { Stack } from '@mui/material';
import { useEffect, useRef } from 'react';
import { RecordContextProvider, useGetOne } from 'react-admin';
import { CancelJobButton } from '../resources/jobs/job-actions.tsx';
import { JobProgressBar, JobStateChip, isActive, pollOne } from '../resources/jobs/job-fields.tsx';
import { useJobUpdates, withLiveJob } from '../resources/jobs/job-live.ts';

/**
 * A started job's state and progress, pushed by the server (polled every second while
 * it runs when no subscription is live), with the jobs screens' own chip and bar;
 * `onFinished` once it leaves QUEUED/RUNNING, so the screen that started it can reload
 * what the job changed. `cancellable`: with the job screens' Cancel (for roles that may).
 */
export function JobFollower({ jobId, onFinished, cancellable = false }: { jobId: string; onFinished?: () => void; cancellable?: boolean }) {
  const { job, live } = useJobUpdates(jobId);
  const { data: read } = useGetOne('jobs', { id: jobId }, { refetchInterval: live ? false : pollOne });
  const data = withLiveJob(read, job);
  const reported = useRef(false);
  useEffect(() => {
    if (data && !isActive(data) && !reported.current) {
      reported.current = true;
      onFinished?.();
    }
  }, [data, onFinished]);
  if (!data) return null;
  return (
    <RecordContextProvider value={data}>
      <Stack direction="row" spacing={2} alignItems="center" data-testid="job-follower" data-state={String(data['state'])}>
        <JobStateChip />
        <JobProgressBar />
        {cancellable ? <CancelJobButton /> : null}
      </Stack>
    </RecordContextProvider>
  );
}
