import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import type { Config } from '../config.js';
import { checkVariableCost, type CostWeights } from './variable-cost.js';

/** A check of an operation that needs its variables (the cost limit on page sizes sent as
 * variables); throws a GRAPHQL_VALIDATION_FAILED error. HTTP and WebSocket both run it. */
export type OperationCheck = (document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined) => void;

/**
 * Depth, alias, cost, token and directive limits, checked while the document is
 * validated, before any resolver or SQL runs. Depth 10 fits the deepest screen the
 * dashboard needs (customers → edges → node → interactions → edges → node → customer →
 * owner → field); GraphQL Armor's default of 6 would refuse it.
 */
export function queryLimits(config: Config) {
  const cost: CostWeights = { maxCost: config.MAX_QUERY_COST, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 };
  const armor = new ApolloArmor({
    // Fragments are not levels: a Relay client's compiled query (fields spread through
    // nested fragments) must count exactly like the same fields written out.
    maxDepth: { n: config.MAX_QUERY_DEPTH, ignoreIntrospection: true, flattenFragments: true, exposeLimits: true },
    maxAliases: { n: config.MAX_QUERY_ALIASES, exposeLimits: true },
    costLimit: { ...cost, ignoreIntrospection: true, exposeLimits: true },
    // The token limit is graphql-js's own (`parseOptions.maxTokens` in app/apollo.ts):
    // Armor's version parses in a plugin hook and throws out of Apollo's pipeline, which
    // answered every syntax error with a 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: 20, exposeLimits: true },
    blockFieldSuggestion: { enabled: config.isProduction },
  });
  /** The cost limit again with the request's variables. */
  const checkOperation: OperationCheck = (document, operation, variables) => checkVariableCost(document, operation, variables, cost);
  return { ...armor.protect(), checkOperation };
}
