import { globalId } from '../shared/global-id.ts';
import { useMemo } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import type { CustomerDimension } from './reports.api.ts';

/** Where each dimension's values get their words: enums, industries and regions are translated. */
const PREFIX: Partial<Record<CustomerDimension, string>> = {
  LIFECYCLE_STAGE: 'custos.enums.LifecycleStage',
  TYPE: 'custos.enums.CustomerType',
  TIER: 'custos.enums.CustomerTier',
  STATUS: 'custos.enums.CustomerStatus',
  VOID_REASON: 'custos.enums.VoidReason',
  REGION: 'custos.regions',
  INDUSTRY: 'custos.industries',
};

/** Empty keys mean different things per dimension (no owner, no tag…). */
const NONE: Partial<Record<CustomerDimension, string>> = {
  OWNER: 'custos.reports.none.OWNER',
  TAG: 'custos.reports.none.TAG',
  REGION: 'custos.reports.none.REGION',
  INDUSTRY: 'custos.reports.none.INDUSTRY',
};

export type LabelOf = (dimension: CustomerDimension, key: string | null) => string;

/**
 * Labels for group keys in the user's language. OWNER keys are user ids: names come
 * from `staff` (names only, open to every signed-in role), the id is shown until they arrive.
 */
export function useDimensionLabels(): LabelOf {
  const translate = useTranslate();
  const { data: users } = useGetList('staff', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'displayName', order: 'ASC' } });
  return useMemo(() => {
    const names = new Map((users ?? []).map((u) => [String(u.id), String(u['displayName'])]));
    return (dimension: CustomerDimension, key: string | null) => {
      if (key === null || key === '') return translate(NONE[dimension] ?? 'custos.reports.none.other');
      // OWNER keys are database ids (a dimension value, as the reporting views have them).
      if (dimension === 'OWNER') return names.get(globalId('User', key)) ?? `#${key}`;
      const prefix = PREFIX[dimension];
      return prefix ? translate(`${prefix}.${key}`, { _: key }) : key;
    };
  }, [translate, users]);
}
