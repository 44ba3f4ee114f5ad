/**
 * A token bucket per client address for requests that carry no token (sign-in, token
 * refresh, the few public operations). A client that ignores Retry-After and sends its
 * next sign-in the moment the last was refused costs a GraphQL parse, validation and
 * throttle check per try; at the door the same refusal costs almost nothing, before the
 * body is read. Requests with a token never wait here: an office behind one address keeps
 * working while someone there floods the sign-in.
 */
export class AnonymousDoor {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    /** Tokens added per second; 0 turns the door off. */
    readonly perSecond: number,
    readonly burst: number,
    /** Addresses remembered at most; the longest-unseen are forgotten first. */
    readonly maxAddresses = 50_000,
  ) {}

  /** 0 when the request may pass, else the whole seconds to wait. */
  take(address: string, now = performance.now()): number {
    if (this.perSecond <= 0) return 0;
    const found = this.#buckets.get(address);
    const bucket = found ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    // Re-inserted so the map's order is least recently seen first.
    if (found) this.#buckets.delete(address);
    this.#buckets.set(address, bucket);
    if (this.#buckets.size > this.maxAddresses) this.#buckets.delete(this.#buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond));
  }
}
