import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { OperationCheck } from '../graphql/limits.js';
import { DomainError } from '../common/domain-error.js';
import { flushAccessLog } from '../modules/audit/access-log.js';
import { authenticate } from '../modules/identity/auth.service.js';
import type { RequestContext } from '../core/context.js';

/** Root fields callable without a token. */
const PUBLIC_MUTATIONS = new Set(['login', 'refreshToken', '__typename']);
const INTROSPECTION = new Set(['__schema', '__type', '__typename']);

function rootFields(selectionSet: SelectionSetNode, document: DocumentNode, out = new Set<string>()): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) out.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFields(selection.selectionSet, document, out);
    else {
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      if (fragment && fragment.kind === Kind.FRAGMENT_DEFINITION) rootFields(fragment.selectionSet, document, out);
    }
  }
  return out;
}

function isPublic(operation: OperationDefinitionNode, document: DocumentNode, introspection: boolean): boolean {
  const fields = [...rootFields(operation.selectionSet, document)];
  if (operation.operation === 'mutation') return fields.every((f) => PUBLIC_MUTATIONS.has(f));
  return introspection && operation.operation === 'query' && fields.every((f) => INTROSPECTION.has(f));
}

const unauthenticated = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

/**
 * Runs after parsing and validation (so over-limit documents are refused before any
 * SQL) and before execution (so no resolver runs for an unauthenticated caller): the
 * token's user is confirmed once per operation. At the end, the request's full reads
 * of personal data go to the access log (modules/audit/access-log.ts).
 */
export function authPlugin(
  introspection: boolean,
  /** Checks of the operation that need its variables (the cost limit on page sizes sent
   * as variables), run first: still before any SQL. */
  checkOperation: OperationCheck = () => undefined,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document, request }) {
          if (operation) checkOperation(document, operation, request.variables);
          if (!contextValue.claims) {
            if (operation && isPublic(operation, document, introspection)) return;
            throw unauthenticated('Sign in first: send Authorization: Bearer <token>');
          }
          try {
            await authenticate(contextValue);
          } catch (error) {
            // Only a refused token signs the client out; a database that did not answer in
            // time is a server error, or a flood would sign every user out.
            if (error instanceof DomainError) throw unauthenticated('The token is invalid or expired; sign in again');
            throw error;
          }
        },
        async willSendResponse({ contextValue }) {
          const committed = flushAccessLog(contextValue);
          if (!committed) return;
          if (contextValue.holdAnswerUntil) {
            // Over HTTP the route waits for it (and the metrics count a withheld answer).
            contextValue.accessLogCommit = committed;
            contextValue.holdAnswerUntil(committed);
          } else await committed;
        },
      };
    },
  };
}

export { unauthenticated };
