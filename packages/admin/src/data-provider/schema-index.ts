import type {
  IntrospectionField,
  IntrospectionInputValue,
  IntrospectionSchema,
  IntrospectionType,
  IntrospectionTypeRef,
} from 'graphql';

/** The named type under any NON_NULL / LIST wrappers, and whether a LIST was among them. */
export interface UnwrappedType {
  name: string;
  kind: IntrospectionType['kind'];
  isList: boolean;
}

export function unwrap(ref: IntrospectionTypeRef): UnwrappedType {
  let isList = false;
  let current = ref;
  while (current.kind === 'NON_NULL' || current.kind === 'LIST') {
    if (current.kind === 'LIST') isList = true;
    current = current.ofType;
  }
  return { name: current.name, kind: current.kind, isList };
}

/**
 * Look-ups over the static introspection result. The data provider asks the schema,
 * not a hand-kept list, which fields an input type accepts and which values an enum has,
 * so a field the server adds becomes usable without touching the provider.
 */
export class SchemaIndex {
  private readonly types = new Map<string, IntrospectionType>();
  readonly schema: IntrospectionSchema;

  constructor(schema: IntrospectionSchema) {
    this.schema = schema;
    for (const type of schema.types) this.types.set(type.name, type);
  }

  type(name: string): IntrospectionType {
    const type = this.types.get(name);
    if (!type) throw new Error(`The schema has no type ${name}`);
    return type;
  }

  /** Output fields of an object type. */
  fields(typeName: string): readonly IntrospectionField[] {
    const type = this.type(typeName);
    if (type.kind !== 'OBJECT' && type.kind !== 'INTERFACE') throw new Error(`${typeName} is not an object type`);
    return type.fields;
  }

  /** Fields of an input object type. */
  inputFields(typeName: string): readonly IntrospectionInputValue[] {
    const type = this.type(typeName);
    if (type.kind !== 'INPUT_OBJECT') throw new Error(`${typeName} is not an input type`);
    return type.inputFields;
  }

  enumValues(typeName: string): string[] {
    const type = this.type(typeName);
    if (type.kind !== 'ENUM') throw new Error(`${typeName} is not an enum`);
    return type.enumValues.map((v) => v.name);
  }

  private rootField(rootName: string | undefined, name: string): IntrospectionField | undefined {
    return rootName ? this.fields(rootName).find((f) => f.name === name) : undefined;
  }

  query(name: string): IntrospectionField {
    const field = this.rootField(this.schema.queryType.name, name);
    if (!field) throw new Error(`The schema has no query ${name}`);
    return field;
  }

  mutation(name: string): IntrospectionField {
    const field = this.rootField(this.schema.mutationType?.name, name);
    if (!field) throw new Error(`The schema has no mutation ${name}`);
    return field;
  }

  hasMutation(name: string): boolean {
    return this.rootField(this.schema.mutationType?.name, name) !== undefined;
  }

  hasQuery(name: string): boolean {
    return this.rootField(this.schema.queryType.name, name) !== undefined;
  }

  /** The named input type of an argument, e.g. `customers(filter:)` → CustomerFilter. */
  argType(field: IntrospectionField, argName: string): UnwrappedType | undefined {
    const arg = field.args.find((a) => a.name === argName);
    return arg ? unwrap(arg.type) : undefined;
  }
}
