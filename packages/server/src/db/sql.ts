import type { EntityManager } from '@mikro-orm/postgresql';
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type pg from 'pg';
import { queryPrepared } from './prepared.js';

/** Counts statements sent on behalf of one request (kept in an object because Apollo
 * copies the context shallowly). */
export interface SqlStats {
  statements: number;
}

/**
 * Runs hand-written SQL with server-side bound parameters ($1, $2 …) on the entity
 * manager's connection, inside its transaction when one is open. MikroORM's own
 * `execute` interpolates parameters into the text, which we avoid for reads.
 */
export class SqlExecutor {
  readonly #fork: LazyFork;

  constructor(
    em: EntityManager | LazyFork,
    readonly stats: SqlStats = { statements: 0 },
  ) {
    this.#fork = em instanceof LazyFork ? em : new LazyFork(em, em);
  }

  private get em(): EntityManager {
    return this.#fork.em;
  }

  async query<T = Record<string, unknown>>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    const executor =
      this.em.getTransactionContext<Transaction<unknown>>() ??
      (this.em.getConnection().getClient() as Kysely<unknown>);
    this.stats.statements += 1;
    const result = await executor.executeQuery<T>(CompiledQuery.raw(text, params as unknown[]));
    return result.rows as T[];
  }

  /**
   * `query` for a statement whose text depends only on a request's shape (a read plan):
   * outside a transaction it runs as a named statement, parsed and planned once per
   * connection (db/prepared.ts); inside one it runs as `query` does, on the transaction's
   * connection.
   */
  async prepared<T = Record<string, unknown>>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    // A fork not made yet is in no transaction, and every fork shares the ORM's connection.
    const em = this.#fork.forked;
    if (em?.isInTransaction()) return this.query<T>(text, params);
    const connection = (em ?? this.#fork.root).getConnection();
    let pool = pools.get(connection);
    if (!pool) {
      pool = (await connection.getNativeClient()) as pg.Pool;
      pools.set(connection, pool);
    }
    this.stats.statements += 1;
    return queryPrepared<T>(pool, text, params);
  }

  /** Whether statements run inside a transaction (work that must not, checks first). */
  get inTransaction(): boolean {
    return this.#fork.forked?.isInTransaction() ?? false;
  }

  async one<T = Record<string, unknown>>(text: string, params: readonly unknown[] = []): Promise<T | undefined> {
    const rows = await this.query<T>(text, params);
    return rows[0];
  }

  /** Runs `work` in a transaction (a savepoint when one is open already), e.g. for
   * statements that need `set_config(…, true)` to hold for them only. */
  async transaction<T>(work: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    return this.em.transactional((em) => work(new SqlExecutor(em, this.stats)));
  }
}

const pools = new WeakMap<object, pg.Pool>();

/**
 * A request's EntityManager, forked from the ORM's when first used. Most reads run one
 * prepared statement straight on the pool and never touch it; the fork (an identity
 * map, a unit of work, their maps) was ~2% of a small list request's CPU.
 */
export class LazyFork {
  #em: EntityManager | undefined;

  /** `made`: a fork already made (a transaction's), used as it is. */
  constructor(
    readonly root: EntityManager,
    made?: EntityManager,
  ) {
    this.#em = made;
  }

  get em(): EntityManager {
    return (this.#em ??= this.root.fork());
  }

  set em(em: EntityManager) {
    this.#em = em;
  }

  /** The fork, if it was made. */
  get forked(): EntityManager | undefined {
    return this.#em;
  }
}

/** Collects parameters while a statement is assembled, handing out `$n` placeholders. */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}

/** Escapes LIKE wildcards so user text matches literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
