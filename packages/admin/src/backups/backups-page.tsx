import { Alert, Box, Card, CardContent, CardHeader, Skeleton, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { useBackupSettings, useBackups } from './backups.api.ts';
import { cronHint } from '../resources/archive-policies/cron-hint.ts';
import { can } from '../auth/access.ts';
import { useAccess } from '../auth/use-access.ts';
import { ErrorAlert } from '../shared/error-alert.tsx';
import { BackUpNowButton } from './backup-actions.tsx';
import { BackupJobs } from './backup-jobs.tsx';
import { BackupTable } from './backup-table.tsx';

const BACKUPS_KEY = ['custos', 'Backups'];

/**
 * How backups are kept and restored, with this server's own retention numbers and
 * schedules (`backupSettings`): the dashboard starts backups, the CLI restores.
 */
function Explanation() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const settings = useBackupSettings();
  const s = settings.data;
  const days = s ? translate('custos.backups.retention_days', { smart_count: s.keepDaily }) : '';
  const weeks = s ? translate('custos.backups.retention_weeks', { smart_count: s.keepWeekly }) : '';
  const when = (cron: string) => cronHint(cron, translate, locale);
  return (
    <Card variant="outlined">
      <CardHeader title={translate('custos.backups.about_title')} slotProps={{ title: { variant: 'subtitle1' } }} sx={{ pb: 0 }} />
      <CardContent>
        <Stack spacing={1}>
          <Typography variant="body2">{translate('custos.backups.about_backup')}</Typography>
          {settings.error ? <ErrorAlert error={settings.error} />
            : !s ? <Skeleton variant="text" />
            : (
              <Stack spacing={0.5} data-testid="backup-settings" data-keep-daily={s.keepDaily} data-keep-weekly={s.keepWeekly}>
                <Typography variant="body2" data-testid="backup-retention">
                  {s.keepWeekly > 0 ? translate('custos.backups.about_retention', { days, weeks }) : translate('custos.backups.about_retention_daily', { days })}
                </Typography>
                <Typography variant="body2" data-testid="backup-schedule">
                  {s.schedule ? translate('custos.backups.schedule', { when: when(s.schedule) }) : translate('custos.backups.no_schedule')}
                </Typography>
                <Typography variant="body2" data-testid="backup-drill-schedule">
                  {s.drillSchedule ? translate('custos.backups.drill_schedule', { when: when(s.drillSchedule) }) : translate('custos.backups.no_drill_schedule')}
                </Typography>
              </Stack>
            )}
          <Typography variant="body2">{translate('custos.backups.about_drill')}</Typography>
          <Typography variant="body2">{translate('custos.backups.about_restore')}</Typography>
          <Box component="pre" sx={{ m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1, fontSize: 13, overflowX: 'auto' }}>
            {'cd packages/server\nnode dist/cli.js backup:list\nDATABASE_URL=postgres://…/empty_db node dist/cli.js backup:restore --file <name>.cbk'}
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
}

/** Backups (ADMIN, `backup:manage`): the list, "Back up now", restore drills and their jobs. */
export function BackupsPage() {
  const translate = useTranslate();
  const access = useAccess();
  const allowed = can(access, 'backup:manage');
  const queryClient = useQueryClient();
  const backups = useBackups(allowed);
  // A job started or finished: the jobs panel and the list (new backup, new drill state) catch up.
  const refreshAll = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: BACKUPS_KEY });
    void queryClient.invalidateQueries({ queryKey: ['jobs'] });
  }, [queryClient]);
  const refreshBackups = useCallback(() => void queryClient.invalidateQueries({ queryKey: BACKUPS_KEY }), [queryClient]);
  if (!allowed) return <Alert severity="warning" sx={{ mt: 2 }}>{translate('custos.errors.forbidden')}</Alert>;
  return (
    <Stack spacing={2} sx={{ mt: 1, mb: 4 }} data-testid="backups-page">
      <Title title="custos.backups.title" />
      <Card variant="outlined">
        <CardHeader title={translate('custos.backups.list_title')} slotProps={{ title: { variant: 'subtitle1' } }} action={<BackUpNowButton onStarted={refreshAll} />} />
        <CardContent>
          {backups.isPending ? <Skeleton variant="rounded" height={120} />
            : backups.error ? <ErrorAlert error={backups.error} />
            : <BackupTable backups={backups.data} onStarted={refreshAll} />}
        </CardContent>
      </Card>
      <BackupJobs onFinished={refreshBackups} />
      <Explanation />
    </Stack>
  );
}
