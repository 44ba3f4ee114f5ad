import { useTranslate } from 'react-admin';

const ENUMS: Record<string, string> = { type: 'CustomerType', tier: 'CustomerTier', lifecycleStage: 'LifecycleStage' };

/** A customer field's value as shown in cleanup tables: enums translated, the owner by name, blanks as a dash. */
export function useFieldValue() {
  const translate = useTranslate();
  return (source: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (source === 'owner') return (value as { displayName?: string }).displayName ?? '—';
    if (source === 'region' || source === 'industry') return translate(`custos.${source === 'region' ? 'regions' : 'industries'}.${String(value)}`, { _: String(value) });
    const enumName = ENUMS[source];
    if (enumName) return translate(`custos.enums.${enumName}.${String(value)}`, { _: String(value) });
    return String(value);
  };
}
