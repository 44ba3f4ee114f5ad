import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { relativeTime } from '../src/shared/relative-time.ts';

const NOW = Date.parse('2026-12-04T12:00:00Z');
const after = (seconds: number) => new Date(NOW + seconds * 1000).toISOString();

describe('relativeTime (the recycle bin\u2019s countdown, the inbox\u2019s expiry)', () => {
  it('says a purge 30 days ahead in words, in both languages, even a few seconds after scheduling', () => {
    assert.equal(relativeTime(after(30 * 86_400 - 5), 'en', NOW), 'in 30 days');
    assert.equal(relativeTime(after(30 * 86_400 - 5), 'zh-CN', NOW), '30天后');
  });

  it('takes the largest unit that fits, and the past too', () => {
    assert.equal(relativeTime(after(3 * 3_600), 'en', NOW), 'in 3 hours');
    assert.equal(relativeTime(after(-2 * 60), 'en', NOW), '2 minutes ago');
    assert.equal(relativeTime(after(-86_400), 'en', NOW), 'yesterday');
    assert.equal(relativeTime(after(-86_400), 'zh-CN', NOW), '昨天');
    assert.equal(relativeTime(after(10), 'en', NOW), 'in 10 seconds');
  });
});
