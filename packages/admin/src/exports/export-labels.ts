/**
 * Words for an export's coded values (issue 18: the Chinese CSV held SMB, CN-SH, ACTIVE):
 * for each coded column of the exported resource, every value with its word in the
 * export's language, taken from the same catalogues the screens use. The server writes
 * them in place of the codes (createExport `valueLabels`); the dashboard owns the words.
 * Plain data and functions, so the unit tests run it under Node.
 */
import type { TranslationMessages } from 'react-admin';
import type { ExportLanguage } from '@custos/schema';

/** Where a column's words live in a catalogue (a dotted path to value → word). */
const WORDS: Record<string, string> = {
  type: 'custos.enums.CustomerType',
  tier: 'custos.enums.CustomerTier',
  lifecycleStage: 'custos.enums.LifecycleStage',
  status: 'custos.enums.CustomerStatus',
  previousStatus: 'custos.enums.CustomerStatus',
  voidReason: 'custos.enums.VoidReason',
  region: 'custos.regions',
  industry: 'custos.industries',
  kind: 'custos.enums.InteractionKind',
  channel: 'custos.enums.InteractionChannel',
  actorRole: 'custos.enums.Role',
  action: 'custos.records.actions',
  entityType: 'custos.records.entities',
};

/** The coded columns of each export (export.columns.ts on the server names the same keys). */
const CODED: Record<string, string[]> = {
  CUSTOMERS: ['type', 'tier', 'lifecycleStage', 'status', 'voidReason', 'region', 'industry'],
  ARCHIVED_CUSTOMERS: ['type', 'tier', 'lifecycleStage', 'status', 'previousStatus', 'voidReason', 'region', 'industry', 'legalHold'],
  INTERACTIONS: ['kind', 'channel'],
  AUDIT_EVENTS: ['actorRole', 'action', 'entityType'],
};

export interface ValueLabel {
  column: string;
  value: string;
  label: string;
}

function at(tree: unknown, path: string): Record<string, unknown> | undefined {
  let node = tree;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}

export const LANGUAGE_LOCALE: Record<ExportLanguage, string> = { EN: 'en', ZH_CN: 'zh-CN' };

/** Every coded value of the resource's export with its word in `messages`. */
export function exportValueLabels(apiResource: string, messages: TranslationMessages): ValueLabel[] {
  const out: ValueLabel[] = [];
  for (const column of CODED[apiResource] ?? []) {
    if (column === 'legalHold') {
      const words = at(messages, 'ra.boolean');
      out.push({ column, value: 'yes', label: String(words?.['true'] ?? 'yes') }, { column, value: 'no', label: String(words?.['false'] ?? 'no') });
      continue;
    }
    for (const [value, label] of Object.entries(at(messages, WORDS[column]!) ?? {})) {
      if (typeof label === 'string') out.push({ column, value, label });
    }
  }
  return out;
}
