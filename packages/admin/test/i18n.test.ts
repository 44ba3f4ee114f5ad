import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { catalogues, ownChinese as zhCN, ownEnglish as en } from '../src/i18n/catalogues.ts';
import { schema } from './schema-fixture.ts';
import englishMessages from 'ra-language-english';

function leaves(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('messages', () => {
  it('has the same keys in English and Chinese', () => {
    // Named both ways, so a failure says which catalogue lacks which key.
    const english = new Set(leaves(en));
    const chinese = new Set(leaves(zhCN));
    assert.deepEqual([...english].filter((k) => !chinese.has(k)), [], 'keys missing in Chinese');
    assert.deepEqual([...chinese].filter((k) => !english.has(k)), [], 'keys missing in English');
  });

  it('leaves no react-admin message in English on the Chinese screens', () => {
    const english = ((englishMessages as { default?: unknown }).default ?? englishMessages) as Record<string, unknown>;
    const chinese = catalogues['zh-CN'] as Record<string, unknown>;
    const value = (tree: Record<string, unknown>, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
    // Symbols and placeholders only: nothing to translate.
    const neutral = new Set(['ra.boolean.null', 'ra.page.edit', 'ra.page.show']);
    const untranslated = leaves(english).filter((key) => !neutral.has(key) && !/[\u4e00-\u9fff]/.test(String(value(chinese, key) ?? '')));
    assert.deepEqual(untranslated, []);
  });

  it('has no space between Chinese words and no ASCII sentence end in Chinese messages', () => {
    const chinese = catalogues['zh-CN'] as Record<string, unknown>;
    const bad: string[] = [];
    const walk = (node: unknown, prefix: string) => {
      if (typeof node === 'string') {
        // "客户 列表": a placeholder or a Chinese word followed by a space and a Chinese word.
        if (/(?:[\u4e00-\u9fff]|%\{name\}) [\u4e00-\u9fff]/.test(node) || /[\u4e00-\u9fff][.?!]( |$)/.test(node)) bad.push(`${prefix}: ${node}`);
        return;
      }
      if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
    };
    walk(chinese, '');
    assert.deepEqual(bad, []);
  });

  it('translates every value of every enum the dashboard shows', () => {
    const shown = ['CustomerStatus', 'CustomerType', 'CustomerTier', 'LifecycleStage', 'InteractionKind', 'InteractionChannel', 'VoidReason', 'Role', 'JobState', 'JobKind', 'JobReasonCode', 'ArchivePolicyAction', 'CustomerDimension', 'TimeBucket', 'CleanupField', 'DataQualityProblem', 'SearchEngine', 'ImportDuplicateAction', 'CustomerImportState', 'DuplicateMatchKind', 'ApprovalOperation', 'ApprovalState', 'ScheduledPurgeState'];
    for (const name of shown) {
      const type = schema.types.find((t) => t.name === name);
      assert.ok(type && type.kind === 'ENUM', `${name} is an enum in the schema`);
      const values = type.enumValues.map((v) => v.name).sort();
      for (const messages of [en, zhCN]) {
        const table = ((messages as typeof en).custos.enums as Record<string, Record<string, string>>)[name];
        assert.ok(table, `messages for ${name}`);
        assert.deepEqual(Object.keys(table).sort(), values, `${name} values`);
      }
    }
  });

  it('translates react-admin\'s saved-query messages (every list\'s saved filters)', () => {
    const english = ((englishMessages as { default?: unknown }).default ?? englishMessages) as { ra: { saved_queries: Record<string, string> } };
    const chinese = catalogues['zh-CN'] as unknown as { ra: { saved_queries: Record<string, string> } };
    for (const key of Object.keys(english.ra.saved_queries)) {
      const text = chinese.ra.saved_queries[key];
      assert.ok(text && /[\u4e00-\u9fff]/.test(text), `ra.saved_queries.${key} in Chinese`);
    }
  });

  it('has Chinese text that differs from English for labels', () => {
    assert.notEqual(zhCN.resources.customers.name, en.resources.customers.name);
    assert.notEqual(zhCN.custos.ui.saved_filters, en.custos.ui.saved_filters);
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
