import { globalId } from '../../shared/global-id.ts';
import { Alert, Box, Stack, Typography } from '@mui/material';
import { Link, useLocaleState, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { formatBytes } from '../../backups/format.ts';
import { formatDate, intlLocale, looksLikeTime } from '../../shared/dates.ts';
import { RawData } from '../audit-events/changes-diff.tsx';

type Values = Record<string, unknown>;

/** A job's result in the summary's placeholders, per kind (see each job handler's `result`). */
function summaryArgs(kind: string, r: Values, num: (v: unknown) => string, locale: string, translate: (key: string) => string): Values | null {
  switch (kind) {
    case 'ARCHIVE_POLICY_RUN':
    case 'ARCHIVE_INTERACTIONS':
      return { customers: num(r['customers']), interactions: num(r['interactions']) };
    case 'RETENTION_SWEEP': {
      const bin = (r['scheduledPurges'] ?? {}) as Values;
      return { customers: num(r['customers']), interactions: num(r['interactions']), purged: num(bin['purged'] ?? 0) };
    }
    case 'CLASSIFY_LIFECYCLE':
      return { changed: num(r['changed']), scanned: num(r['scanned']) };
    case 'BACKUP':
      return { size: typeof r['sizeBytes'] === 'number' ? formatBytes(r['sizeBytes'], locale) : '—', rows: num(r['totalRows']), pruned: num(Array.isArray(r['pruned']) ? r['pruned'].length : 0) };
    case 'BACKUP_DRILL':
      return { backup: String(r['backup'] ?? '') };
    case 'REINDEX_SEARCH':
      return { indexed: num(r['indexed']), removed: num(r['removed']) };
    case 'NORMALIZE_CUSTOMERS':
      return { values: num(r['changedValues']), customers: num(r['changedCustomers']), scanned: num(r['scanned']) };
    case 'DETECT_DUPLICATES':
      return { groups: num(r['groups']), pairs: num(r['pairs']) };
    case 'COUNT_DATA_QUALITY':
      return { issues: num(r['issues']), scanned: num(r['scanned']) };
    case 'RESOLVE_DATA_QUALITY':
      return { resolved: num(r['resolved']), customers: num(r['customers']), skipped: num(r['skipped']) };
    case 'ROTATE_ENCRYPTION_KEYS':
      return { live: num(r['liveCustomers']), archived: num(r['archivedCustomers']) };
    case 'IMPORT_CUSTOMERS':
      return { created: num(r['created']), updated: num(r['updated']), skipped: num(r['skipped']), queued: num(r['queued']), errored: num(r['errored']) };
    case 'UNDO_CUSTOMER_IMPORT':
      return { removed: num(r['removed']), voided: num(r['voided']), restored: num(r['restored']), kept: num(r['kept']) };
    case 'APPROVED_OPERATION':
      // The operation in words; the request's id is nobody's reading (and opaque under global ids).
      return { operation: translate(`custos.enums.ApprovalOperation.${String(r['operation'])}`) };
    default:
      return null;
  }
}

/** Where to see what the job changed. */
function viewLink(kind: string, job: RaRecord): string | null {
  const params = (job['params'] ?? {}) as Values;
  switch (kind) {
    case 'ARCHIVE_POLICY_RUN':
      return params['policyId'] ? `/archived-customers?filter=${encodeURIComponent(JSON.stringify({ policyId: String(params['policyId']) }))}` : '/archived-customers';
    case 'RETENTION_SWEEP':
      // A sweep of the bin alone (RECYCLE_BIN_SCHEDULE) changed nothing in the archive.
      return params['scope'] === 'RECYCLE_BIN' ? '/recycle-bin' : '/archived-customers';
    case 'ARCHIVE_INTERACTIONS':
      return '/archived-customers';
    case 'DETECT_DUPLICATES':
      return '/duplicates';
    case 'COUNT_DATA_QUALITY':
    case 'RESOLVE_DATA_QUALITY':
      return '/data-quality';
    case 'BACKUP':
    case 'BACKUP_DRILL':
      return '/backups';
    case 'NORMALIZE_CUSTOMERS':
    case 'CLASSIFY_LIFECYCLE':
      return '/customers';
    case 'IMPORT_CUSTOMERS':
    case 'UNDO_CUSTOMER_IMPORT':
      return params['importId'] ? `/imports/${String(params['importId'])}` : null;
    case 'APPROVED_OPERATION':
      return '/approvals';
    default:
      return null;
  }
}

/** Server file paths are nobody's business on screen: only the file's own name stays. */
export function withoutPaths(value: unknown): unknown {
  if (typeof value === 'string') return /^(\/|[A-Za-z]:\\)/.test(value) ? value.split(/[\\/]/).pop() : value;
  if (Array.isArray(value)) return value.map(withoutPaths);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutPaths(v)]));
  return value;
}

const PARAMS = ['policyId', 'reason', 'asOf', 'olderThan', 'newDays', 'activeDays', 'inactiveDays', 'backup', 'name', 'keyId', 'importId'];

/**
 * A job in words (issue 18): what it was asked to do and what it did ("4 customers and
 * 12 interactions archived → view"), failures as the error alert; the raw parameters
 * and result only behind a toggle, without server file paths.
 */
export function JobSummary() {
  const job = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!job) return null;
  const kind = String(job['kind']);
  const result = (job['result'] ?? null) as Values | null;
  const params = (job['params'] ?? {}) as Values;
  const num = (v: unknown) => (typeof v === 'number' ? v.toLocaleString(intlLocale(locale)) : '0');
  const args = result ? summaryArgs(kind, result, num, locale, translate) : null;
  const link = result ? viewLink(kind, job) : null;
  const asked = PARAMS.filter((key) => params[key] !== undefined && params[key] !== null && params[key] !== '');
  // A reason the server wrote comes with a code: shown in the reader's words, not its English.
  const reasonCode = typeof job['reasonCode'] === 'string' ? job['reasonCode'] : null;
  const show = (key: string, value: unknown) =>
    key === 'reason' && reasonCode ? translate(`custos.enums.JobReasonCode.${reasonCode}`, { policy: String(params['policyName'] ?? ''), _: String(value) })
    : typeof value === 'string' && looksLikeTime(value) ? formatDate(value, locale) : String(withoutPaths(value));
  return (
    <Stack spacing={1.5} data-testid="job-summary">
      <Box>
        <Typography variant="subtitle2" color="text.secondary">{translate('custos.records.jobs.summary')}</Typography>
        {args ? (
          <Typography variant="body1" data-testid="job-result-summary">
            {translate(`custos.records.jobs.${kind}${kind === 'IMPORT_CUSTOMERS' && result?.['dryRun'] === true ? '_DRY' : ''}`, args)}
            {link ? <>{' → '}<Link to={link} data-testid="job-result-link">{translate('custos.records.jobs.view')}</Link></> : null}
          </Typography>
        ) : job['error'] ? null : <Typography variant="body2" color="text.secondary">{translate('custos.records.jobs.none')}</Typography>}
      </Box>
      {asked.length ? (
        <Box data-testid="job-params">
          <Typography variant="subtitle2" color="text.secondary">{translate('custos.records.jobs.parameters')}</Typography>
          <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5 }}>
            {asked.map((key) => (
              <Box key={key} sx={{ display: 'contents' }}>
                <Typography component="dt" variant="body2" color="text.secondary">{translate(`custos.records.jobs.params.${key}`)}</Typography>
                <Typography component="dd" variant="body2" sx={{ m: 0 }} data-param={key}>
                  {key === 'policyId' ? <Link to={`/archive-policies/${globalId('ArchivePolicy', String(params[key]))}/show`}>{`#${String(params[key])}`}</Link> : show(key, params[key])}
                </Typography>
              </Box>
            ))}
          </Box>
        </Box>
      ) : null}
      {job['error'] ? <Alert severity="error" data-testid="job-error">{translate('custos.ui.job_failed')}</Alert> : null}
      <Box data-testid="job-result"><RawData value={withoutPaths({ params, result, error: job['error'] ?? null })} testId="job-raw" /></Box>
    </Stack>
  );
}
