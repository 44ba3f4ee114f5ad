import pg from 'pg';

/**
 * A dedicated connection outside the ORM's pool: a backup's snapshot, a COPY stream,
 * an export's REPEATABLE READ read, admin statements such as CREATE DATABASE.
 *
 * `pg` reports a session the server dropped (pg_terminate_backend, a restart, a failover)
 * as an `'error'` event on the client, and an `'error'` event nobody listens for ends the
 * whole process. The query in flight rejects on its own and every later one fails, so the
 * step that owns the connection fails and can be retried; here the event is only
 * recorded, never fatal.
 */
export async function connectClient(
  url: string,
  applicationName: string,
  /** More client settings, e.g. TCP keep-alive for a connection that mostly waits (LISTEN). */
  options: Omit<pg.ClientConfig, 'connectionString' | 'application_name'> = {},
): Promise<pg.Client> {
  const client = new pg.Client({ ...options, connectionString: url, application_name: applicationName });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return client;
}
