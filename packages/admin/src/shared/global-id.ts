/**
 * The global id the API gives an object (schema 0.2: base64url of `<Type>:<database id>`).
 * Clients treat ids as opaque (docs/api-clients/global-ids.md); the dashboard ships with
 * the server, and needs this only where the API hands it a bare database id: the record
 * an audit event is about (`entityType` + `entityId`).
 */
export function globalId(typeName: string, id: string): string {
  return btoa(`${typeName}:${id}`).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/**
 * The same customer's global id in the other store: a customer keeps its database id when
 * archived or restored, and its global id names the store. For links from an object that
 * names a customer by its Customer id whether archived or not (a subject match).
 */
export function customerIdIn(store: 'Customer' | 'ArchivedCustomer', id: string): string {
  const decoded = atob(id.replaceAll('-', '+').replaceAll('_', '/'));
  const colon = decoded.indexOf(':');
  return colon < 0 ? id : globalId(store, decoded.slice(colon + 1));
}
