import type { RaRecord } from 'react-admin';
import { formatDate } from '../../shared/dates.ts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A job as people name it: what it did and when it was queued (its number is nobody's
 * reading). Used by the job screen's title and by links to a job (audit log). */
export function jobLabel(job: RaRecord, translate: Translate, locale: string): string {
  const kind = translate(`custos.enums.JobKind.${String(job['kind'])}`, { _: String(job['kind']) });
  return translate('custos.audit.job_label', { kind, at: formatDate(String(job['createdAt']), locale) });
}
