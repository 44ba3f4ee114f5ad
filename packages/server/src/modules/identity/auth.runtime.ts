import type { Config } from '../../config.js';
import type { RequestContext } from '../../core/context.js';
import { AnonymousDoor } from './anonymous-door.js';
import { HashPool } from './hash-pool.js';
import { PasswordHashProcess } from './hash-process.js';
import { SessionCache } from './session-cache.js';

/**
 * What sign-in and the token check share across requests: the hashing pool and the
 * session-check cache. One per loaded configuration, i.e. per server (tests run several
 * servers in one process, each with its own), created on first use.
 */
export interface AuthRuntime {
  hashing: HashPool;
  /** Rate of requests without a token per client address. */
  door: AnonymousDoor;
  /** Where the hashes are computed (a niced child process, started on first use). */
  passwords: PasswordHashProcess;
  sessions: SessionCache;
  /** Last purge of forgotten throttle rows (epoch ms). */
  lastPurge: number;
}

const runtimes = new WeakMap<Config, AuthRuntime>();

export function authRuntime(config: Config): AuthRuntime {
  let runtime = runtimes.get(config);
  if (!runtime) {
    runtime = {
      hashing: new HashPool(config.PASSWORD_HASH_CONCURRENCY, config.PASSWORD_HASH_QUEUE_MAX),
      passwords: new PasswordHashProcess(config.PASSWORD_HASH_NICE),
      door: new AnonymousDoor(config.ANONYMOUS_REQUESTS_PER_SECOND, config.ANONYMOUS_REQUESTS_BURST),
      sessions: new SessionCache(config.SESSION_CHECK_CACHE_MS),
      lastPurge: 0,
    };
    runtimes.set(config, runtime);
  }
  return runtime;
}

/** A new password's hash, computed under the same bounds as sign-ins. */
export function hashNewPassword(config: Config, password: string): Promise<string> {
  const runtime = authRuntime(config);
  return runtime.hashing.run(() => runtime.passwords.hash(password));
}

/** Ends the server's hashing process (the server is closing). */
export function closeAuthRuntime(config: Config): void {
  runtimes.get(config)?.passwords.close();
  runtimes.delete(config);
}

/** Call once the transaction that changed the user's sessions or standing has committed. */
export function sessionsChanged(ctx: RequestContext, userId: string): void {
  authRuntime(ctx.config).sessions.invalidate(userId);
}
