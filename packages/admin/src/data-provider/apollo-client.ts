import { ApolloClient, HttpLink, InMemoryCache, from } from '@apollo/client';
import { setContext } from '@apollo/client/link/context';
import { validToken } from '../auth/session.ts';
import { GRAPHQL_URL } from './schema.ts';

/**
 * Apollo is only the transport here: react-admin keeps its own cache (react-query) and
 * ra-data-graphql asks with fetchPolicy network-only, so Apollo's cache is switched off
 * for results (`no-cache`) to avoid normalising records twice.
 */
export function createApolloClient(): ApolloClient<unknown> {
  const auth = setContext(async (_operation, previous) => {
    const token = await validToken();
    return {
      headers: {
        ...(previous['headers'] as Record<string, string> | undefined),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    };
  });
  // JSON content type on every request: the server's CSRF prevention refuses "simple" ones.
  const http = new HttpLink({ uri: GRAPHQL_URL, headers: { 'content-type': 'application/json' } });
  return new ApolloClient({
    link: from([auth, http]),
    // No __typename added: the documents go out exactly as registered (packages/schema),
    // which a server running registered operations only requires.
    cache: new InMemoryCache({ addTypename: false }),
    defaultOptions: {
      query: { fetchPolicy: 'no-cache', errorPolicy: 'all' },
      mutate: { fetchPolicy: 'no-cache', errorPolicy: 'all' },
      watchQuery: { fetchPolicy: 'no-cache', errorPolicy: 'all' },
    },
  });
}
