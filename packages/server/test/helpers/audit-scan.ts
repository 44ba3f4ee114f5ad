import type { TestDatabase } from './test-database.js';

/**
 * Looks for personal data where it must never be in clear: every audit event (changes and
 * reason), every job's result and error, job parameters outside the criteria a job runs
 * on, and export links once used or expired. Any test file can call it over everything its
 * database holds: `expect(await personalDataFindings(server.db, planted)).toEqual([])`.
 */

export interface Finding {
  where: string;
  id: string;
  value: string;
  text: string;
}

/** The forms a value can be stored in: as typed, in lower case, and for phone numbers and
 * identifiers without their separators. */
export function storedForms(value: string): string[] {
  const forms = new Set([value, value.toLowerCase(), value.toUpperCase()]);
  const digits = value.replace(/\D/g, '');
  if (digits.length >= 7 && /^[+\d\s().-]+$/.test(value)) forms.add(digits);
  if (/^[0-9A-Za-z\s-]+$/.test(value) && /\d/.test(value)) forms.add(value.replace(/[\s-]/g, '').toUpperCase());
  return [...forms];
}

/** An email address in clear: masked ones (`z***@example.com`) do not count. */
const EMAIL_IN_CLEAR = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** An absolute path on the server (backup files, data directories). */
const SERVER_PATH = /(?:^|[\s"'(=:])(\/(?:tmp|var|home|root|data|srv|opt|etc|usr|work|run)\/[^\s"')]+)/;

/**
 * Job parameters a job cannot run without: a normalization or policy run needs its search
 * term, a backup writes its reason into the backup's manifest and a sweep into its
 * tombstones. Those job rows are read by ADMIN and MANAGER only, who may use those
 * criteria; their audit copies (JOB_ENQUEUED) are scrubbed like any event.
 */
export const JOB_PARAMS_IN_USE: Record<string, string[][]> = {
  NORMALIZE_CUSTOMERS: [['filter', 'search']],
  ARCHIVE_POLICY_RUN: [['rule', 'segment', 'search'], ['rule', 'criteria', 'search']],
  BACKUP: [['reason']],
  RETENTION_SWEEP: [['reason']],
};

function withoutPaths(value: unknown, paths: string[][]): unknown {
  if (value === null || typeof value !== 'object') return value;
  const copy = structuredClone(value) as Record<string, unknown>;
  for (const path of paths) {
    let node: Record<string, unknown> | undefined = copy;
    for (const key of path.slice(0, -1)) node = node?.[key] as Record<string, unknown> | undefined;
    if (node && typeof node === 'object') delete node[path.at(-1)!];
  }
  return copy;
}

export async function personalDataFindings(db: TestDatabase, planted: readonly string[], options: { emails?: boolean } = {}): Promise<Finding[]> {
  const texts: { where: string; id: string; text: string }[] = [];
  for (const e of await db.query<{ seq: string; action: string; changes: string; reason: string | null }>(
    `select seq::text, action, changes::text, reason from audit_event order by audit_event.seq`,
  )) {
    texts.push({ where: `audit_event ${e.action}`, id: e.seq, text: `${e.changes} ${e.reason ?? ''}` });
  }
  for (const j of await db.query<{ id: string; kind: string; params: unknown; result: unknown; error: string | null }>(
    `select id::text, kind, params, result, error from job order by job.id`,
  )) {
    const params = withoutPaths(j.params, JOB_PARAMS_IN_USE[j.kind] ?? []);
    texts.push({ where: `job ${j.kind}`, id: j.id, text: JSON.stringify([params, j.result, j.error]) });
  }
  for (const x of await db.query<{ id: string; filter: unknown }>(
    `select id, filter from export_request where used_at is not null or expires_at <= now()`,
  )) {
    texts.push({ where: 'export_request (used or expired)', id: x.id.slice(0, 12), text: JSON.stringify(x.filter) });
  }
  const findings: Finding[] = [];
  for (const { where, id, text } of texts) {
    for (const value of planted) {
      const form = storedForms(value).find((f) => text.includes(f) || text.includes(JSON.stringify(f).slice(1, -1)));
      if (form) findings.push({ where, id, value, text: excerpt(text, form) });
    }
    if (options.emails !== false) {
      for (const match of text.matchAll(EMAIL_IN_CLEAR)) findings.push({ where, id, value: match[0], text: excerpt(text, match[0]) });
    }
    const path = SERVER_PATH.exec(text);
    if (path && where.startsWith('job')) findings.push({ where, id, value: path[1]!, text: excerpt(text, path[1]!) });
  }
  return findings;
}

function excerpt(text: string, value: string): string {
  const at = text.indexOf(value);
  return text.slice(Math.max(0, at - 60), at + value.length + 60);
}
