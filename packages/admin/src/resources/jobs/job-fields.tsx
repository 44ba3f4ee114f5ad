import { Box, Chip, LinearProgress, Typography } from '@mui/material';
import type { Query } from '@tanstack/react-query';
import { FunctionField, useLocaleState, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { intlLocale } from '../../shared/dates.ts';

const ACTIVE = ['QUEUED', 'RUNNING'];
const COLORS: Record<string, 'default' | 'info' | 'success' | 'error' | 'warning'> = {
  QUEUED: 'default',
  RUNNING: 'info',
  SUCCEEDED: 'success',
  FAILED: 'error',
  CANCELLED: 'warning',
};

export const isActive = (job: RaRecord | undefined) => !!job && ACTIVE.includes(String(job['state']));

/**
 * Poll every second while a job shown is queued or running, and stop once none is:
 * the fallback when the `jobUpdated` subscription (job-live.ts) is not live.
 */
// `any`: react-admin types the query by its result shape, which differs per hook.
export function pollList(query: Query<any, any, any, any>): number | false {
  const rows = (query.state.data as { data?: RaRecord[] } | undefined)?.data ?? [];
  return rows.some(isActive) ? 1000 : false;
}

export function pollOne(query: Query<any, any, any, any>): number | false {
  return isActive(query.state.data as RaRecord | undefined) ? 1000 : false;
}

export function JobStateChip(_props: { source?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const state = String(record['state']);
  const cancelling = record['cancelRequested'] && ACTIVE.includes(state);
  return (
    <Chip
      size="small"
      color={COLORS[state] ?? 'default'}
      label={translate(`custos.enums.JobState.${state}`, { _: state }) + (cancelling ? ` · ${translate('custos.jobs.cancelling')}` : '')}
      data-testid="job-state"
      data-state={state}
    />
  );
}

/**
 * done/total as a bar; indeterminate while the job has not counted its work yet. A
 * SUCCEEDED job did all its work, so its bar is full and says how many units it did
 * (issue 18: the total is counted before the run and may have shrunk meanwhile, which
 * showed a finished job at 94%).
 */
export function JobProgressBar(_props: { source?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const progress = (record['progress'] as { done: number; total: number | null } | undefined) ?? { done: 0, total: null };
  const state = String(record['state']);
  const succeeded = state === 'SUCCEEDED';
  const { done, total } = progress;
  const n = (v: number) => v.toLocaleString(intlLocale(locale));
  const percent = succeeded ? 100 : total ? Math.min(100, Math.round((done / total) * 100)) : 0;
  const indeterminate = state === 'RUNNING' && !total;
  const caption = succeeded ? translate('custos.ui.job_units_done', { smart_count: done, count: n(done) })
    : total !== null ? `${n(done)} / ${n(total)} (${percent}%)` : n(done);
  return (
    <Box sx={{ minWidth: 160 }} data-testid="job-progress" data-done={done} data-total={total ?? ''} data-percent={percent}>
      <LinearProgress variant={indeterminate ? 'indeterminate' : 'determinate'} value={percent} color={state === 'FAILED' ? 'error' : succeeded ? 'success' : 'primary'} />
      <Typography variant="caption" color="text.secondary">{caption}</Typography>
    </Box>
  );
}

export function StartedBy(_props: { source?: string; sortable?: boolean }) {
  const translate = useTranslate();
  return (
    <FunctionField
      source="createdBy"
      render={(r: RaRecord) => (r['createdBy'] as { displayName?: string } | null)?.displayName ?? translate('custos.jobs.scheduled')}
    />
  );
}
