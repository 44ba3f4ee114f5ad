/**
 * Errors that say nothing about the work itself, only that the database could not do it
 * just now: the session was dropped (pg_terminate_backend, a restart, a failover), the
 * server is starting or shutting down, a free pooled connection did not come in time,
 * or PostgreSQL chose this transaction as a deadlock or serialization victim. The same
 * step can be tried again and will most likely succeed.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  for (let cause: unknown = error, depth = 0; cause && depth < 5; depth += 1) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      // 08: connection exception; 57P01-57P03: admin/crash shutdown, cannot connect now;
      // 40001/40P01: serialization failure, deadlock; 53300: too many connections;
      // 25P03/57P05: the session ended by idle_in_transaction_session_timeout (the backstop
      // against a held transaction; a stalled process, e.g. under CPU load, can reach it
      // mid-batch) or idle_session_timeout. The batch rolled back with the session.
      if (code.startsWith('08') || ['57P01', '57P02', '57P03', '40001', '40P01', '53300', '25P03', '57P05'].includes(code)) return true;
      if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code)) return true;
    }
    if (typeof message === 'string' && TRANSIENT_MESSAGES.some((pattern) => pattern.test(message))) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

const TRANSIENT_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /terminating connection due to administrator command/,
  /terminating connection due to idle-(in-transaction|session) timeout/,
];
