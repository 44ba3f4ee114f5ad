import { DomainError } from '../../common/domain-error.js';

export enum LiveErrorCode {
  /** The client read events more slowly than they came, past the queue's bound. */
  FELL_BEHIND = 'LIVE_FELL_BEHIND',
}

export const fellBehind = (queued: number) =>
  new DomainError(LiveErrorCode.FELL_BEHIND, `The subscription fell more than ${queued} changes behind; subscribe again and refetch`);
