import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * A real graphql-ws client on a server's /graphql, recording what arrives: every event,
 * the end of the stream, or the error that ended it, and how the socket closed.
 */
export interface Subscriber {
  events: FormattedExecutionResult<any, any>[];
  /** Set when the server ended the stream (complete) or it failed. */
  ended: Promise<{ error?: unknown }>;
  /** Waits until some event from index `from` on satisfies `test` (by default, events already received count). */
  waitFor(test: (event: FormattedExecutionResult<any, any>) => boolean, what: string, timeoutMs?: number, from?: number): Promise<FormattedExecutionResult<any, any>>;
  close(): Promise<void>;
  closeCode(): number | undefined;
}

export function graphqlWsUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}/graphql`;
}

export function connect(url: string, token: string | null, headers: Record<string, string> = {}): { client: Client; closed: () => number | undefined } {
  let code: number | undefined;
  const client = createClient({
    url,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    },
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    // Refusals are what several tests expect; they are read from the close code.
    onNonLazyError: () => undefined,
    on: { closed: (event) => (code = (event as { code?: number }).code) },
  });
  client.on('error', () => undefined);
  return { client, closed: () => code };
}

export function subscribe(url: string, token: string | null, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Subscriber {
  const { client, closed } = connect(url, token, headers);
  const events: FormattedExecutionResult<any, any>[] = [];
  const waiters = new Set<() => void>();
  let settle!: (value: { error?: unknown }) => void;
  const ended = new Promise<{ error?: unknown }>((resolve) => (settle = resolve));
  const notify = () => {
    for (const waiter of waiters) waiter();
  };
  client.subscribe(
    { query, variables },
    {
      next: (value) => {
        events.push(value);
        notify();
      },
      error: (error) => {
        settle({ error });
        notify();
      },
      complete: () => {
        settle({});
        notify();
      },
    },
  );
  let done = false;
  void ended.then(() => (done = true));
  return {
    events,
    ended,
    async waitFor(test, what, timeoutMs = 20_000, from = 0) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.slice(from).find(test);
        if (found) return found;
        if (done) throw new Error(`${what}: the stream ended first (${JSON.stringify(events)})`);
        if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms (${JSON.stringify(events)})`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            resolve();
          };
          waiters.add(wake);
          setTimeout(wake, 200);
        });
      }
    },
    async close() {
      await client.dispose();
    },
    closeCode: closed,
  };
}
