import { fellBehind } from './live.errors.js';

/**
 * The event stream of one subscription: raw notifications are queued as they arrive and
 * turned into events (`expand`: re-authenticate, apply row rules, read the records) one
 * at a time when the client is ready for more.
 *
 * A hand-written iterator rather than an async generator: `return()` (the client
 * unsubscribed, the socket closed) must end the stream at once, and an async generator
 * waiting for the next notification would only see it at its next yield, which may never
 * come, keeping the subscription and its listener handler forever.
 */
export class LiveStream<R, T> implements AsyncIterableIterator<T> {
  readonly #raw: R[] = [];
  readonly #ready: T[] = [];
  #wake: (() => void) | undefined;
  #done = false;
  #ending = false;
  #failure: Error | undefined;
  readonly #cleanups: (() => void)[] = [];

  constructor(
    private readonly expand: (raw: R) => Promise<T[]>,
    /** A client this far behind is cut off rather than queued for without bound. */
    private readonly maxQueued = 10_000,
  ) {}

  push(raw: R): void {
    if (this.#done || this.#ending) return;
    if (this.#raw.length >= this.maxQueued) {
      this.fail(fellBehind(this.maxQueued));
      return;
    }
    this.#raw.push(raw);
    this.#wake?.();
  }

  /** Events already made, sent before any queued notification. */
  emit(event: T): void {
    if (this.#done) return;
    this.#ready.push(event);
    this.#wake?.();
  }

  /** Ends the stream once what is queued has been sent (a job that finished). */
  end(): void {
    this.#ending = true;
    this.#raw.length = 0;
    this.#wake?.();
  }

  /** Ends the stream with an error for the client, at its next read. */
  fail(error: Error): void {
    this.#failure ??= error;
    this.#wake?.();
  }

  onClose(cleanup: () => void): void {
    if (this.#done) cleanup();
    else this.#cleanups.push(cleanup);
  }

  async next(): Promise<IteratorResult<T>> {
    while (!this.#done) {
      if (this.#failure) {
        const failure = this.#failure;
        await this.return();
        throw failure;
      }
      if (this.#ready.length) return { value: this.#ready.shift()!, done: false };
      if (this.#raw.length) {
        try {
          this.#ready.push(...(await this.expand(this.#raw.shift()!)));
        } catch (error) {
          this.fail(error instanceof Error ? error : new Error(String(error)));
        }
        continue;
      }
      if (this.#ending) break;
      await new Promise<void>((resolve) => (this.#wake = resolve));
      this.#wake = undefined;
    }
    await this.return();
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<T>> {
    if (!this.#done) {
      this.#done = true;
      this.#raw.length = 0;
      this.#ready.length = 0;
      this.#wake?.();
      for (const cleanup of this.#cleanups.splice(0)) cleanup();
    }
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<T>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
