import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import { drainOutboxOnce, type IndexFactory } from './outbox.js';

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
  #wake: (() => void) | undefined;

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
    this.#wake?.();
    await this.#loop;
  }

  async #run(): Promise<void> {
    while (!this.#stopping) {
      let busy = false;
      try {
        const round = await drainOutboxOnce(this.orm.em, this.config, this.options.indexFor);
        busy = round.applied > 0;
        if (round.failed) this.options.log?.(`search sync: ${round.failed} changes failed, retrying with backoff`);
      } catch (error) {
        this.options.log?.(`search sync failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!busy) await this.#sleep(this.config.SEARCH_SYNC_POLL_MS);
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
