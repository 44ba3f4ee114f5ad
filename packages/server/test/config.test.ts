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
    ['PHONE_DEFAULT_REGION', 'XX'],
    ['PHONE_DEFAULT_REGION', 'cn'],
    ['DUPLICATE_NAME_SIMILARITY', '1.5'],
    ['DATA_QUALITY_OUTDATED_YEARS', '0'],
    ['BULK_TAG_LIMIT', 'many'],
  ])('stops on a bad %s and names it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}:`));
  });

  it('reads the cleanup settings', () => {
    expect(loadConfig({})).toMatchObject({ PHONE_DEFAULT_REGION: 'CN', DATA_QUALITY_OUTDATED_YEARS: 3, DUPLICATE_NAME_SIMILARITY: 0.6, BULK_TAG_LIMIT: 10_000 });
    expect(loadConfig({ PHONE_DEFAULT_REGION: 'US' }).PHONE_DEFAULT_REGION).toBe('US');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).PORT).toBe(4000);
  });
});
