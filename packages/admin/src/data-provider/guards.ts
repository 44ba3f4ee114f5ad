/**
 * One document for every role: a field some role may not read at all is asked for only
 * under `@include(if: $see_Type_field)`, and the variable says whether this user may read
 * it (its level from `me.permissions`). The documents are then fixed texts, registered in
 * packages/schema (operations/dashboard/resources.graphql), and a role never asks for a
 * field it would only get FORBIDDEN for. Plain TypeScript on `graphql` (unit tests, the
 * generator script and the browser share it).
 */
import { Kind, visit, type DocumentNode, type OperationDefinitionNode, type VariableDefinitionNode } from 'graphql';
import { canRead, type Access } from '../auth/access.ts';
import { GUARDED_FIELDS } from './generated/guarded-fields.ts';

const GUARDED = new Set(GUARDED_FIELDS);
const PREFIX = 'see_';

export function isGuarded(typeName: string, field: string): boolean {
  return GUARDED.has(`${typeName}.${field}`);
}

/** `email` of Customer as the selection writes it: with its @include when guarded. */
export function guardedField(typeName: string, field: string, selection = ''): string {
  const text = selection ? `${field} { ${selection} }` : field;
  if (!isGuarded(typeName, field)) return text;
  return selection ? `${field} @include(if: $${PREFIX}${typeName}_${field}) { ${selection} }` : `${field} @include(if: $${PREFIX}${typeName}_${field})`;
}

/** The guard variables an operation uses, in a fixed order. */
function guardNames(operation: OperationDefinitionNode): string[] {
  const names = new Set<string>();
  visit(operation, {
    Variable(node) {
      if (node.name.value.startsWith(PREFIX)) names.add(node.name.value);
    },
  });
  return [...names].sort();
}

/**
 * Declares each guard variable the operation uses (`$see_Customer_email: Boolean!`, after
 * its own variables, sorted), so builders write selections without tracking them.
 */
export function declareGuards(document: DocumentNode): DocumentNode {
  return {
    ...document,
    definitions: document.definitions.map((definition) => {
      if (definition.kind !== Kind.OPERATION_DEFINITION) return definition;
      const declared = new Set((definition.variableDefinitions ?? []).map((v) => v.variable.name.value));
      const added: VariableDefinitionNode[] = guardNames(definition)
        .filter((name) => !declared.has(name))
        .map((name) => ({
          kind: Kind.VARIABLE_DEFINITION,
          variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } },
          type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'Boolean' } } },
          directives: [],
        }));
      return added.length ? { ...definition, variableDefinitions: [...(definition.variableDefinitions ?? []), ...added] } : definition;
    }),
  };
}

/** This user's values for the guard variables of `document`: may they read the field at all? */
export function guardValues(document: DocumentNode, access: Access | undefined): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const name of guardNames(definition)) {
      const [typeName, ...field] = name.slice(PREFIX.length).split('_');
      out[name] = canRead(access, `${typeName}.${field.join('_')}`);
    }
  }
  return out;
}
