import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from '../src/i18n/en.ts';
import { zhCN } from '../src/i18n/zh-cn.ts';
import { schema } from './schema-fixture.ts';

function leaves(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('messages', () => {
  it('has the same keys in English and Chinese', () => {
    assert.deepEqual(leaves(zhCN).sort(), leaves(en).sort());
  });

  it('translates every value of every enum the dashboard shows', () => {
    const shown = ['CustomerStatus', 'CustomerType', 'CustomerTier', 'LifecycleStage', 'InteractionKind', 'InteractionChannel', 'VoidReason', 'Role'];
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

  it('has Chinese text that differs from English for labels', () => {
    assert.notEqual(zhCN.resources.customers.name, en.resources.customers.name);
    assert.match(zhCN.custos.errors.conflict, /其他人/);
  });
});
