/**
 * The mobile client's GraphQL, written as a Relay app writes it: fragments colocated with
 * the screens that use them, connections paged with @connection, a @refetchable fragment
 * on Customer (refetched through `node(id)`). relay-compiler reads the `graphql` tags in
 * this file and writes ./__generated__ (`pnpm --filter @custos/server relay`);
 * test/relay-client.test.ts fails when those artifacts are stale against
 * packages/schema/schema.graphql, and runs them against a live server.
 * This module is never imported at run time: the artifacts are.
 */
const graphql = (strings: TemplateStringsArray) => strings.join('');

/** A customer card: what the list and the detail screen show. */
export const customerCard = graphql`
  fragment CustomerCard_customer on Customer @refetchable(queryName: "CustomerCardRefetchQuery") {
    id
    name
    code
    tier
    email
    owner {
      id
      displayName
    }
  }
`;

/** The customer list, two at a time, paged with @connection. */
export const customerList = graphql`
  fragment CustomerList_query on Query
  @argumentDefinitions(count: { type: "Int", defaultValue: 2 }, cursor: { type: "String" })
  @refetchable(queryName: "CustomerListPaginationQuery") {
    customers(first: $count, after: $cursor, orderBy: [{ field: NAME, direction: ASC }]) @connection(key: "CustomerList_customers") {
      totalCount
      edges {
        node {
          id
          ...CustomerCard_customer
          ...CustomerInteractions_customer
        }
      }
    }
  }
`;

/** A customer's interaction history, paged within the customer (refetched via node). */
export const customerInteractions = graphql`
  fragment CustomerInteractions_customer on Customer
  @argumentDefinitions(count: { type: "Int", defaultValue: 2 }, cursor: { type: "String" })
  @refetchable(queryName: "CustomerInteractionsPaginationQuery") {
    interactions(first: $count, after: $cursor) @connection(key: "CustomerInteractions_interactions") {
      edges {
        node {
          id
          kind
          subject
          owner {
            id
            displayName
          }
        }
      }
    }
  }
`;

export const customersScreen = graphql`
  query MobileCustomersQuery {
    ...CustomerList_query
  }
`;

export const customerScreen = graphql`
  query MobileCustomerQuery($id: ID!) {
    customer(id: $id) {
      id
      ...CustomerCard_customer
      ...CustomerInteractions_customer
    }
  }
`;
