import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { en } from '../src/i18n/en.ts';
import { zhCN } from '../src/i18n/zh-cn.ts';
import { schema } from './schema-fixture.ts';
import chineseModule from '@haxqer/ra-language-chinese';
import englishMessages from 'ra-language-english';

function leaves(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('messages', () => {
  it('has the same keys in English and Chinese', () => {
    assert.deepEqual(leaves(zhCN).sort(), leaves(en).sort());
  });

  it('translates every value of every enum the dashboard shows', () => {
    const shown = ['CustomerStatus', 'CustomerType', 'CustomerTier', 'LifecycleStage', 'InteractionKind', 'InteractionChannel', 'VoidReason', 'Role', 'JobState', 'JobKind', 'ArchivePolicyAction', 'CustomerDimension', 'TimeBucket', 'CleanupField', 'DataQualityProblem', 'SearchEngine'];
    for (const name of shown) {
      const type = schema.types.find((t) => t.name === name);
      assert.ok(type && type.kind === 'ENUM', `${name} is an enum in the schema`);
      const values = type.enumValues.map((v) => v.name).sort();
      for (const messages of [en, zhCN]) {
        const table = (messages.custos.enums as Record<string, Record<string, string>>)[name];
        assert.ok(table, `messages for ${name}`);
        assert.deepEqual(Object.keys(table).sort(), values, `${name} values`);
      }
    }
  });

  it('translates react-admin\'s saved-query messages (the customers list\'s saved filters)', () => {
    const chinese = ((chineseModule as { default?: unknown }).default ?? chineseModule) as { ra: { saved_queries: Record<string, string> } };
    const english = ((englishMessages as { default?: unknown }).default ?? englishMessages) as { ra: { saved_queries: Record<string, string> } };
    const ours = (zhCN as unknown as { ra?: { saved_queries?: Record<string, string> } }).ra?.saved_queries ?? {};
    for (const key of Object.keys(english.ra.saved_queries)) {
      const text = ours[key] ?? chinese.ra.saved_queries[key];
      assert.ok(text && /[\u4e00-\u9fff]/.test(text), `ra.saved_queries.${key} in Chinese`);
    }
  });

  it('has Chinese text that differs from English for labels', () => {
    assert.notEqual(zhCN.resources.customers.name, en.resources.customers.name);
    assert.match(zhCN.custos.errors.conflict, /其他人/);
  });
});

/** Every .ts/.tsx file under src. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('message keys used in the code', () => {
  it('all exist in the English catalogue (so no raw key ever shows)', () => {
    const known = new Set(leaves(en));
    const missing: string[] = [];
    for (const file of sources(new URL('../src', import.meta.url).pathname)) {
      const text = readFileSync(file, 'utf8');
      // Whole literal keys only; keys built at run time (`custos.enums.${name}`) are covered above.
      for (const match of text.matchAll(/['"`]((?:custos|resources)\.[A-Za-z0-9_.-]+)['"`]/g)) {
        const key = match[1]!;
        // The session's localStorage key is not a message.
        if (key.endsWith('.') || key === 'custos.session') continue;
        if (!known.has(key) && ![...known].some((k) => k.startsWith(`${key}.`))) missing.push(`${path.basename(file)}: ${key}`);
      }
    }
    assert.deepEqual(missing, []);
  });
});
