import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * Named (server-side prepared) statements for the hot reads whose text depends only on
 * the shape of a request, not its values: a read plan's statement for one GraphQL
 * selection. PostgreSQL then parses and plans such a statement once per connection
 * instead of once per request; on the nested list that planning cost more than running
 * it (0.44 ms of planning against 0.24 ms of execution at page 10, pg_stat_statements with
 * track_planning), which is what PostGraphile's prepared statements were saving.
 *
 * A connection keeps at most `PER_CONNECTION` statements; past that a statement runs
 * unnamed (parsed and planned as before), so many distinct selections cannot grow a
 * session's memory without end. The first shapes a connection sees keep their slot: the
 * hot ones come first in practice, and nothing is evicted, so no statement is ever
 * prepared twice on one connection.
 */
const PER_CONNECTION = 200;
/** Statement names by text: hashing a 1–3 kB text costs a few microseconds, a lookup less. */
const NAMES_KEPT = 2_000;

const names = new Map<string, string>();
const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    if (names.size >= NAMES_KEPT) names.clear();
    // 63 bytes is PostgreSQL's identifier limit; 120 bits keep collisions out of reach.
    name = `custos_${createHash('sha256').update(text).digest('base64url').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/** Runs `text` on a connection of `pool` as a named statement when that connection has
 * room for it (or has it already), else unnamed. */
export async function queryPrepared<T>(pool: pg.Pool, text: string, values: readonly unknown[], perConnection = PER_CONNECTION): Promise<T[]> {
  const name = statementName(text);
  const client = await pool.connect();
  let failed: Error | undefined;
  try {
    let prepared = preparedOn.get(client);
    if (!prepared) {
      prepared = new Set();
      preparedOn.set(client, prepared);
    }
    // Counted when sent: one that failed to parse takes a slot it does not use, which
    // only makes the bound a little stricter.
    const named = prepared.has(name) || prepared.size < perConnection;
    if (named) prepared.add(name);
    const result = await client.query<T & pg.QueryResultRow>(named ? { name, text, values: values as unknown[] } : { text, values: values as unknown[] });
    return result.rows;
  } catch (error) {
    // A connection that broke mid-statement is not given back for reuse.
    if (isConnectionError(error)) failed = error as Error;
    throw error;
  } finally {
    client.release(failed);
  }
}

/** Errors that leave the connection unusable (as opposed to a statement PostgreSQL refused,
 * which carries an SQLSTATE and leaves the session fine). A session the server ends while a
 * statement runs (pg_terminate_backend, a shutdown: 57P01–57P05) or a connection failure
 * (class 08) carries an SQLSTATE too, and its connection is closing: given back, the next
 * statement on it failed with "Connection terminated unexpectedly". */
function isConnectionError(error: unknown): boolean {
  const code = error && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return true;
  return code.startsWith('57P') || code.startsWith('08');
}
