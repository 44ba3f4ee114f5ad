import { DomainError } from '../../common/domain-error.js';

export enum IdentityErrorCode {
  NOT_AUTHENTICATED = 'NOT_AUTHENTICATED',
  INVALID_TOKEN = 'INVALID_TOKEN',
  LOGIN_FAILED = 'LOGIN_FAILED',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  EMAIL_TAKEN = 'USER_EMAIL_TAKEN',
  LAST_ADMIN = 'USER_LAST_ADMIN',
}

export const notAuthenticated = () =>
  new DomainError(IdentityErrorCode.NOT_AUTHENTICATED, 'Sign in first: send Authorization: Bearer <token>');
export const invalidToken = () => new DomainError(IdentityErrorCode.INVALID_TOKEN, 'The token is invalid or expired; sign in again');
export const loginFailed = () => new DomainError(IdentityErrorCode.LOGIN_FAILED, 'Email or password is incorrect');
export const userNotFound = (id: string) => new DomainError(IdentityErrorCode.USER_NOT_FOUND, `User ${id} was not found`);
export const emailTaken = () =>
  new DomainError(IdentityErrorCode.EMAIL_TAKEN, 'Another user already has this email', [{ field: 'email', message: 'already in use' }]);
export const lastAdmin = () =>
  new DomainError(IdentityErrorCode.LAST_ADMIN, 'The last enabled ADMIN cannot be disabled or demoted');
