import { createHash, createHmac, randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT, errors } from 'jose';
import { isBigintId } from '../db/keyset.js';

/** What a verified access token says, before the database confirms the user. */
export interface TokenClaims {
  userId: string;
  tokenVersion: number;
  /** The session (sign-in) the token belongs to; tokens minted by tools carry none and
   * are bound to the token version alone. */
  sessionId?: string;
}

export const ISSUER = 'custos';
export const AUDIENCE = 'custos-api';
/** The only algorithm accepted: `none`, RS/ES keys and anything else are refused. */
const ALGORITHMS = ['HS256'];
/** Verified tokens remembered at most (the oldest is forgotten first): ~3 MB. */
const VERIFIED_TOKENS_KEPT = 10_000;

export class TokenSigner {
  readonly #key: Uint8Array;
  /**
   * Tokens whose signature and claims were verified, with their expiry (seconds). A client
   * sends the same token with every request for its 15 minutes, and jose verifies through
   * WebCrypto: a thread-pool job per HMAC, 5–7% of the CPU per request on the nested list
   * (profiled). The same string under the same key verifies the same way until it expires,
   * so a hit only re-checks the expiry; users, token versions and sessions are still
   * confirmed against the database downstream exactly as before.
   */
  readonly #verified = new Map<string, { claims: TokenClaims; expiresAt: number }>();

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    /** The clock (ms), for tests of expiry. */
    private readonly now: () => number = Date.now,
  ) {
    this.#key = new TextEncoder().encode(secret);
  }

  async sign(claims: TokenClaims): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.ttlSeconds * 1000);
    const token = await new SignJWT(claims.sessionId ? { tv: claims.tokenVersion, sid: claims.sessionId } : { tv: claims.tokenVersion })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.#key);
    return { token, expiresAt };
  }

  /**
   * A keyed hash of a value (an email, a client address) under a key derived from the
   * signing secret: rows can be found by it, but the value cannot be recovered from a
   * dump by trying likely emails.
   */
  fingerprint(purpose: string, value: string): Buffer {
    return createHmac('sha256', this.#key).update(`custos:${purpose}\0${value}`).digest();
  }

  /** Returns the claims of a valid token, or undefined for anything else. */
  async verify(token: string): Promise<TokenClaims | undefined> {
    const nowSeconds = this.now() / 1000;
    const known = this.#verified.get(token);
    if (known) {
      if (nowSeconds < known.expiresAt) return known.claims;
      this.#verified.delete(token);
      return undefined;
    }
    try {
      const { payload } = await jwtVerify(token, this.#key, {
        algorithms: ALGORITHMS,
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['sub', 'exp', 'iat'],
        currentDate: new Date(this.now()),
      });
      if (typeof payload.sub !== 'string' || !isBigintId(payload.sub)) return undefined;
      if (typeof payload.tv !== 'number' || !Number.isInteger(payload.tv)) return undefined;
      if (payload.sid !== undefined && (typeof payload.sid !== 'string' || !isBigintId(payload.sid))) return undefined;
      const claims: TokenClaims = Object.freeze(payload.sid === undefined ? { userId: payload.sub, tokenVersion: payload.tv } : { userId: payload.sub, tokenVersion: payload.tv, sessionId: payload.sid });
      if (this.#verified.size >= VERIFIED_TOKENS_KEPT) this.#verified.delete(this.#verified.keys().next().value!);
      this.#verified.set(token, { claims, expiresAt: payload.exp! });
      return claims;
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof TypeError) return undefined;
      throw error;
    }
  }
}

/** Refresh tokens are random and stored only as a SHA-256 hash. */
export function newRefreshToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: refreshTokenHash(token) };
}

export function refreshTokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
