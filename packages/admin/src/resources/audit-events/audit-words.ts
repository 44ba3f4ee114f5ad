import { useLocaleState, useTranslate } from 'react-admin';
import { formatDate, looksLikeTime } from '../../shared/dates.ts';

/** The dashboard resource whose field names an audited record type shares. */
export const ENTITY_RESOURCES: Record<string, string> = {
  Customer: 'customers',
  ArchivePolicy: 'archive-policies',
  Interaction: 'interactions',
  Job: 'jobs',
  Segment: 'segments',
  Tag: 'tags',
  User: 'users',
};

/** Which enum names a field's values, per record type (the same field means different things). */
const ENUM_OF: Record<string, string> = {
  status: 'CustomerStatus',
  previousStatus: 'CustomerStatus',
  voidReason: 'VoidReason',
  type: 'CustomerType',
  tier: 'CustomerTier',
  lifecycleStage: 'LifecycleStage',
  role: 'Role',
  action: 'ArchivePolicyAction',
  channel: 'InteractionChannel',
  'Job.kind': 'JobKind',
  'Job.state': 'JobState',
  'Interaction.kind': 'InteractionKind',
  'ApprovalRequest.operation': 'ApprovalOperation',
  'ApprovalRequest.state': 'ApprovalState',
  'ScheduledPurge.state': 'ScheduledPurgeState',
};
const KEYS_OF: Record<string, string> = { region: 'custos.regions', industry: 'custos.industries' };

/** "CUSTOMER_VOIDED" → "Customer voided" when the catalogue has no words (new server actions). */
export const humanize = (code: string) => {
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase().trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * Audit events in words (issue 18): actions, record types, field names and values
 * translated, enum values as their names, times in the dashboard's one format. What the
 * catalogue does not know yet is shown humanized rather than as a code.
 */
export function useAuditWords() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const t = (key: string, fallback: string) => translate(key, { _: fallback });
  const action = (code: string) => t(`custos.records.actions.${code}`, humanize(code));
  const entity = (type: string) => t(`custos.records.entities.${type}`, humanize(type));
  const field = (entityType: string, name: string) => {
    const resource = ENTITY_RESOURCES[entityType];
    const own = t(`custos.records.fields.${name}`, '');
    if (own) return own;
    return resource ? t(`resources.${resource}.fields.${name}`, humanize(name)) : humanize(name);
  };
  const value = (entityType: string, name: string, raw: unknown): string => {
    if (raw === null || raw === undefined || raw === '') return translate('custos.records.empty_value');
    if (typeof raw === 'boolean') return translate(raw ? 'ra.boolean.true' : 'ra.boolean.false');
    if (Array.isArray(raw)) return raw.length ? raw.map((v) => value(entityType, name, v)).join(locale.startsWith('zh') ? '、' : ', ') : translate('custos.records.empty_value');
    if (typeof raw === 'object') {
      return Object.entries(raw as Record<string, unknown>).map(([k, v]) => `${field(entityType, k)}: ${value(entityType, k, v)}`).join('; ');
    }
    const text = String(raw);
    const enumName = ENUM_OF[`${entityType}.${name}`] ?? ENUM_OF[name];
    if (enumName) return t(`custos.enums.${enumName}.${text}`, text);
    const keys = KEYS_OF[name];
    if (keys) return t(`${keys}.${text}`, text);
    if (looksLikeTime(text)) return formatDate(text, locale);
    return text;
  };
  return { action, entity, field, value };
}
