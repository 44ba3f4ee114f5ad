import { availableParallelism } from 'node:os';
import { signInBusy } from './identity.errors.js';

/** A place in the pool, taken before any other work so a full queue costs nothing. */
export interface HashTicket {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Gives the place back unused (the attempt was refused for another reason). */
  release(): void;
}

/**
 * Bounds password hashing. argon2 runs on libuv's thread pool (4 threads by default),
 * which WebCrypto (our JWT checks), DNS and file I/O share: 40 parallel sign-ins held
 * every thread and stretched an authenticated request from ~20 ms to seconds. At most
 * `concurrency` hashes run at once, at most `queueMax` wait, and the rest are refused at
 * once with a Retry-After estimated from the recent hash time.
 */
export class HashPool {
  readonly concurrency: number;
  #running = 0;
  /** Tickets taken and not yet finished or released: running + waiting + reserved. */
  #held = 0;
  readonly #waiting: (() => void)[] = [];
  /** Exponentially weighted mean of recent hash durations. */
  #meanMs = 200;

  constructor(
    concurrency: number,
    readonly queueMax: number,
  ) {
    this.concurrency = concurrency > 0 ? concurrency : defaultConcurrency();
  }

  get held(): number {
    return this.#held;
  }

  /** Takes a place, or throws SIGN_IN_BUSY (TOO_MANY_REQUESTS) when all are taken. */
  reserve(): HashTicket {
    if (this.#held >= this.concurrency + this.queueMax) {
      throw signInBusy(((this.#held / this.concurrency) + 1) * this.#meanMs);
    }
    this.#held += 1;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      this.#held -= 1;
    };
    return {
      run: async <T>(work: () => Promise<T>): Promise<T> => {
        if (done) throw new Error('hash ticket used twice');
        await this.#acquire();
        const started = performance.now();
        try {
          return await work();
        } finally {
          this.#meanMs = this.#meanMs * 0.8 + (performance.now() - started) * 0.2;
          finish();
          // The slot passes straight to the longest waiter (still counted as running), so
          // a newly arriving caller cannot overtake those already queued.
          const next = this.#waiting.shift();
          if (next) next();
          else this.#running -= 1;
        }
      },
      release: finish,
    };
  }

  /** reserve + run, for callers with nothing to do in between. */
  run<T>(work: () => Promise<T>): Promise<T> {
    return this.reserve().run(work);
  }

  async #acquire(): Promise<void> {
    if (this.#running < this.concurrency) {
      this.#running += 1;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }
}

/** Half the cores, and at most 3 so libuv's default 4 threads keep one for the rest
 * (set PASSWORD_HASH_CONCURRENCY when UV_THREADPOOL_SIZE is raised). */
function defaultConcurrency(): number {
  return Math.max(1, Math.min(Math.floor(availableParallelism() / 2), 3));
}
