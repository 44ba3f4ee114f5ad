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
    ['PHONE_DEFAULT_REGION', 'XX'],
    ['PHONE_DEFAULT_REGION', 'cn'],
    ['DUPLICATE_NAME_SIMILARITY', '1.5'],
    ['DATA_QUALITY_OUTDATED_YEARS', '0'],
    ['BULK_TAG_LIMIT', 'many'],
  ])('stops on a bad %s and names it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}:`));
  });

  it('selects the search engine from MEILI_HOST and refuses a key without a host', () => {
    expect(loadConfig({}).MEILI_HOST).toBeUndefined();
    expect(loadConfig({ MEILI_HOST: 'http://127.0.0.1:7700', MEILI_API_KEY: 'k' })).toMatchObject({ MEILI_INDEX: 'archived_customers' });
    expect(() => loadConfig({ MEILI_API_KEY: 'k' })).toThrow(/MEILI_API_KEY: is set but MEILI_HOST is not/);
  });

  it('reads the cleanup settings', () => {
    expect(loadConfig({})).toMatchObject({ PHONE_DEFAULT_REGION: 'CN', DATA_QUALITY_OUTDATED_YEARS: 3, DUPLICATE_NAME_SIMILARITY: 0.6, BULK_TAG_LIMIT: 10_000 });
    expect(loadConfig({ PHONE_DEFAULT_REGION: 'US' }).PHONE_DEFAULT_REGION).toBe('US');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).PORT).toBe(4000);
  });
});
