import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { selectsField } from '../../graphql/selection.js';
import { SearchScope } from './search.enums.js';
import { ArchiveSearchFilter, CustomerSearchFilter, ReindexArchiveInput } from './search.inputs.js';
import { ReindexArchivePayload } from './search.payloads.js';
import { reindexArchive, searchArchive, searchConsistency, searchCustomers, searchIndexStatus } from './search.service.js';
import { ArchiveSearchResult, CustomerSearchResult, SearchConsistency, SearchIndexStatus } from './search.type.js';
import { ownRowsRoles, rolesFor } from '../../policy/role-notes.js';
import { Action } from '../../policy/policy.js';

const QUERY = { description: 'What to look for: a name (Chinese or English, typos tolerated), a code, or a phone or email fragment.' };
const FIRST = { nullable: true, description: 'Hits per page (default 20, at most 100; 0 for totals and facets only).' };
const AFTER = { nullable: true, description: 'endCursor of the previous page.' };

@Resolver()
export class SearchResolver {
  @Query(() => ArchiveSearchResult, {
    description: `Finds archived customers, with facets (counted only when the query asks for them). Matches only fields the caller may read in full; ${ownRowsRoles()} sees only its own. SEARCH_UNAVAILABLE when the search engine does not answer.`,
  })
  searchArchive(
    @Arg('query', QUERY) query: string,
    @Arg('filter', () => ArchiveSearchFilter, { nullable: true, description: 'Which archived customers.' }) filter: ArchiveSearchFilter | null,
    @Arg('first', () => Int, FIRST) first: number | null,
    @Arg('after', () => String, AFTER) after: string | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return searchArchive(ctx, { query, filter, first, after, facets: selectsField(info, 'facets') });
  }

  @Query(() => CustomerSearchResult, { description: 'Finds customers wherever they are stored: live, archived or both.' })
  search(
    @Arg('query', QUERY) query: string,
    @Arg('scope', () => SearchScope, { defaultValue: SearchScope.ALL, description: 'Which stores to search.' }) scope: SearchScope,
    @Arg('filter', () => CustomerSearchFilter, { nullable: true, description: 'Criteria both stores share.' }) filter: CustomerSearchFilter | null,
    @Arg('first', () => Int, FIRST) first: number | null,
    @Arg('after', () => String, AFTER) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return searchCustomers(ctx, { query, scope, filter, first, after });
  }

  @Query(() => SearchIndexStatus, { description: `How far the archive search index is behind (${rolesFor(Action.SEARCH_ADMIN)}).` })
  searchIndexStatus(@Ctx() ctx: RequestContext) {
    return searchIndexStatus(ctx);
  }

  @Query(() => SearchConsistency, { description: `Compares the archive with its search index: counts and digests (${rolesFor(Action.SEARCH_ADMIN)}).` })
  searchConsistency(@Ctx() ctx: RequestContext) {
    return searchConsistency(ctx);
  }

  @Mutation(() => ReindexArchivePayload, { description: `Rebuilds the archive search index in a background job (${rolesFor(Action.SEARCH_ADMIN)}).` })
  async reindexArchive(
    @Arg('input', () => ReindexArchiveInput, { description: 'Why.' }) input: ReindexArchiveInput,
    @Ctx() ctx: RequestContext,
  ) {
    return { job: await reindexArchive(ctx, input) };
  }
}
