import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import { LazyFork, SqlExecutor } from '../db/sql.js';
import { FieldDenials } from './field-denials.js';
import { AccessLogBuffer } from './access-log-buffer.js';
import type { Actor } from '../policy/actor.js';
import { TokenSigner, type TokenClaims } from './tokens.js';
import { jwtSecret } from '../secrets.js';
import type { Language } from '../i18n/localize.js';

/** Per-request DataLoaders, created on first use so a request pays only for what it reads. */
export class LoaderRegistry {
  readonly #loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.#loaders.get(key);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.#loaders.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/**
 * What every resolver and service receives first. One EntityManager fork and one set of
 * loaders per request: nothing cached here is ever shared between callers.
 */
export interface RequestContext {
  requestId: string;
  config: Config;
  em: EntityManager;
  sql: SqlExecutor;
  loaders: LoaderRegistry;
  /** A verified token, not yet checked against the database. */
  claims: TokenClaims | null;
  /** The confirmed caller, set once per operation before any resolver runs. */
  actor: Actor | null;
  accessLog: AccessLogBuffer;
  /** Guarded fields withheld from this request (sent as one error per Type.field). */
  denials: FieldDenials;
  tokens: TokenSigner;
  /** The HTTP request's logger (its lines carry `reqId`); absent outside HTTP. */
  log?: FastifyBaseLogger;
  /** The client's address (through trusted proxies, TRUST_PROXY) for sign-in limits; absent outside HTTP. */
  clientAddress?: string;
  /** The language errors and messages for people are answered in (Accept-Language; English outside HTTP). */
  language: Language;
  /** Over HTTP: receives the commit of the request's access-log rows when they could not
   * be spooled; the route awaits it after encoding the answer and before sending it (the
   * INSERT runs while the answer is encoded). Elsewhere the plugin awaits it itself. */
  holdAnswerUntil?: (committed: Promise<void>) => void;
  /** Over HTTP, the commit the answer waits for, when it waits for one (set by the auth
   * plugin at the end of the operation): a failure withholds the answer, and the metrics
   * count that. */
  accessLogCommit?: Promise<void>;
  /** The process's change listener (PostgreSQL LISTEN), for subscriptions; absent outside them. */
  live?: ChangeFeed;
  /** Set only while an approved four-eyes request runs its operation (modules/approval): the
   * operation's gate (policy/four-eyes.ts) lets exactly that operation through. */
  approval?: { requestId: string; operation: string; requestedBy: string };
}

/** The process's feed of PostgreSQL notifications (modules/live ChangeListener), as a
 * subscription's service uses it. */
export interface ChangeFeed {
  /** Calls `handler` with each payload on the channel; resolves, once listening, to the unlisten. */
  listen(channel: 'job' | 'customer', handler: (payload: unknown) => void): Promise<() => void>;
  /** Calls `handler` after the connection was lost and made again (notifications may be missed). */
  onReconnect(handler: () => void): () => void;
}

export function createRequestContext(
  orm: MikroORM,
  config: Config,
  tokens: TokenSigner,
  requestId: string,
  claims: TokenClaims | null = null,
): RequestContext {
  const fork = new LazyFork(orm.em);
  return {
    requestId,
    config,
    // An accessor, forking on first use: copy the context with Object.assign, not a spread
    // (a spread reads it, and forks).
    get em() {
      return fork.em;
    },
    set em(em: EntityManager) {
      fork.em = em;
    },
    sql: new SqlExecutor(fork),
    loaders: new LoaderRegistry(),
    claims,
    actor: null,
    accessLog: new AccessLogBuffer(),
    denials: new FieldDenials(),
    tokens,
    language: 'en',
  };
}

/** Runs `work` in one database transaction with a context whose SQL and entity
 * manager both use that transaction. */
export async function inTransaction<T>(ctx: RequestContext, work: (tx: RequestContext) => Promise<T>): Promise<T> {
  return ctx.em.transactional(async (em) => {
    const tx: RequestContext = { ...ctx, em, sql: new SqlExecutor(em, ctx.sql.stats), loaders: new LoaderRegistry() };
    return work(tx);
  });
}

/** The context of a console command: the system acting for an operator (audited with no user). */
export function consoleContext(orm: MikroORM, config: Config, command: string): RequestContext {
  return createRequestContext(orm, config, new TokenSigner(jwtSecret(config), config.ACCESS_TOKEN_TTL_SECONDS), `cli:${command}:${process.pid}`);
}
