/**
 * The global id the API gives an object (schema 0.2: base64url of `<Type>:<database id>`).
 * Clients treat ids as opaque (docs/api-clients/global-ids.md); the dashboard ships with
 * the server, and needs this only where the API hands it a bare database id: the record
 * an audit event is about (`entityType` + `entityId`).
 */
export function globalId(typeName: string, id: string): string {
  return btoa(`${typeName}:${id}`).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}
