import type pg from 'pg';
import { connectClient } from '../../db/pg-client.js';
import { HEARTBEAT_SQL } from './job.queue.js';

/**
 * Keeps a worker's leases fresh from a connection of its own. Beats drawn from a pool
 * would queue behind whatever holds the pool (a heartbeat per tick, each waiting, was
 * how a restore drill once took every connection of the server); here there is at most
 * one beat in flight, it gives up on a row lock after a short wait instead of queueing,
 * and a dropped connection is simply opened again at the next tick.
 */
export class LeaseHeartbeat {
  #client: pg.Client | undefined;
  #inFlight: Promise<void> | undefined;
  #failures = 0;

  constructor(
    private readonly url: string,
    private readonly workerId: string,
    private readonly lockWaitMs: number,
    /** `consecutive` counts failed beats since the last good one, so callers can keep
     * an outage from filling the log. */
    private readonly onError: (error: unknown, consecutive: number) => void,
  ) {}

  /** Refreshes `ids`; a beat still in flight from the last tick makes this one a no-op. */
  async beat(ids: readonly string[]): Promise<void> {
    if (ids.length === 0 || this.#inFlight) return;
    this.#inFlight = this.#beat(ids).finally(() => {
      this.#inFlight = undefined;
    });
    await this.#inFlight;
  }

  /**
   * Ends the connection once a beat in flight is done. Waiting matters: a beat that is
   * still connecting when the worker stops would otherwise keep the connection it opens
   * after this returned, and the process (its socket open) would never exit on SIGTERM
   * (a worker of the crash-loop test hung so, after its job had succeeded).
   */
  async close(): Promise<void> {
    await this.#inFlight?.catch(() => undefined);
    await this.#drop();
  }

  async #beat(ids: readonly string[]): Promise<void> {
    try {
      const client = await this.#connection();
      await client.query(HEARTBEAT_SQL, [ids, this.workerId]);
      this.#failures = 0;
    } catch (error) {
      this.#failures += 1;
      this.onError(error, this.#failures);
      await this.#drop();
    }
  }

  async #drop(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  async #connection(): Promise<pg.Client> {
    if (this.#client) return this.#client;
    const client = await connectClient(this.url, 'custos-job-heartbeat');
    try {
      await client.query(`select set_config('lock_timeout', $1, false), set_config('statement_timeout', $2, false)`, [
        `${this.lockWaitMs}ms`,
        `${this.lockWaitMs * 2}ms`,
      ]);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.#client = client;
    return client;
  }
}
