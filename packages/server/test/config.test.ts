import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ NODE_ENV: 'development', PORT: 4000, isProduction: false });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['NODE_ENV', 'staging'],
    ['DATABASE_URL', 'mysql://localhost/custos'],
    ['DB_POOL_MAX', '0'],
    ['LOG_LEVEL', 'loud'],
    ['MEILI_HOST', 'not a url'],
    ['MEILI_INDEX', 'bad name!'],
    ['SEARCH_SYNC', 'maybe'],
    ['SEARCH_CANDIDATE_LIMIT', '10'],
  ])('stops on a bad %s and names it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}:`));
  });

  it('selects the search engine from MEILI_HOST and refuses a key without a host', () => {
    expect(loadConfig({}).MEILI_HOST).toBeUndefined();
    expect(loadConfig({ MEILI_HOST: 'http://127.0.0.1:7700', MEILI_API_KEY: 'k' })).toMatchObject({ MEILI_INDEX: 'archived_customers' });
    expect(() => loadConfig({ MEILI_API_KEY: 'k' })).toThrow(/MEILI_API_KEY: is set but MEILI_HOST is not/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).PORT).toBe(4000);
  });
});
