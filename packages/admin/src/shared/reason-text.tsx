import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { schemaIndex } from '../data-provider/schema.ts';

/**
 * Reasons people typed are shown as typed; the ones the server writes itself (a policy
 * run's `archive policy "…"`, the retention sweep's) are put in the user's language
 * (issue 18: they showed in English on the Chinese screens).
 */
/** Reasons the server writes itself (packages/server/src: job starts, schedules, the seed). */
const SERVER_REASONS: Record<string, string> = {
  'retention period ended': 'retention',
  'scheduled: retention period ended': 'retention_scheduled',
  'scheduled data-quality count': 'quality_scheduled',
  'count data quality': 'quality',
  'scheduled backup': 'backup_scheduled',
  'detect duplicates': 'duplicates',
  'normalize customers': 'normalize',
  'rotate encryption keys': 'rotate',
  'development seed': 'seed',
  'refresh token reuse': 'token_reuse',
  'command line': 'command_line',
};

const VOID_REASONS = new Set(schemaIndex.enumValues('VoidReason'));

export function useReasonText() {
  const translate = useTranslate();
  return (reason: string | null | undefined): string => {
    if (!reason) return '';
    const policy = /^archive policy "(.*)"$/.exec(reason);
    if (policy) return translate('custos.ui.reasons.policy', { name: policy[1] });
    const undo = /^undo of operation (\d+) \(([A-Z]+)\)$/.exec(reason);
    if (undo) return translate('custos.ui.reasons.undo', { id: undo[1], kind: translate(`custos.enums.UndoKind.${undo[2]}`, { _: undo[2] }) });
    const drill = /^restore drill of (.+)$/.exec(reason);
    if (drill) return translate('custos.ui.reasons.drill', { backup: drill[1] });
    // A void's reason as the server records it: "DUPLICATE: Same company as C-0001".
    const voided = /^([A-Z_]+)(?::\s*([\s\S]*))?$/.exec(reason);
    if (voided && VOID_REASONS.has(voided[1]!)) {
      const name = translate(`custos.enums.VoidReason.${voided[1]}`);
      return voided[2] ? translate('custos.ui.reasons.void', { reason: name, note: voided[2] }) : name;
    }
    const known = SERVER_REASONS[reason];
    return known ? translate(`custos.ui.reasons.${known}`) : reason;
  };
}

/** A record's reason field through useReasonText; "—" when empty. */
export function ReasonText({ source }: { source: string; sortable?: boolean; label?: string }) {
  const record = useRecordContext();
  const text = useReasonText()(record?.[source] as string | null | undefined);
  return <Typography variant="body2" component="span">{text || '—'}</Typography>;
}
