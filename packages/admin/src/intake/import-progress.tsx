import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import { RecordContextProvider, useLocaleState, useTranslate } from 'react-admin';
import { can } from '../auth/access.ts';
import { useAccess } from '../auth/use-access.ts';
import { JobFollower } from '../cleanup/job-follower.tsx';
import { CancelJobButton } from '../resources/jobs/job-actions.tsx';
import { intlLocale } from '../shared/dates.ts';
import type { ImportProgress as Progress } from './import.logic.ts';

/**
 * An import's job with live progress and Cancel: followed as the job screens do
 * (subscription, polling when it is not live) by roles that read jobs; for the others
 * (SALES, who may cancel its own import) from the import's own progress, which the wizard
 * asks for every second while the job runs.
 */
export function ImportProgress({ progress, onFinished }: { progress: Progress; onFinished: () => void }) {
  const access = useAccess();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (can(access, 'job:read')) return <JobFollower key={progress.jobId} jobId={progress.jobId} onFinished={onFinished} cancellable />;
  const total = progress.total ?? 0;
  const number = (n: number) => n.toLocaleString(intlLocale(locale));
  return (
    <RecordContextProvider value={{ id: progress.jobId, state: progress.state }}>
      <Stack direction="row" spacing={2} alignItems="center" data-testid="job-follower" data-state={progress.state}>
        <Typography variant="body2">{translate(`custos.enums.JobState.${progress.state}`, { _: progress.state })}</Typography>
        <Box sx={{ flex: 1, minWidth: 160 }}>
          <LinearProgress variant={total ? 'determinate' : 'indeterminate'} value={total ? (100 * progress.done) / total : 0} />
        </Box>
        <Typography variant="body2">{total ? `${number(progress.done)} / ${number(total)}` : ''}</Typography>
        <CancelJobButton />
      </Stack>
    </RecordContextProvider>
  );
}
