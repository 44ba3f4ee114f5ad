import {
  Box,
  Chip,
  List as MuiList,
  ListItem,
  ListItemIcon,
  ListItemText,
  Skeleton,
  Stack,
  Typography,
} from '@mui/material';
import { Pagination, ReferenceManyField, useListContext, useLocaleState, useTranslate, type RaRecord } from 'react-admin';
import { InteractionKindIcon } from '../interactions/kind-icon.tsx';
import { formatAmount, formatDateTime } from '../interactions/format.ts';

function TimelineEntry({ item }: { item: RaRecord }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const kind = String(item['kind']);
  const amount = formatAmount(item['amount'] as string | null, item['currency'] as string | null, locale);
  const channel = item['channel'] ? translate(`custos.enums.InteractionChannel.${item['channel']}`) : null;
  const owner = (item['owner'] as { displayName?: string } | null)?.displayName;
  return (
    <ListItem alignItems="flex-start" divider data-testid="timeline-entry" data-kind={kind}>
      <ListItemIcon sx={{ mt: 0.5, minWidth: 40 }}>
        <InteractionKindIcon kind={kind} />
      </ListItemIcon>
      <ListItemText
        disableTypography
        primary={
          <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
            <Typography variant="body1" component="span">{String(item['subject'] ?? '')}</Typography>
            <Chip size="small" variant="outlined" label={translate(`custos.enums.InteractionKind.${kind}`, { _: kind })} />
            {amount ? <Chip size="small" color="success" label={amount} data-testid="timeline-amount" /> : null}
          </Stack>
        }
        secondary={
          <Box>
            <Typography variant="caption" color="text.secondary" component="div">
              {[formatDateTime(item['occurredAt'] as string, locale), channel, owner].filter(Boolean).join(' · ')}
            </Typography>
            {item['body'] ? (
              <Typography variant="body2" color="text.secondary" component="div" sx={{ whiteSpace: 'pre-line', mt: 0.5 }}>
                {String(item['body'])}
              </Typography>
            ) : null}
          </Box>
        }
      />
    </ListItem>
  );
}

function TimelineItems() {
  const { data, isPending } = useListContext();
  const translate = useTranslate();
  if (isPending) return <Skeleton variant="rectangular" height={120} />;
  if (!data?.length) {
    return <Typography variant="body2" color="text.secondary">{translate('custos.customers.timeline_empty')}</Typography>;
  }
  return (
    <MuiList dense disablePadding data-testid="interaction-timeline">
      {data.map((item) => <TimelineEntry key={item.id} item={item} />)}
    </MuiList>
  );
}

/** The customer's interaction history, newest first, with an icon per kind and amounts. */
export function InteractionTimeline() {
  return (
    <ReferenceManyField
      reference="interactions"
      target="customerId"
      sort={{ field: 'occurredAt', order: 'DESC' }}
      perPage={10}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
    >
      <TimelineItems />
    </ReferenceManyField>
  );
}
