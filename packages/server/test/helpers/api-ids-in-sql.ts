import { getNamedType, isInterfaceType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import ts from 'typescript';
import { NODE_REF } from '../../src/graphql/global-id.js';

/**
 * Where a test hands an id it read from a GraphQL answer straight to SQL. The API writes
 * global ids (`base64url("Customer:123")`); the database holds 123. Against a bigint
 * column the statement fails loudly, but against a text column (`audit_event.entity_id`,
 * a JSON field) it matches nothing, and an assertion such as "no audit row" or "count is
 * 0" then passes whatever the code did. Such ids go through `dbId(…)` first.
 *
 * Stated narrowly, so that it never cries wolf:
 * - "read from a GraphQL answer" means a property chain through `.data` (`res.data.a.b.id`),
 *   or through a `const` bound to such a chain, names resolved by scope (`const r =
 *   res.data.a.b; … r.id`, `const { id } = res.data.a.b`, `for (const n of
 *   res.data.a.nodes)`); `let`s, parameters and values returned by helpers are not
 *   followed (so an id a helper returns is not judged: the rule misses it, never flags it);
 * - the chain is followed through the schema from a root field, and only a field the
 *   schema writes as a global id counts (a Node type's `id`, or a field marked RefersTo):
 *   `UndoableOperation.id` or `CustomerHistoryEntry.id` are no object's id and pass, and a
 *   chain the schema cannot follow (an alias) is not judged;
 * - only elements of the parameter array of a `.query(` or `.one(` call are looked at,
 *   and anything passed through a call (`dbId(x)`, `ids.map(dbId)`) is left alone.
 */

export interface Offence {
  line: number;
  text: string;
}

function unwrap(node: ts.Expression): ts.Expression {
  let n = node;
  while (ts.isAwaitExpression(n) || ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isNonNullExpression(n) || ts.isTypeAssertionExpression(n)) n = n.expression;
  return n;
}

/** Reads the chains of GraphQL answers in a set of files, resolving names by scope. */
class AnswerChains {
  private readonly memo = new Map<ts.Node, string[] | undefined>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /** The field names an expression reads after a GraphQL answer's `data` (list indexes
   * skipped), or undefined when it reads no answer. */
  of(node: ts.Expression): string[] | undefined {
    const names: string[] = [];
    let n: ts.Expression = unwrap(node);
    while (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) {
      if (ts.isPropertyAccessExpression(n)) {
        if (n.name.text === 'data') return names.reverse();
        names.push(n.name.text);
      }
      n = unwrap(n.expression);
    }
    if (!ts.isIdentifier(n)) return undefined;
    const bound = this.ofName(n);
    return bound && [...bound, ...names.reverse()];
  }

  /** What a name is bound to: only `const` declarations (and `for (const … of …)`), so
   * a value reassigned later is never judged. */
  private ofName(name: ts.Identifier): string[] | undefined {
    const declaration = this.checker.getSymbolAtLocation(name)?.valueDeclaration;
    if (!declaration) return undefined;
    if (this.memo.has(declaration)) return this.memo.get(declaration);
    this.memo.set(declaration, undefined);
    const chain = this.ofDeclaration(declaration);
    this.memo.set(declaration, chain);
    return chain;
  }

  private ofDeclaration(declaration: ts.Declaration): string[] | undefined {
    if (ts.isVariableDeclaration(declaration)) {
      const list = declaration.parent;
      if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return undefined;
      if (declaration.initializer) return this.of(declaration.initializer);
      // `for (const x of <list>)` binds an element of the list: the same chain.
      return ts.isForOfStatement(list.parent) ? this.of(list.parent.expression) : undefined;
    }
    if (ts.isBindingElement(declaration) && !declaration.dotDotDotToken && ts.isObjectBindingPattern(declaration.parent)) {
      const owner = declaration.parent.parent;
      if (!ts.isVariableDeclaration(owner)) return undefined;
      const chain = this.ofDeclaration(owner);
      const key = declaration.propertyName ?? declaration.name;
      return chain && ts.isIdentifier(key) ? [...chain, key.text] : undefined;
    }
    return undefined;
  }
}

/** Whether the schema writes the value at `chain` (from a root field) as a global id;
 * false when the chain cannot be followed. */
export function writesGlobalId(schema: GraphQLSchema, chain: string[]): boolean {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  for (const root of roots) {
    let field: GraphQLField<unknown, unknown> | undefined = root?.getFields()[chain[0]!];
    let owner: { name: string; isNode: boolean } | undefined;
    for (const name of chain.slice(1)) {
      if (!field) break;
      const type = getNamedType(field.type);
      if (!isObjectType(type) && !isInterfaceType(type)) {
        field = undefined;
        break;
      }
      owner = { name: type.name, isNode: type.name === 'Node' || (isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node')) };
      field = type.getFields()[name];
    }
    if (!field || chain.length < 2) continue;
    if (owner?.isNode && field.name === 'id') return true;
    return Array.isArray(field.extensions?.[NODE_REF]);
  }
  return false;
}

/** Every place in `files` that passes an id read from a GraphQL answer to SQL. */
export function apiIdsInSql(files: string[], schema: GraphQLSchema): (Offence & { file: string })[] {
  const program = ts.createProgram(files, { noLib: true, noResolve: true, allowJs: false, types: [], target: ts.ScriptTarget.Latest });
  const chains = new AnswerChains(program.getTypeChecker());
  const offences: (Offence & { file: string })[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['query', 'one'].includes(node.expression.name.text)) {
        const params = node.arguments[1];
        if (params && ts.isArrayLiteralExpression(params)) {
          for (const element of params.elements) {
            const chain = chains.of(element);
            if (chain && writesGlobalId(schema, chain)) {
              offences.push({ file, line: source.getLineAndCharacterOfPosition(element.getStart()).line + 1, text: element.getText() });
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return offences;
}
