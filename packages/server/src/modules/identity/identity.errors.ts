import { DomainError } from '../../common/domain-error.js';
import { idForClient } from '../../common/client-id.js';

export enum IdentityErrorCode {
  INVALID_TOKEN = 'INVALID_TOKEN',
  LOGIN_FAILED = 'LOGIN_FAILED',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  EMAIL_TAKEN = 'USER_EMAIL_TAKEN',
  LAST_ADMIN = 'USER_LAST_ADMIN',
  /** Too many recent failures: this try comes before the backoff has passed. */
  SIGN_IN_THROTTLED = 'SIGN_IN_THROTTLED',
  /** Too many failures: the email (or the client address) is locked for a while. */
  SIGN_IN_LOCKED = 'SIGN_IN_LOCKED',
  /** Every password-hashing slot and queue place is taken. */
  SIGN_IN_BUSY = 'SIGN_IN_BUSY',
  /** Too many requests without a token from one client address. */
  ANONYMOUS_RATE = 'ANONYMOUS_RATE_LIMITED',
}

/** A refusal the client should retry later: the HTTP layer answers 429 with Retry-After. */
export class TooManyRequestsError extends DomainError {
  constructor(
    reason: IdentityErrorCode,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(reason, message);
  }
}

export const invalidToken = () => new DomainError(IdentityErrorCode.INVALID_TOKEN, 'The token is invalid or expired; sign in again');
export const loginFailed = () => new DomainError(IdentityErrorCode.LOGIN_FAILED, 'Email or password is incorrect');
export const userNotFound = (id: string) => new DomainError(IdentityErrorCode.USER_NOT_FOUND, `User ${idForClient('User', id)} was not found`);
export const emailTaken = () =>
  new DomainError(IdentityErrorCode.EMAIL_TAKEN, 'Another user already has this email', [{ field: 'email', message: 'already in use' }]);
export const lastAdmin = () =>
  new DomainError(IdentityErrorCode.LAST_ADMIN, 'The last enabled ADMIN cannot be disabled or demoted');

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
const wait = (s: number) => (s >= 120 ? `${Math.ceil(s / 60)} minutes` : `${s} seconds`);

// The wording is the same whether or not an account has the email, so a refusal tells
// nothing about which emails exist.
export const signInThrottled = (retryMs: number) =>
  new TooManyRequestsError(IdentityErrorCode.SIGN_IN_THROTTLED, `Too many failed attempts: wait ${wait(seconds(retryMs))} before trying again`, seconds(retryMs));
export const signInLocked = (retryMs: number, byAddress: boolean) =>
  new TooManyRequestsError(
    IdentityErrorCode.SIGN_IN_LOCKED,
    byAddress
      ? `Too many failed attempts from your address: locked for ${wait(seconds(retryMs))}`
      : `Too many failed attempts: sign-in with this email is locked for ${wait(seconds(retryMs))}, or until an administrator unlocks it`,
    seconds(retryMs),
  );
export const signInBusy = (retryMs: number) =>
  new TooManyRequestsError(IdentityErrorCode.SIGN_IN_BUSY, `The server is busy signing others in: try again in ${wait(seconds(retryMs))}`, seconds(retryMs));
export const anonymousRate = (retrySeconds: number) =>
  new TooManyRequestsError(IdentityErrorCode.ANONYMOUS_RATE, `Too many requests without a token from your address: try again in ${wait(retrySeconds)}`, retrySeconds);
