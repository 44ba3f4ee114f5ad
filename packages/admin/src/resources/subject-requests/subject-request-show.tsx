import { Box, Card, CardContent, Grid, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Labeled, Link, Show, TextField, TopToolbar, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { canRead } from '../../auth/access.ts';
import { useAccess } from '../../auth/use-access.ts';
import { LocaleDateField } from '../../shared/date-field.tsx';
import { formatDate } from '../../shared/dates.ts';
import { EnumField, GuardedTextField } from '../../shared/fields.tsx';
import { DueField } from './subject-request-list.tsx';
import { CompleteButton, DownloadButtons, RejectButton, RunExportButton } from './subject-request-actions.tsx';
import { formatDay } from './subject-day.ts';
import { SubjectMatches } from './subject-matches.tsx';

function Actions() {
  return (
    <TopToolbar>
      <RunExportButton />
      <DownloadButtons />
      <CompleteButton />
      <RejectButton />
    </TopToolbar>
  );
}

function Cell({ children, md = 3 }: { children: ReactNode; md?: number }) {
  return <Grid size={{ xs: 12, sm: 6, md }}>{children}</Grid>;
}

const IDENTIFIERS = ['subjectName', 'email', 'phone', 'taxId'] as const;

function Details() {
  const record = useRecordContext();
  const access = useAccess();
  const [locale] = useLocaleState();
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Grid container spacing={2}>
        <Cell><Labeled source="status"><EnumField source="status" enumName="SubjectRequestStatus" chip /></Labeled></Cell>
        <Cell><Labeled source="kind"><EnumField source="kind" enumName="SubjectRequestKind" /></Labeled></Cell>
        <Cell><Labeled source="regime"><EnumField source="regime" enumName="SubjectRequestRegime" /></Labeled></Cell>
        <Cell><Labeled source="language"><EnumField source="language" enumName="SubjectLanguage" /></Labeled></Cell>
        <Cell><Labeled source="receivedOn"><Typography variant="body2">{formatDay(record['receivedOn'], locale)}</Typography></Labeled></Cell>
        <Cell><Labeled source="dueOn"><DueField /></Labeled></Cell>
        <Cell><Labeled source="reference"><TextField source="reference" emptyText="—" /></Labeled></Cell>
        <Cell><Labeled source="createdAt"><LocaleDateField source="createdAt" showTime /></Labeled></Cell>
        {IDENTIFIERS.filter((f) => canRead(access, `SubjectRequest.${f}`)).map((f) => (
          <Cell key={f}><Labeled source={f}><GuardedTextField source={f} typeName="SubjectRequest" /></Labeled></Cell>
        ))}
        {record['closedAt'] ? <Cell><Labeled source="closedAt"><LocaleDateField source="closedAt" showTime /></Labeled></Cell> : null}
        {record['outcome'] ? <Cell md={9}><Labeled source="outcome"><TextField source="outcome" /></Labeled></Cell> : null}
      </Grid>
    </Box>
  );
}

interface Step { id: string; at: string; action: string; customerId: string | null; customerCode: string | null; jobId: string | null; fields: string[] }
interface ExportInfo { createdAt: string; expiresAt: string; customers: number; interactions: number; history: number; merges: number; accessLog: number }

function ExportCard() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const info = record?.['accessExport'] as ExportInfo | null | undefined;
  if (!info) return null;
  const parts = (['customers', 'interactions', 'history', 'merges', 'accessLog'] as const).map((k) => translate(`custos.subject_requests.counts.${k}`, { smart_count: info[k] }));
  return (
    <Card variant="outlined" sx={{ m: 2 }} data-testid="subject-export">
      <CardContent>
        <Typography variant="h6" gutterBottom>{translate('custos.subject_requests.export_title')}</Typography>
        <Typography variant="body2">{parts.join(locale.startsWith('zh') ? '，' : ', ')}</Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('custos.subject_requests.export_expires', { at: formatDate(info.expiresAt, locale) })}
        </Typography>
      </CardContent>
    </Card>
  );
}

function Steps() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const steps = (record?.['steps'] as Step[] | undefined) ?? [];
  const field = (f: string) => translate(`custos.subject_requests.fields_erased.${f.replace('.', '_')}`, { _: translate(`resources.customers.fields.${f}`, { _: f }) });
  return (
    <Card variant="outlined" sx={{ m: 2 }}>
      <CardContent>
        <Typography variant="h6" gutterBottom>{translate('custos.subject_requests.steps_title')}</Typography>
        <Table size="small" data-testid="subject-steps">
          <TableHead>
            <TableRow>
              <TableCell>{translate('custos.subject_requests.step_at')}</TableCell>
              <TableCell>{translate('custos.subject_requests.step_action')}</TableCell>
              <TableCell>{translate('custos.subject_requests.step_record')}</TableCell>
              <TableCell>{translate('custos.subject_requests.step_fields')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {steps.map((s) => (
              <TableRow key={s.id} data-testid="subject-step" data-action={s.action}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(s.at, locale)}</TableCell>
                <TableCell>{translate(`custos.enums.SubjectRequestStepAction.${s.action}`, { _: s.action })}</TableCell>
                <TableCell>
                  {s.customerId ? <Link to={`/customers/${s.customerId}/show`}>{s.customerCode ?? s.customerId}</Link> : s.jobId ? <Link to={`/jobs/${s.jobId}/show`}>{translate('custos.subject_requests.job', { id: s.jobId })}</Link> : '—'}
                </TableCell>
                <TableCell>{s.fields.length ? s.fields.map(field).join(locale.startsWith('zh') ? '、' : ', ') : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

/** One request: its details, the records it matches (and erasure of them), its export and every step. */
export function SubjectRequestShow() {
  return (
    <Show actions={<Actions />} queryOptions={{ refetchInterval: (query) => (hasQueuedExport(query.state.data) ? 2_000 : false) }}>
      <Details />
      <ExportCard />
      <SubjectMatches />
      <Steps />
    </Show>
  );
}

/** While an export is queued and not yet ready, the page follows it. */
function hasQueuedExport(record: unknown): boolean {
  const steps = ((record as { steps?: Step[] } | undefined)?.steps ?? []).map((s) => s.action);
  return steps.lastIndexOf('EXPORT_QUEUED') > steps.lastIndexOf('EXPORT_READY');
}
