import BackupOutlinedIcon from '@mui/icons-material/BackupOutlined';
import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import { Button as MuiButton, CircularProgress } from '@mui/material';
import { Button, TextInput, useTranslate } from 'react-admin';
import { ActionDialog } from '../shared/action-dialog.tsx';
import { useRecordAction } from '../shared/use-record-action.ts';

/** "Back up now": a reason (optional, kept in the backup's manifest), then a BACKUP job. */
export function BackUpNowButton({ onStarted }: { onStarted: () => void }) {
  const translate = useTranslate();
  const { allowed, action, open, setOpen, notify } = useRecordAction<{ id: string }>('startBackup', 'backup:manage', { needsRecord: false });
  if (!allowed) return null;
  return (
    <>
      <Button label="custos.backups.back_up_now" variant="contained" onClick={() => setOpen(true)} data-testid="back-up-now"><BackupOutlinedIcon /></Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title="custos.backups.back_up_title"
        confirmLabel="custos.backups.back_up_start"
        description={translate('custos.backups.back_up_help')}
        testId="backup-dialog"
        onSubmit={async (values) => {
          const reason = String(values['reason'] ?? '').trim();
          const job = await action.mutateAsync(reason ? { reason } : {});
          setOpen(false);
          notify('custos.backups.started', { type: 'info', messageArgs: { id: job.id } });
          onStarted();
        }}
      >
        <TextInput source="reason" label="custos.backups.reason" multiline fullWidth />
      </ActionDialog>
    </>
  );
}

/** Restores one backup into a scratch database and compares it with its manifest (a BACKUP_DRILL job). */
export function DrillButton({ backupId, onStarted }: { backupId: string; onStarted: () => void }) {
  const translate = useTranslate();
  const { allowed, action, notify, notifyError } = useRecordAction<{ id: string }>('startBackupDrill', 'backup:manage', { needsRecord: false });
  if (!allowed) return null;
  return (
    <MuiButton
      size="small"
      disabled={action.isPending}
      startIcon={action.isPending ? <CircularProgress size={14} /> : <FactCheckOutlinedIcon />}
      data-testid="drill-button"
      sx={{ whiteSpace: 'nowrap' }}
      onClick={() => action.mutate({ id: backupId }, {
        onSuccess: (job) => {
          notify('custos.backups.drill_started', { type: 'info', messageArgs: { id: job.id } });
          onStarted();
        },
        onError: notifyError,
      })}
    >
      {translate('custos.backups.drill')}
    </MuiButton>
  );
}
