import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../core/context.js';
import { TooManyRequestsError } from '../modules/identity/identity.errors.js';

/**
 * A "come back later" refusal (sign-in throttling, a full hashing queue) answers HTTP 429
 * with Retry-After, as HTTP clients and proxies expect; the GraphQL body says the same in
 * `extensions.code: TOO_MANY_REQUESTS` and `extensions.retryAfter`. The status is set from
 * the response's errors here, after execution, rather than through `extensions.http` on
 * the domain error, so the HTTP detail stays out of the services.
 */
export function retryAfterPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ errors, response }) {
          let seconds = 0;
          for (const error of errors ?? []) {
            const original = error instanceof GraphQLError ? error.originalError : error;
            if (original instanceof TooManyRequestsError) seconds = Math.max(seconds, original.retryAfterSeconds);
          }
          if (!seconds) return;
          response.http.status = 429;
          response.http.headers.set('retry-after', String(seconds));
        },
      };
    },
  };
}
