import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import { drainOutboxOnce, type IndexFactory } from './outbox.js';
import { Pause } from '../common/pause.js';

/**
 * Keeps the search index in step with the archive by draining the outbox.
 *
 * It runs its own loop rather than as a PollTask of the job worker: that worker polls
 * only between jobs, and an archive policy run over a million customers keeps it busy
 * for minutes, so the index would fall behind by exactly the run it should be following.
 * Any number of these loops (in several servers, or `search:sync` processes) can run at
 * once: claims skip rows others hold, and applies are serialised (see outbox.ts).
 */
export class SearchSyncWorker {
  #stopping = false;
  #loop: Promise<void> | undefined;
  readonly #pause = new Pause();

  constructor(
    private readonly orm: MikroORM,
    private readonly config: Config,
    private readonly options: { log?: (message: string) => void; indexFor?: IndexFactory } = {},
  ) {}

  start(): void {
    this.#loop ??= this.#run();
  }

  /** Lets the round in progress finish (its transaction commits or rolls back), then stops. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#pause.wake();
    await this.#loop;
  }

  async #run(): Promise<void> {
    // Rounds failed in a row: while the database is down every round fails, and polling
    // (and logging) at the usual pace would only add noise until it is back.
    let failures = 0;
    while (!this.#stopping) {
      let busy = false;
      try {
        const round = await drainOutboxOnce(this.orm.em, this.config, this.options.indexFor);
        if (failures > 0) this.options.log?.(`search sync: working again after ${failures} failed rounds`);
        failures = 0;
        busy = round.applied > 0;
        if (round.failed) this.options.log?.(`search sync: ${round.failed} changes failed, retrying with backoff`);
      } catch (error) {
        failures++;
        const pause = this.#pauseAfter(failures);
        this.options.log?.(`search sync failed (${failures} in a row, next try in ${pause} ms): ${error instanceof Error ? error.message : String(error)}`);
        await this.#pause.for(pause);
        continue;
      }
      if (!busy) await this.#pause.for(this.config.SEARCH_SYNC_POLL_MS);
    }
  }

  /** The poll interval, doubled per failed round, up to SEARCH_SYNC_MAX_BACKOFF_MS but no
   * more than 10 s: the index should catch up soon once the database is back. */
  #pauseAfter(failures: number): number {
    const cap = Math.max(this.config.SEARCH_SYNC_POLL_MS, Math.min(this.config.SEARCH_SYNC_MAX_BACKOFF_MS, 10_000));
    return Math.min(this.config.SEARCH_SYNC_POLL_MS * 2 ** Math.min(failures - 1, 20), cap);
  }

}
