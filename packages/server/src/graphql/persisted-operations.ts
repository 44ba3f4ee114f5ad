import fs from 'node:fs';
import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Config } from '../config.js';
import type { RequestContext } from '../core/context.js';

/** One entry of packages/schema/persisted-operations.json. */
export interface RegisteredOperation {
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  /** Lower-case hex SHA-256 of `document`, exactly as clients hash it (Apollo APQ). */
  sha256: string;
  document: string;
}

/**
 * The operations clients may send by hash, generated from packages/schema/operations/*.graphql
 * (`pnpm --filter @custos/schema generate`) and committed, so the server, the guides and
 * any reporting tool share one list. With PERSISTED_OPERATIONS=only they are the only
 * documents the server runs.
 */
export class OperationRegistry {
  readonly byHash = new Map<string, RegisteredOperation>();
  readonly names = new Set<string>();

  constructor(operations: readonly RegisteredOperation[] = []) {
    for (const op of operations) {
      this.byHash.set(op.sha256, op);
      this.names.add(op.name);
    }
  }

  static load(config: Config): OperationRegistry {
    if (config.PERSISTED_OPERATIONS === 'off') return new OperationRegistry();
    const file = config.PERSISTED_OPERATIONS_FILE;
    if (!fs.existsSync(file)) {
      if (config.PERSISTED_OPERATIONS === 'only') {
        throw new Error(`PERSISTED_OPERATIONS=only but the registry ${file} does not exist (PERSISTED_OPERATIONS_FILE)`);
      }
      return new OperationRegistry();
    }
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { operations?: RegisteredOperation[] };
    if (!Array.isArray(parsed.operations)) throw new Error(`${file} is not an operations registry (no "operations" list)`);
    return new OperationRegistry(parsed.operations);
  }
}

type Cache = NonNullable<NonNullable<Exclude<ApolloServerOptions<RequestContext>['persistedQueries'], false>>['cache']>;

/** Apollo stores APQ entries under `apq:<hash>` unless told otherwise; accept both. */
const hashOf = (key: string) => (key.startsWith('apq:') ? key.slice(4) : key);

/**
 * The APQ cache: registered operations first, then (mode `allow`) documents clients
 * registered at run time, bounded in entries and characters so no client can fill memory.
 * In mode `only` nothing is added at run time.
 */
export class RegistryCache implements Cache {
  readonly #learned = new Map<string, string>();
  #chars = 0;

  constructor(
    private readonly registry: OperationRegistry,
    private readonly learn: boolean,
    private readonly maxEntries = 1_000,
    private readonly maxChars = 8_000_000,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const hash = hashOf(key);
    return this.registry.byHash.get(hash)?.document ?? this.#learned.get(hash);
  }

  async set(key: string, value: string): Promise<void> {
    const hash = hashOf(key);
    if (!this.learn || this.registry.byHash.has(hash) || this.#learned.has(hash)) return;
    if (value.length > this.maxChars / 10) return;
    this.#learned.set(hash, value);
    this.#chars += value.length;
    while (this.#learned.size > this.maxEntries || this.#chars > this.maxChars) {
      const [oldest, doc] = this.#learned.entries().next().value as [string, string];
      this.#learned.delete(oldest);
      this.#chars -= doc.length;
    }
  }

  async delete(key: string): Promise<boolean> {
    return this.#learned.delete(hashOf(key));
  }
}

export function persistedQueriesOption(config: Config, registry: OperationRegistry): ApolloServerOptions<RequestContext>['persistedQueries'] {
  if (config.PERSISTED_OPERATIONS === 'off') return false;
  return { cache: new RegistryCache(registry, config.PERSISTED_OPERATIONS === 'allow') };
}

export const operationNotRegistered = () =>
  new GraphQLError('This server runs registered operations only; this document is not in the registry', {
    extensions: { code: 'OPERATION_NOT_REGISTERED', http: { status: 400 } },
  });

/**
 * PERSISTED_OPERATIONS=only: any document whose hash is not registered is refused once it
 * has been resolved to an operation, before the caller is looked up and before anything
 * executes. Listed before the auth plugin so its error is the one the client sees.
 */
export function registeredOnlyPlugin(registry: OperationRegistry): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ queryHash }) {
          if (!registry.byHash.has(queryHash)) throw operationNotRegistered();
        },
      };
    },
  };
}
