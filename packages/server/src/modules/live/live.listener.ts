import type pg from 'pg';
import { connectClient } from '../../db/pg-client.js';

/** The PostgreSQL channels the triggers of migration-2026120602 notify. */
export const CHANNELS = { job: 'custos_job', customer: 'custos_customer' } as const;
export type ChangeChannel = keyof typeof CHANNELS;

export interface ChangeListenerOptions {
  log?: (message: string, error?: unknown) => void;
  /** First pause before reconnecting; doubled per failed attempt up to maxBackoffMs. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * One dedicated LISTEN connection per server process, opened at the first subscription
 * (a process nobody subscribes to holds none). Every notification of the database goes,
 * parsed once, to every handler of its channel here; handlers filter and queue, they
 * never block.
 *
 * A lost connection (the server restarted, the session was terminated, the network
 * dropped; TCP keep-alive notices a silent drop) is reopened with a growing pause, and
 * `onReconnect` handlers then run: notifications sent while it was down are gone, so
 * subscribers re-read what they follow.
 */
export class ChangeListener {
  readonly #url: string;
  readonly #options: Required<ChangeListenerOptions>;
  readonly #handlers = new Map<ChangeChannel, Set<(payload: unknown) => void>>();
  readonly #reconnectHandlers = new Set<() => void>();
  #client: pg.Client | undefined;
  #connecting: Promise<pg.Client> | undefined;
  #retry: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(url: string, options: ChangeListenerOptions = {}) {
    this.#url = url;
    this.#options = { log: () => undefined, minBackoffMs: 100, maxBackoffMs: 10_000, ...options };
  }

  /** Resolves once the connection listens, so nothing committed after this returns is missed. */
  async listen(channel: ChangeChannel, handler: (payload: unknown) => void): Promise<() => void> {
    if (this.#closed) throw new Error('the change listener is closed');
    let set = this.#handlers.get(channel);
    if (!set) this.#handlers.set(channel, (set = new Set()));
    set.add(handler);
    try {
      await this.#connected();
    } catch (error) {
      set.delete(handler);
      throw error;
    }
    return () => set.delete(handler);
  }

  onReconnect(handler: () => void): () => void {
    this.#reconnectHandlers.add(handler);
    return () => this.#reconnectHandlers.delete(handler);
  }

  /** The backend pid of the live connection (tests end it to prove the reconnect). */
  get backendPid(): number | undefined {
    return (this.#client as unknown as { processID?: number } | undefined)?.processID;
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    const client = this.#client ?? (await this.#connecting?.catch(() => undefined));
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  #connected(): Promise<pg.Client> {
    if (this.#client) return Promise.resolve(this.#client);
    this.#connecting ??= this.#connect().finally(() => (this.#connecting = undefined));
    return this.#connecting;
  }

  async #connect(): Promise<pg.Client> {
    const client = await connectClient(this.#url, 'custos-live', { keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    client.on('notification', (message) => {
      const channel = (Object.keys(CHANNELS) as ChangeChannel[]).find((key) => CHANNELS[key] === message.channel);
      if (!channel || message.payload === undefined) return;
      let payload: unknown;
      try {
        payload = JSON.parse(message.payload);
      } catch {
        return;
      }
      for (const handler of this.#handlers.get(channel) ?? []) handler(payload);
    });
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client));
    try {
      for (const channel of Object.values(CHANNELS)) await client.query(`listen ${channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.#closed) {
      await client.end().catch(() => undefined);
      throw new Error('the change listener is closed');
    }
    this.#client = client;
    return client;
  }

  #lost(client: pg.Client, error?: unknown): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    client.end().catch(() => undefined);
    if (this.#closed) return;
    this.#options.log('change listener connection lost; reconnecting', error);
    this.#reconnect(this.#options.minBackoffMs);
  }

  #reconnect(delayMs: number): void {
    this.#retry = setTimeout(() => {
      this.#connected().then(
        () => {
          this.#options.log('change listener reconnected');
          for (const handler of this.#reconnectHandlers) handler();
        },
        (error: unknown) => {
          if (this.#closed) return;
          const next = Math.min(delayMs * 2, this.#options.maxBackoffMs);
          this.#options.log(`change listener cannot reconnect; next try in ${next} ms`, error);
          this.#reconnect(next);
        },
      );
    }, delayMs);
    this.#retry.unref();
  }
}
