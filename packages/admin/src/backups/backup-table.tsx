import { Alert, Chip, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { formatDate } from '../shared/dates.ts';
import { useGetMany, useLocaleState, useTranslate, type RaRecord } from 'react-admin';
import { Link } from 'react-router-dom';
import type { BackupRow } from './backups.api.ts';
import { DrillButton } from './backup-actions.tsx';
import { formatBytes } from './format.ts';

const DRILL_COLORS: Record<string, 'success' | 'error' | 'default'> = { SUCCEEDED: 'success', FAILED: 'error' };

/**
 * The latest drill; its times are the drill job's own record when it can be read (issue
 * 18: the backup's copy of the finish time differed from the job's by seconds).
 */
function LastDrill({ drill, job }: { drill: BackupRow['lastDrill']; job?: RaRecord }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const started = job?.['startedAt'] ? Date.parse(String(job['startedAt'])) : NaN;
  const finished = job?.['finishedAt'] ? Date.parse(String(job['finishedAt'])) : NaN;
  const seconds = Number.isFinite(started) && Number.isFinite(finished) ? (finished - started) / 1000 : (drill?.seconds ?? null);
  if (!drill) return <Typography variant="body2" color="text.secondary" data-testid="drill-state" data-state="">{translate('custos.backups.never_drilled')}</Typography>;
  return (
    <Stack spacing={0.5} data-testid="drill-state" data-state={drill.state}>
      <Stack direction="row" spacing={1} alignItems="center">
        <Chip size="small" color={DRILL_COLORS[drill.state] ?? 'default'} label={translate(`custos.enums.JobState.${drill.state}`, { _: drill.state })}
          component={Link} to={`/jobs/${drill.jobId}/show`} clickable />
        <Typography variant="caption" color="text.secondary">
          {formatDate((job?.['finishedAt'] as string | undefined) ?? drill.finishedAt, locale)}
          {seconds !== null ? ` · ${translate('custos.backups.seconds', { n: seconds.toFixed(1) })}` : ''}
        </Typography>
      </Stack>
      {/* The server's report is for administrators, on the job's page; here only that it failed. */}
      {drill.error ? <Alert severity="error" sx={{ py: 0 }} data-testid="drill-error">{translate('custos.ui.drill_failed')}</Alert> : null}
    </Stack>
  );
}

/** Every finished backup, newest first (the server's order), each with its latest drill. */
export function BackupTable({ backups, onStarted }: { backups: BackupRow[]; onStarted: () => void }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // `createdBy` is a user id; names come from `staff`.
  const ids = [...new Set(backups.map((b) => b.createdBy).filter((id): id is string => !!id))];
  const { data: users } = useGetMany('staff', { ids }, { enabled: ids.length > 0 });
  const drillJobIds = backups.map((b) => b.lastDrill?.jobId).filter((id): id is string => !!id);
  const { data: drillJobs } = useGetMany('jobs', { ids: drillJobIds }, { enabled: drillJobIds.length > 0 });
  const name = (id: string | null) => (id ? String(users?.find((u) => String(u.id) === id)?.['displayName'] ?? `#${id}`) : translate('custos.jobs.scheduled'));
  const h = (key: string) => translate(`custos.backups.columns.${key}`);
  if (backups.length === 0) return <Typography color="text.secondary" data-testid="no-backups">{translate('custos.backups.none')}</Typography>;
  return (
    <TableContainer>
      <Table size="small" data-testid="backup-table">
        <TableHead>
          <TableRow>
            {['createdAt', 'createdBy', 'reason', 'size', 'rows', 'migration', 'drill'].map((key) => <TableCell key={key} align={key === 'size' || key === 'rows' ? 'right' : 'left'}>{h(key)}</TableCell>)}
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {backups.map((b) => (
            <TableRow key={b.id} hover data-testid="backup-row" data-id={b.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <Tooltip title={b.id}><span>{formatDate(b.createdAt, locale)}</span></Tooltip>
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{name(b.createdBy)}</TableCell>
              <TableCell sx={{ minWidth: 160 }}>{b.reason ?? '—'}</TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{formatBytes(b.sizeBytes, locale)}</TableCell>
              <TableCell align="right">
                <Tooltip title={b.tables.map((t) => `${t.name}: ${t.rows.toLocaleString(locale)}`).join('\n')} slotProps={{ tooltip: { sx: { whiteSpace: 'pre-line' } } }}>
                  <span data-testid="backup-rows">{b.totalRows.toLocaleString(locale)}</span>
                </Tooltip>
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{b.migration}<br /><Typography variant="caption" color="text.secondary">PostgreSQL {b.serverVersion}</Typography></TableCell>
              <TableCell><LastDrill drill={b.lastDrill} job={drillJobs?.find((j) => String(j.id) === b.lastDrill?.jobId)} /></TableCell>
              <TableCell><DrillButton backupId={b.id} onStarted={onStarted} /></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
