import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutline';
import DownloadOutlinedIcon from '@mui/icons-material/DownloadOutlined';
import DoNotDisturbOnOutlinedIcon from '@mui/icons-material/DoNotDisturbOnOutlined';
import PlayArrowOutlinedIcon from '@mui/icons-material/PlayArrowOutlined';
import { Button, useTranslate } from 'react-admin';
import { ActionDialog } from '../../shared/action-dialog.tsx';
import { LimitedTextInput } from '../../shared/limited-text-input.tsx';
import { useRecordAction } from '../../shared/use-record-action.ts';
import { ReasonInput } from '../customers/lifecycle-inputs.tsx';

const isOpen = (record: Record<string, unknown> | undefined) => record?.['status'] === 'OPEN' || record?.['status'] === 'IN_PROGRESS';

/** Follows a single-use link once; the server names the file (Content-Disposition). */
function follow(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.rel = 'noopener';
  link.download = '';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** Starts the job that gathers everything held about the subject; the page follows it. */
export function RunExportButton() {
  const { record, allowed, action, notify, notifyError, refresh } = useRecordAction('runSubjectAccessExport', 'subject-request:export');
  if (!allowed || !record || !isOpen(record)) return null;
  return (
    <Button
      label="custos.subject_requests.run_export"
      data-testid="subject-run-export"
      disabled={action.isPending}
      onClick={async () => {
        try {
          await action.mutateAsync({ id: record.id });
          notify('custos.subject_requests.export_started', { type: 'info' });
          refresh();
        } catch (error) {
          notifyError(error);
        }
      }}
    >
      <PlayArrowOutlinedIcon />
    </Button>
  );
}

/** The finished export's two files: the complete JSON bundle and the readable summary. */
export function DownloadButtons() {
  const { record, allowed, action, notifyError, refresh } = useRecordAction<{ url: string }>('subjectAccessExportLink', 'subject-request:export');
  if (!allowed || !record || !isOpen(record) || !record['accessExport']) return null;
  const get = async (format: 'JSON' | 'HTML') => {
    try {
      follow((await action.mutateAsync({ id: record.id, format })).url);
      // The download is a step of the request: show it.
      setTimeout(refresh, 1_000);
    } catch (error) {
      notifyError(error);
    }
  };
  return (
    <>
      <Button label="custos.subject_requests.download_json" data-testid="subject-download-json" onClick={() => get('JSON')}><DownloadOutlinedIcon /></Button>
      <Button label="custos.subject_requests.download_html" data-testid="subject-download-html" onClick={() => get('HTML')}><DownloadOutlinedIcon /></Button>
    </>
  );
}

/** Closes the request as answered (its identifiers are then kept masked only). */
export function CompleteButton() {
  const translate = useTranslate();
  const { record, allowed, action, open, setOpen, notify, refresh } = useRecordAction('completeSubjectRequest', 'subject-request:manage');
  if (!allowed || !record || !isOpen(record)) return null;
  return (
    <>
      <Button label="custos.subject_requests.complete" data-testid="subject-complete" onClick={() => setOpen(true)}><CheckCircleOutlineIcon /></Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title="custos.subject_requests.complete_title"
        confirmLabel="custos.subject_requests.complete"
        testId="subject-complete-dialog"
        description={translate('custos.subject_requests.complete_intro')}
        onSubmit={async (values) => {
          await action.mutateAsync({ id: record.id, note: values['note'] });
          setOpen(false);
          notify('custos.subject_requests.completed', { type: 'info' });
          refresh();
        }}
      >
        <LimitedTextInput source="note" label="custos.subject_requests.note" max={1000} multiline minRows={2} fullWidth />
      </ActionDialog>
    </>
  );
}

/** Refuses the request, with the reason told to the person. */
export function RejectButton() {
  const translate = useTranslate();
  const { record, allowed, action, open, setOpen, notify, refresh } = useRecordAction('rejectSubjectRequest', 'subject-request:manage');
  if (!allowed || !record || !isOpen(record)) return null;
  return (
    <>
      <Button label="custos.subject_requests.reject" color="error" data-testid="subject-reject" onClick={() => setOpen(true)}><DoNotDisturbOnOutlinedIcon /></Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title="custos.subject_requests.reject_title"
        confirmLabel="custos.subject_requests.reject"
        color="error"
        testId="subject-reject-dialog"
        description={translate('custos.subject_requests.reject_intro')}
        onSubmit={async (values) => {
          await action.mutateAsync({ id: record.id, reason: values['reason'] });
          setOpen(false);
          notify('custos.subject_requests.rejected', { type: 'info' });
          refresh();
        }}
      >
        <ReasonInput label="custos.subject_requests.reject_reason" />
      </ActionDialog>
    </>
  );
}
