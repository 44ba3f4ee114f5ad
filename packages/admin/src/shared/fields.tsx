import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { Chip, Stack, Tooltip, Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { fieldLevel } from '../auth/access.ts';
import { useAccess } from '../auth/use-access.ts';

/** Shows an enum value by its translation (`custos.enums.<Enum>.<VALUE>`). */
export function EnumField({ source, enumName, chip = false }: FieldProps & { source: string; enumName: string; chip?: boolean }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[source] as string | null | undefined;
  if (!value) return null;
  const label = translate(`custos.enums.${enumName}.${value}`, { _: value });
  return chip ? <Chip size="small" label={label} /> : <Typography variant="body2" component="span">{label}</Typography>;
}

/** A translated key such as an industry (`custos.industries.Retail`), raw when unknown. */
export function KeyField({ source, prefix }: FieldProps & { source: string; prefix: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[source] as string | null | undefined;
  if (!value) return null;
  return <Typography variant="body2" component="span">{translate(`${prefix}.${value}`, { _: value })}</Typography>;
}

/**
 * A guarded value exactly as the server sent it (masked values arrive masked), with a
 * lock when the role sees it masked. Fields the role may not read are not rendered at
 * all: callers leave them out of the layout (see `useCanRead`).
 */
export function GuardedTextField({ source, typeName }: FieldProps & { source: string; typeName: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const access = useAccess();
  const value = record?.[source] as string | null | undefined;
  const masked = fieldLevel(access, `${typeName}.${source}`) === 'MASKED';
  if (value === null || value === undefined || value === '') return <Typography variant="body2" component="span">—</Typography>;
  return (
    <Stack direction="row" spacing={0.5} alignItems="center" component="span">
      <Typography variant="body2" component="span" data-masked={masked ? 'true' : undefined}>{value}</Typography>
      {masked ? (
        <Tooltip title={translate('custos.customers.masked_hint')}>
          <LockOutlinedIcon fontSize="inherit" color="action" aria-label={translate('custos.customers.masked_hint')} />
        </Tooltip>
      ) : null}
    </Stack>
  );
}

/** Tags as chips. */
export function TagsField({ source }: FieldProps & { source: string }) {
  const record = useRecordContext();
  const tags = (record?.[source] as string[] | undefined) ?? [];
  if (!tags.length) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap" component="span">
      {tags.map((tag) => <Chip key={tag} size="small" variant="outlined" label={tag} />)}
    </Stack>
  );
}
