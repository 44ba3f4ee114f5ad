import type { Role } from '../../policy/role.js';

/** What one database read says about a token's user and session. */
export interface SessionState {
  userId: string;
  role: Role;
  email: string;
  enabled: boolean;
  tokenVersion: number;
  /** The token's session exists and has not ended (true for tokens without a session). */
  sessionLive: boolean;
}

interface Entry {
  state: SessionState | null;
  expiresAt: number;
}

/**
 * Lets requests that arrive close together share one check of a token's user and
 * session: the read path then costs no statement for it. Every change this process makes
 * (disable, role, password reset, logout, revocation) invalidates the user's entries
 * after its commit, so it takes effect at once here; changes from elsewhere (another
 * instance, plain SQL) within `ttlMs`.
 *
 * A per-user generation guards the race where a read that started before a change's
 * commit finishes after its invalidation: that read's result is not kept.
 */
export class SessionCache {
  readonly #entries = new Map<string, Map<string, Entry>>();
  readonly #generations = new Map<string, number>();
  /** Bounds memory under a flood of distinct (valid) tokens. */
  readonly #maxUsers = 10_000;

  constructor(readonly ttlMs: number) {}

  async get(userId: string, sessionId: string | undefined, read: () => Promise<SessionState | null>): Promise<SessionState | null> {
    const key = sessionId ?? '';
    if (this.ttlMs > 0) {
      const hit = this.#entries.get(userId)?.get(key);
      if (hit && hit.expiresAt > Date.now()) return hit.state;
    }
    const generation = this.#generations.get(userId) ?? 0;
    const state = await read();
    if (this.ttlMs > 0 && (this.#generations.get(userId) ?? 0) === generation) {
      if (!this.#entries.has(userId) && this.#entries.size >= this.#maxUsers) this.#evictExpired();
      if (this.#entries.has(userId) || this.#entries.size < this.#maxUsers) {
        let sessions = this.#entries.get(userId);
        if (!sessions) this.#entries.set(userId, (sessions = new Map()));
        sessions.set(key, { state, expiresAt: Date.now() + this.ttlMs });
      }
    }
    return state;
  }

  /** Forgets everything known about the user; call after the change has committed. */
  invalidate(userId: string): void {
    this.#entries.delete(userId);
    this.#generations.set(userId, (this.#generations.get(userId) ?? 0) + 1);
  }

  #evictExpired(): void {
    const now = Date.now();
    for (const [userId, sessions] of this.#entries) {
      for (const [key, entry] of sessions) if (entry.expiresAt <= now) sessions.delete(key);
      if (sessions.size === 0) this.#entries.delete(userId);
    }
  }
}
