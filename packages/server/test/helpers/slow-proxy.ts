import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy knows of a request when deciding whether to delay or hold it. */
export interface ProxiedRequest {
  method: string;
  path: string;
}

export interface Hold {
  /** Resolves once a matching request arrived and is being held. */
  reached: Promise<void>;
  /** Lets the held request through (it then reaches the engine after everything sent meanwhile). */
  release(): void;
}

/**
 * An HTTP proxy in front of a real Meilisearch that makes it slow: every request waits
 * `delayMs` before it is forwarded, and `hold()` keeps the next matching request back
 * until released, so a test can decide in which order two writes reach the engine.
 * Request bodies are read whole before they are forwarded, so a held or delayed write
 * reaches the engine at once, as a whole, when let go.
 */
export class SlowProxy {
  delayMs = 0;
  /** Requests forwarded so far, by `METHOD path`. */
  readonly seen: string[] = [];
  readonly #holds: { match: (r: ProxiedRequest) => boolean; reached: () => void; gate: Promise<void> }[] = [];
  readonly #server: http.Server;
  #url = '';

  constructor(private readonly target: string) {
    this.#server = http.createServer((req, res) => void this.#forward(req, res));
  }

  get url(): string {
    return this.#url;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.#url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  /** Holds the next request that matches (one only). */
  hold(match: (r: ProxiedRequest) => boolean): Hold {
    let reached!: () => void;
    let release!: () => void;
    const reachedP = new Promise<void>((r) => (reached = r));
    const gate = new Promise<void>((r) => (release = r));
    this.#holds.push({ match, reached, gate });
    return { reached: reachedP, release };
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #forward(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = { method: req.method ?? 'GET', path: req.url ?? '/' };
    const held = this.#holds.findIndex((h) => h.match(request));
    if (held >= 0) {
      const [hold] = this.#holds.splice(held, 1);
      hold!.reached();
      await hold!.gate;
    }
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    this.seen.push(`${request.method} ${request.path}`);
    const upstream = http.request(new URL(request.path, this.target), { method: request.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    upstream.end(Buffer.concat(chunks));
  }
}
