/**
 * Relay global object ids: base64url (no padding) of `<TypeName>:<database id>`, e.g.
 * `Customer:123` → `Q3VzdG9tZXI6MTIz`. Opaque to clients and unique across types, so a
 * normalized client store never mixes Customer 3 with User 3. The type name is the
 * GraphQL object type's, which is also the name `node(id)` resolves to. (Here, below
 * every layer, so error messages anywhere can name objects the way clients do; the
 * GraphQL layer re-exports it with the decoding side in graphql/global-id.ts.)
 */
export function toGlobalId(typeName: string, id: string | number | bigint): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64url');
}

/**
 * An id as a message or error shows it to a client: the global id of a database id (the
 * client speaks global ids; a bare database number means nothing to it), any other text
 * (what the client sent, when it is no id at all) unchanged.
 */
export function idForClient(typeName: string, id: string | number | bigint): string {
  const text = String(id);
  return /^\d{1,20}$/.test(text) ? toGlobalId(typeName, text) : text;
}
