import { Chip, Stack, Typography } from '@mui/material';
import { FunctionField, useLocaleState, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { cronHint } from './cron-hint.ts';

/** The schedule with its reading, e.g. "0 3 * * * — every day at 03:00 UTC". */
export function ScheduleField(_props: { source?: string; sortable?: boolean }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <FunctionField
      source="schedule"
      render={(r: RaRecord) => (
        <Stack component="span">
          {r['schedule'] ? <Typography variant="body2" component="code" sx={{ fontFamily: 'monospace' }}>{String(r['schedule'])}</Typography> : null}
          <Typography variant="caption" color="text.secondary" component="span">{cronHint(r['schedule'] as string | null, translate, locale)}</Typography>
          {/* A schedule with "Schedule on" off never runs: said where the schedule is read. */}
          {r['schedule'] && !r['enabled'] ? (
            <Typography variant="caption" color="warning.main" component="span" data-testid="schedule-off">{translate('custos.ui.schedule_off_short')}</Typography>
          ) : null}
        </Stack>
      )}
    />
  );
}

const ENUMS: Record<string, string> = { lifecycleStage: 'LifecycleStage', type: 'CustomerType', tier: 'CustomerTier', status: 'CustomerStatus' };
const KEYS: Record<string, string> = { region: 'custos.regions', industry: 'custos.industries' };
const DAYS = ['inactiveDays', 'createdBeforeDays', 'voidedBeforeDays'];

/** The criteria as chips: "Lifecycle stage: Inactive, Churned" · "No interaction for: 365 days". */
export function CriteriaSummary() {
  const record = useRecordContext();
  const translate = useTranslate();
  const criteria = (record?.['criteria'] as Record<string, unknown> | null | undefined) ?? {};
  const chips: string[] = [];
  for (const [key, value] of Object.entries(criteria)) {
    if (value === null || value === undefined || key === '__typename' || (Array.isArray(value) && !value.length)) continue;
    const label = translate(`resources.archive-policies.fields.criteria.${key}`);
    if (DAYS.includes(key)) {
      chips.push(`${label}: ${translate('custos.policies.days', { smart_count: Number(value) })}`);
    } else if (Array.isArray(value)) {
      const names = value.map((v) => (ENUMS[key] ? translate(`custos.enums.${ENUMS[key]}.${v}`) : KEYS[key] ? translate(`${KEYS[key]}.${v}`, { _: String(v) }) : String(v)));
      chips.push(`${label}: ${names.join(', ')}`);
    }
  }
  if (!chips.length) return <Typography variant="body2">{translate('custos.policies.matches_all')}</Typography>;
  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" data-testid="criteria-summary">
      {chips.map((c) => <Chip key={c} size="small" variant="outlined" label={c} />)}
    </Stack>
  );
}
