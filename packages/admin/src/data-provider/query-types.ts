import type { DocumentNode } from 'graphql';
import type { GraphQLErrorLike } from './errors.ts';

/** The shapes the query builder and its helpers exchange with ra-data-graphql. */

export type FetchType = 'GET_LIST' | 'GET_ONE' | 'GET_MANY' | 'GET_MANY_REFERENCE' | 'CREATE' | 'UPDATE' | 'DELETE';

export interface ApolloLikeResponse {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLErrorLike[];
}

export interface BuiltQuery {
  query: DocumentNode;
  variables: Record<string, unknown>;
  parseResponse: (response: ApolloLikeResponse) => { data: unknown; total?: number };
}

export type RaRecord = Record<string, unknown> & { id: string };

export interface ListParams {
  pagination?: { page: number; perPage: number };
  sort?: { field: string; order: 'ASC' | 'DESC' | string };
  filter?: Record<string, unknown>;
}
