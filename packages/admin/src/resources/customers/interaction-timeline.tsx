import {
  Box,
  Chip,
  CircularProgress,
  List as MuiList,
  ListItem,
  ListItemIcon,
  ListItemText,
  Skeleton,
  Stack,
  Typography,
} from '@mui/material';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useDataProvider, useLocaleState, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import type { CustosDataProvider } from '../../data-provider/index.ts';
import { ErrorAlert } from '../../shared/error-alert.tsx';
import { interactionTimelineQuery } from './timeline.api.ts';
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

/** Interactions fetched per page as the user scrolls. */
export const TIMELINE_PAGE_SIZE = 10;

/**
 * Pages of the customer's history, each continuing at the previous page's cursor.
 * react-admin's refresh (after logging an interaction) invalidates every query, this one
 * included, so a new entry appears at the top.
 */
function useTimeline(customerId: string | undefined) {
  const dataProvider = useDataProvider<CustosDataProvider>();
  return useInfiniteQuery({
    queryKey: ['custos', 'interactionTimeline', customerId],
    queryFn: async ({ pageParam }) => (await dataProvider.read((b) => interactionTimelineQuery(b, { customerId: customerId!, first: TIMELINE_PAGE_SIZE, after: pageParam }))).data,
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: !!customerId,
  });
}

/** Calls `onVisible` whenever the element scrolls into view (the next page's trigger). */
function Sentinel({ onVisible }: { onVisible: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const callback = useRef(onVisible);
  callback.current = onVisible;
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) callback.current();
    }, { rootMargin: '200px 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return <div ref={ref} data-testid="timeline-sentinel" style={{ height: 1 }} />;
}

/**
 * The customer's interaction history, newest first, with an icon per kind and amounts.
 * Older entries load as the user scrolls to the bottom; a line says when the history ends.
 */
export function InteractionTimeline() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { data, error, isPending, hasNextPage, isFetchingNextPage, fetchNextPage } = useTimeline(record?.id === undefined ? undefined : String(record.id));
  if (isPending) return <Skeleton variant="rectangular" height={120} />;
  if (error && !data) return <ErrorAlert error={error} />;
  const items = data?.pages.flatMap((page) => page.items) ?? [];
  const total = data?.pages[0]?.totalCount ?? items.length;
  if (!items.length) {
    return <Typography variant="body2" color="text.secondary">{translate('custos.customers.timeline_empty')}</Typography>;
  }
  return (
    <Box data-testid="interaction-timeline-pages" data-total={total} data-shown={items.length}>
      <MuiList dense disablePadding data-testid="interaction-timeline">
        {items.map((item) => <TimelineEntry key={item.id} item={item} />)}
      </MuiList>
      {hasNextPage ? (
        <>
          <Sentinel key={data?.pages.length} onVisible={() => { if (!isFetchingNextPage) void fetchNextPage(); }} />
          <Stack direction="row" spacing={1} alignItems="center" justifyContent="center" sx={{ py: 2, color: 'text.secondary' }}>
            {isFetchingNextPage ? <CircularProgress size={16} color="inherit" /> : null}
            <Typography variant="caption">{translate('custos.customers.timeline_shown', { shown: items.length, total })}</Typography>
          </Stack>
        </>
      ) : (
        <Typography variant="caption" color="text.secondary" component="div" align="center" sx={{ py: 2 }} data-testid="timeline-end">
          {translate('custos.customers.timeline_end', { smart_count: items.length })}
        </Typography>
      )}
      {error ? <ErrorAlert error={error} /> : null}
    </Box>
  );
}
