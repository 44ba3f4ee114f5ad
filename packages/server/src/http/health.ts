import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { DatabaseState } from '../db/database.js';

/**
 * /healthz: is this process worth keeping? Only an embedded PostgreSQL that could not be
 * restarted makes it answer 503, so that an orchestrator restarts the process; a database
 * that is down for a while is a readiness matter.
 *
 * /readyz: can a request be served now? A `select 1` through the same pool the requests
 * use, so it also says when the pool is exhausted. It is answered within READYZ_TIMEOUT_MS
 * whatever the database does, and a probe that hangs is joined by later ones rather than
 * stacking a new one per call in the pool's queue.
 */
export function registerHealth(app: FastifyInstance, orm: MikroORM, config: Config, state: () => DatabaseState = () => 'external'): void {
  app.get('/healthz', async (_req, reply) => {
    if (state() === 'failed') return reply.code(503).send({ status: 'unhealthy', reason: 'database could not be restarted' });
    return { status: 'ok' };
  });

  let probe: Promise<boolean> | undefined;
  const ping = () => {
    probe ??= orm.em
      .getConnection()
      .execute('select 1')
      .then(
        () => true,
        () => false,
      )
      .finally(() => {
        probe = undefined;
      });
    return probe;
  };
  app.get('/readyz', async (_req, reply) => {
    const now = state();
    if (now === 'restarting' || now === 'failed' || now === 'stopped') {
      return reply.code(503).send({ status: 'unavailable', reason: `database ${now}` });
    }
    let timer: NodeJS.Timeout | undefined;
    const answered = await Promise.race([
      ping(),
      new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), config.READYZ_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    if (answered === true) return { status: 'ready' };
    return reply.code(503).send({ status: 'unavailable', reason: answered === 'timeout' ? 'database timeout' : 'database' });
  });
}
