/**
 * The dashboard's fixed operations, as registered in packages/schema/operations/dashboard
 * (and the reporting tools' CustomerStats): run by name with the generated variable and
 * result types (packages/schema/types.d.ts `RegisteredOperations`). The text sent is the
 * registered text byte for byte (generated/documents.ts), so a server that runs
 * registered operations only (PERSISTED_OPERATIONS=only) runs these too.
 * Plain TypeScript on `graphql`, so the unit tests run it under Node.
 */
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { RegisteredOperations } from '@custos/schema';
import { checkResponse, type GraphQLErrorLike } from './errors.ts';
import { DOCUMENTS } from './generated/documents.ts';

export type OperationName = keyof typeof DOCUMENTS & keyof RegisteredOperations;
export type OperationVariables<N extends OperationName> = RegisteredOperations[N]['variables'];
export type OperationResult<N extends OperationName> = RegisteredOperations[N]['result'];

const parsed = new Map<string, DocumentNode>();

/** The registered document of `name`, parsed once. */
export function operationDocument(name: OperationName): DocumentNode {
  let document = parsed.get(name);
  if (!document) parsed.set(name, (document = parse(DOCUMENTS[name])));
  return document;
}

function operationOf(document: DocumentNode): OperationDefinitionNode {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('a document without an operation');
  return operation;
}

export function isMutation(document: DocumentNode): boolean {
  return operationOf(document).operation === 'mutation';
}

/** The response keys of the operation's root fields. */
function rootKeys(document: DocumentNode): string[] {
  return operationOf(document).selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.alias?.value ?? s.name.value] : []));
}

export interface RawResponse {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLErrorLike[];
}

/** A registered operation's answer: refusals thrown as ApiError, field-level FORBIDDEN kept (errors.ts). */
export function operationResult<N extends OperationName>(name: N, response: RawResponse): OperationResult<N> {
  for (const key of rootKeys(operationDocument(name))) checkResponse(key, response.data, response.errors);
  return response.data as unknown as OperationResult<N>;
}

/** A read or change built by feature code: its document, variables and how to read the answer. */
export interface BuiltRead<T> {
  query: DocumentNode;
  variables: Record<string, unknown>;
  parseResponse: (response: RawResponse) => T;
}

/** A registered operation with variables worked out by feature code (filters converted, etc.). */
export function registeredRead<N extends OperationName, T>(name: N, variables: OperationVariables<N>, pick: (result: OperationResult<N>) => T): BuiltRead<T> {
  return {
    query: operationDocument(name),
    variables: variables as Record<string, unknown>,
    parseResponse: (response) => pick(operationResult(name, response)),
  };
}
