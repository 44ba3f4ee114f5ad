import { registerEnumType } from 'type-graphql';
import { SearchEngine } from '../../search/search-index.js';

export { SearchEngine };

/** Where `search` looks. */
export enum SearchScope {
  LIVE = 'LIVE',
  ARCHIVED = 'ARCHIVED',
  ALL = 'ALL',
}

registerEnumType(SearchEngine, {
  name: 'SearchEngine',
  description: 'The engine that answered an archive search.',
  valuesConfig: {
    POSTGRES: { description: 'PostgreSQL full-text and trigram search (SEARCH_ENGINE=postgres, or where no Meilisearch is available).' },
    MEILISEARCH: { description: 'Meilisearch: the server at MEILI_HOST, or in development the embedded one (the default).' },
  },
});

registerEnumType(SearchScope, {
  name: 'SearchScope',
  description: 'Which stores a search covers.',
  valuesConfig: {
    LIVE: { description: 'Live customers only (ACTIVE and VOID; merged records are left out).' },
    ARCHIVED: { description: 'Archived customers only.' },
    ALL: { description: 'Live and archived customers together, best matches first.' },
  },
});
