import type pg from 'pg';

/**
 * Gives back to the pool a connection that ends while someone holds it.
 *
 * Kysely (under MikroORM) releases a transaction's connection only once its COMMIT or
 * ROLLBACK has succeeded. When PostgreSQL ends the session inside a transaction (the
 * job pool's idle_in_transaction backstop under load, a terminated backend, a restart),
 * both fail, so the dead connection stayed checked out for ever: the pool lost a slot
 * each time, and `pool.end()` waited for it without end (a job worker's stop hung).
 * Released with an error, pg-pool drops it and opens a fresh one when next needed; the
 * holder's later release, if any, does nothing (test/pool-dropped-connection.test.ts).
 */
export function releaseDeadConnections(pool: pg.Pool): void {
  const held = new WeakSet<pg.PoolClient>();
  pool.on('acquire', (client) => held.add(client));
  pool.on('release', (_error, client) => held.delete(client as pg.PoolClient));
  pool.on('connect', (client) => {
    client.once('end', () => {
      const holder = client as pg.PoolClient;
      if (!held.has(holder)) return;
      held.delete(holder);
      const release = holder.release;
      holder.release = () => undefined;
      release(new Error('connection ended while checked out'));
    });
  });
}
