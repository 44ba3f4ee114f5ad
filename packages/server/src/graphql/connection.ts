import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { Page } from '../db/paginate.js';

@ObjectType({ description: 'Relay page information.', simpleResolvers: true })
export class PageInfo {
  @Field({ description: 'Whether more items follow the last one of this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede the first one of this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of this page.' })
  endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: 'Number of items after `after` (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to continue after.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of items before `before`.' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to continue before.' })
  before?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Items to skip after the cursor (or from the start); for page jumps in tables.',
  })
  offset?: number | null;
}

/** Edge and connection types: built by their constructors, never holding a function. */
export const PLAIN_CONNECTION_TYPES = new Set<string>(['PageInfo']);

export interface EdgeShape<T> {
  cursor: string;
  node: T;
}

/**
 * Builds `<Name>Connection` and `<Name>Edge` types. `totalCount` is computed only when
 * a client asks for it: the connection carries a thunk, not a number.
 */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  PLAIN_CONNECTION_TYPES.add(`${name}Edge`).add(`${name}Connection`);
  @ObjectType(`${name}Edge`, { description: `An edge in a ${name} connection.`, simpleResolvers: true })
  class Edge implements EdgeShape<T> {
    @Field({ description: 'Opaque cursor of this item.' })
    cursor!: string;

    @Field(() => nodeType, { description: 'The item.' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.`, simpleResolvers: true })
  class Connection {
    readonly #count: () => Promise<number>;

    constructor(
      page: Page<T>,
      count: () => Promise<number>,
    ) {
      this.edges = page.rows.map((node, i) => ({ cursor: page.cursors[i]!, node }));
      this.nodes = page.rows;
      this.pageInfo = {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: page.cursors[0] ?? null,
        endCursor: page.cursors[page.cursors.length - 1] ?? null,
      };
      this.#count = count;
    }

    @Field(() => [Edge], { description: 'Items with their cursors.' })
    edges: EdgeShape<T>[];

    @Field(() => [nodeType], { description: 'Items without cursors.' })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Paging state.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Number of items matching the filter, regardless of paging.' })
    totalCount(): Promise<number> {
      return this.#count();
    }
  }

  return Connection;
}
