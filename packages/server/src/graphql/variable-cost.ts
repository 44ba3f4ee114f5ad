import { GraphQLError, Kind, type ASTNode, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

/** The cost weights of the document limit (GraphQL Armor's costLimit in limits.ts). */
export interface CostWeights {
  maxCost: number;
  objectCost: number;
  scalarCost: number;
  depthCostFactor: number;
}

/**
 * GraphQL Armor's cost limit multiplies a list's cost by its `first`/`last` only when the
 * number is written in the document: sent as a variable (`first: $n`, as every real client
 * pages) it counted as 1, so nested pages of 200 × 200 × 200 passed a limit that refuses a
 * tenth of that written out. Armor checks while the document is validated, before variables
 * are known (and Apollo validates a document once, then reuses it); this check runs per
 * request, with the variables, for documents that page by variable, and computes the same
 * cost the same way (same weights, depth factor, fragment counting), so a query costs the
 * same whether its page sizes are written out or sent.
 */
export function checkVariableCost(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
  weights: CostWeights,
): void {
  if (!pagesByVariable(document)) return;
  const cost = operationCost(document, operation, variables ?? {}, weights);
  if (cost > weights.maxCost) {
    throw new GraphQLError(`Syntax Error: Query Cost limit of ${weights.maxCost} exceeded, found ${cost}.`, {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
    });
  }
}

const PAGE_ARGUMENTS = new Set(['first', 'last']);
const pagingByVariable = new WeakMap<DocumentNode, boolean>();

/** Whether any `first`/`last` in the document is a variable (once per parsed document). */
function pagesByVariable(document: DocumentNode): boolean {
  let known = pagingByVariable.get(document);
  if (known === undefined) {
    known = hasVariablePage(document.definitions);
    pagingByVariable.set(document, known);
  }
  return known;
}

function hasVariablePage(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some(hasVariablePage);
  const ast = node as { kind?: string; name?: { value: string }; value?: { kind: string } };
  if (ast.kind === Kind.ARGUMENT && PAGE_ARGUMENTS.has(ast.name!.value) && ast.value?.kind === Kind.VARIABLE) return true;
  return Object.entries(node).some(([key, value]) => key !== 'loc' && typeof value === 'object' && hasVariablePage(value));
}

function operationCost(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  weights: CostWeights,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const defaults = new Map<string, unknown>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue?.kind === Kind.INT) defaults.set(definition.variable.name.value, Number(definition.defaultValue.value));
  }
  const visited = new Map<string, number>();

  const pageSize = (node: ASTNode): number => {
    if (node.kind !== Kind.FIELD || !node.arguments) return 1;
    const argument = node.arguments.find((a) => PAGE_ARGUMENTS.has(a.name.value));
    if (!argument) return 1;
    let value: unknown;
    if (argument.value.kind === Kind.INT) value = parseInt(argument.value.value, 10);
    else if (argument.value.kind === Kind.VARIABLE) {
      const name = argument.value.name.value;
      value = variables[name] ?? defaults.get(name);
    }
    return typeof value === 'number' && Number.isFinite(value) ? Math.max(value, 1) : 1;
  };

  const complexity = (node: ASTNode, depth: number): number => {
    if (node.kind === Kind.FIELD && node.name.value === '__schema') return 0;
    if (node.kind === Kind.OPERATION_DEFINITION) {
      return node.selectionSet.selections.reduce((sum, child) => sum + complexity(child, depth + 1), 0);
    }
    let cost = weights.scalarCost;
    if ('selectionSet' in node && node.selectionSet) {
      cost = weights.objectCost;
      for (const child of node.selectionSet.selections) cost += weights.depthCostFactor * complexity(child, depth + 1);
      cost *= pageSize(node);
    } else if (node.kind === Kind.FRAGMENT_SPREAD) {
      const name = node.name.value;
      if (visited.has(name)) return cost + weights.depthCostFactor * Math.max(visited.get(name)!, 0);
      visited.set(name, -1);
      const fragment = fragments.get(name);
      if (fragment) {
        const fragmentCost = complexity(fragment, depth + 1);
        cost += weights.depthCostFactor * fragmentCost;
        if (visited.get(name) === -1) visited.set(name, fragmentCost);
      }
    }
    return cost;
  };
  return complexity(operation, 0);
}
