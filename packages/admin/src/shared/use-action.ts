import { useMutation } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import { ACTIONS, type ActionName } from '../actions.ts';
import type { ActionSpec } from '../data-provider/actions.ts';
import { schemaIndex } from '../data-provider/schema.ts';
import type { CustosDataProvider } from '../data-provider/index.ts';

/**
 * One lifecycle action (void, archive, purge…) as a react-query mutation over the data
 * provider's `action` method, by the name src/actions.ts gives it. Pessimistic by construction: nothing changes on screen until
 * the server said yes, because these actions move or delete records.
 */
export function useAction<T = Record<string, unknown>>(name: ActionName) {
  const dataProvider = useDataProvider<CustosDataProvider>();
  return useMutation<T, unknown, Record<string, unknown>>({
    mutationFn: async (input) => (await dataProvider.action(ACTIONS[name], input)).data as T,
  });
}

/**
 * Whether the server's schema offers the action at all (older servers hide the button).
 * Read from the static schema, not through useDataProvider: react-admin's proxy around
 * the provider expects every method to return a promise.
 */
export function useSupports(name: ActionName): boolean {
  const spec: ActionSpec = ACTIONS[name];
  return spec.query ? schemaIndex.hasQuery(spec.mutation) : schemaIndex.hasMutation(spec.mutation);
}

export interface LifecycleFailure {
  id: string;
  code: string;
  message: string;
}

/** The shape of every bulk payload: what changed and, per id, what did not. */
export interface BulkPayload {
  customers: { id: string }[];
  failures: LifecycleFailure[];
}
