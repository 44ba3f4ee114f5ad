import { connectClient } from '../../src/db/pg-client.js';

/** A teardown step this slow is stuck, not busy: stopping a worker waits 10 s at most for
 * its batch, and closing a server or a pool takes milliseconds when nothing holds them. */
const REPORT_AFTER_MS = 30_000;
/** Then the file moves on (below Jest's unscaled 60 s hook timeout), its tests having run. */
const GIVE_UP_AFTER_MS = 45_000;

/**
 * Runs one teardown step. Twice in full runs on a loaded machine a test file's teardown
 * (stopping its job worker, closing its server) did not end in minutes after every test
 * had passed, and alone it never hung; so a step that is still running after 30 s writes
 * what the database's sessions are doing (who waits on what) to stderr, and after 45 s
 * the teardown goes on without it rather than failing a file whose tests all passed.
 */
export async function watched(what: string, databaseUrl: string | undefined, step: () => Promise<unknown>): Promise<void> {
  let settled = false;
  const running = step().finally(() => (settled = true));
  const timers: NodeJS.Timeout[] = [];
  const after = (ms: number) => new Promise<'late'>((resolve) => timers.push(setTimeout(() => resolve('late'), ms)));
  try {
    if ((await Promise.race([running, after(REPORT_AFTER_MS)])) !== 'late') return;
    if (settled) return;
    process.stderr.write(`teardown: ${what} still running after ${REPORT_AFTER_MS / 1000} s\n${await sessions(databaseUrl)}\n`);
    if ((await Promise.race([running, after(GIVE_UP_AFTER_MS - REPORT_AFTER_MS)])) === 'late' && !settled) {
      process.stderr.write(`teardown: ${what} still running after ${GIVE_UP_AFTER_MS / 1000} s; going on without it\n`);
    }
  } finally {
    for (const timer of timers) clearTimeout(timer);
  }
}

/** The database's other sessions: state, what they wait on, and their statement. */
async function sessions(databaseUrl: string | undefined): Promise<string> {
  if (!databaseUrl) return '  (no database)';
  try {
    const client = await connectClient(databaseUrl, 'teardown-diagnosis');
    try {
      const { rows } = await client.query<Record<string, string>>(
        `select pid, application_name, state, wait_event_type || ':' || wait_event as waiting,
                round(extract(epoch from now() - xact_start))::text || ' s' as in_transaction, left(query, 160) as query
           from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() order by pid`,
      );
      return rows.map((r) => `  ${Object.values(r).join(' | ')}`).join('\n') || '  (no other session)';
    } finally {
      await client.end();
    }
  } catch (error) {
    return `  (sessions not readable: ${String(error)})`;
  }
}
