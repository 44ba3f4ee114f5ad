import { Card, CardContent, List, ListItemButton, ListItemIcon, ListItemText, Skeleton, Typography } from '@mui/material';
import { useCreatePath, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { InteractionKindIcon } from '../resources/interactions/kind-icon.tsx';
import { formatAmount, formatDateTime } from '../resources/interactions/format.ts';

/** The latest interactions across visible customers, each linking to its customer. */
export function InteractionTimelineList() {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [locale] = useLocaleState();
  const { data, isPending } = useGetList('interactions', {
    pagination: { page: 1, perPage: 8 },
    sort: { field: 'occurredAt', order: 'DESC' },
  });
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6">{translate('custos.dashboard.recent_interactions')}</Typography>
        {isPending ? <Skeleton variant="rectangular" height={200} /> : null}
        <List dense>
          {(data ?? []).map((item) => {
            const customer = item['customer'] as { id: string; name: string } | null;
            const amount = formatAmount(item['amount'] as string | null, item['currency'] as string | null, locale);
            return (
              <ListItemButton
                key={item.id}
                component={Link}
                to={customer ? createPath({ resource: 'customers', id: customer.id, type: 'show' }) : '#'}
              >
                <ListItemIcon><InteractionKindIcon kind={String(item['kind'])} /></ListItemIcon>
                <ListItemText
                  primary={`${customer?.name ?? ''} — ${String(item['subject'])}${amount ? ` · ${amount}` : ''}`}
                  secondary={`${translate(`custos.enums.InteractionKind.${item['kind']}`)} · ${formatDateTime(item['occurredAt'] as string, locale)}`}
                />
              </ListItemButton>
            );
          })}
        </List>
      </CardContent>
    </Card>
  );
}
