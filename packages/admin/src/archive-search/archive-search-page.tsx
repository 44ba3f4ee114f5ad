import SearchIcon from '@mui/icons-material/Search';
import { formatDate } from '../shared/dates.ts';
import {
  Box, Card, CardContent, Checkbox, FormControlLabel, InputAdornment, List, ListItemButton, ListItemText, Stack, TextField, Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { snippetParts, type ArchiveHit } from './search.api.ts';
import { useArchiveSearch } from './use-archive-search.ts';
import { ErrorAlert } from '../shared/error-alert.tsx';
import { useReasonText } from '../shared/reason-text.tsx';

/** How facet values are labelled: enum facets through their enum's messages, regions by name. */
const FACET_LABELS: Record<string, string> = {
  type: 'custos.enums.CustomerType',
  tier: 'custos.enums.CustomerTier',
  lifecycleStage: 'custos.enums.LifecycleStage',
  region: 'custos.regions',
};

/** A highlight snippet as text with the matches marked; never parsed as HTML (see snippetParts). */
function Snippet({ snippet }: { snippet: string }) {
  return (
    <span>
      {snippetParts(snippet).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}

function Hit({ hit }: { hit: ArchiveHit }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const navigate = useNavigate();
  const reasonText = useReasonText();
  const name = hit.highlights.find((h) => h.field === 'name');
  const others = hit.highlights.filter((h) => h.field !== 'name');
  return (
    // Hits come best first; the engine's raw score ("0.00") meant nothing to people.
    <ListItemButton divider onClick={() => navigate(`/archived-customers/${hit.customer.id}/show`)} data-testid="search-hit" data-id={hit.customer.id} data-score={hit.score}>
      <ListItemText
        primary={<>{name ? <Snippet snippet={name.snippet} /> : hit.customer.name} <Typography component="span" variant="caption" color="text.secondary">{hit.customer.code}</Typography></>}
        secondary={
          <>
            {others.map((h) => (
              <span key={h.field}>{translate(`resources.customers.fields.${h.field}`, { _: h.field })}: <Snippet snippet={h.snippet} />{' · '}</span>
            ))}
            {translate('custos.search.archived_on', { date: formatDate(hit.customer.archivedAt, locale, false), reason: reasonText(hit.customer.archiveReason) })}
          </>
        }
      />
    </ListItemButton>
  );
}

/**
 * Search over the archive: a query (names in Chinese or English, codes, phone or email
 * fragments) refined by facet checkboxes whose counts come from the same search. A hit
 * opens the archived record's own page, where it can be restored.
 */
export function ArchiveSearchPage() {
  const translate = useTranslate();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<Record<string, string[]>>({});
  // Search as one types, once typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const result = useArchiveSearch({ query, selected, first: 20 });
  const data = result.data;
  const toggle = (field: string, value: string) => setSelected((prev) => {
    const current = prev[field] ?? [];
    return { ...prev, [field]: current.includes(value) ? current.filter((v) => v !== value) : [...current, value] };
  });
  const label = (field: string, value: string) => {
    const prefix = FACET_LABELS[field];
    return prefix ? translate(`${prefix}.${value}`, { _: value }) : value;
  };

  return (
    <Box sx={{ p: 2 }} data-testid="archive-search-page">
      <Title title={translate('custos.search.title')} />
      <TextField
        fullWidth autoFocus value={text} onChange={(e) => setText(e.target.value)} placeholder={translate('custos.search.placeholder')}
        slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchIcon /></InputAdornment> }, htmlInput: { 'data-testid': 'archive-search-input' } }}
        sx={{ mb: 2 }}
      />
      <ErrorAlert error={result.error} />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems="flex-start">
        <Card variant="outlined" sx={{ minWidth: 240 }} data-testid="facets">
          <CardContent>
            {(data?.facets ?? []).filter((f) => f.values.length > 0).map((facet) => (
              <Box key={facet.field} sx={{ mb: 1 }} data-testid={`facet-${facet.field}`}>
                <Typography variant="subtitle2">{translate(`custos.search.facets.${facet.field}`, { _: facet.field })}</Typography>
                {facet.values.map((v) => (
                  <FormControlLabel
                    key={v.value}
                    sx={{ display: 'flex', ml: 0 }}
                    control={<Checkbox size="small" checked={(selected[facet.field] ?? []).includes(v.value)} onChange={() => toggle(facet.field, v.value)} />}
                    label={<Typography variant="body2">{`${label(facet.field, v.value)} (${v.count})`}</Typography>}
                    data-testid="facet-value" data-value={v.value}
                  />
                ))}
              </Box>
            ))}
          </CardContent>
        </Card>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          {data ? (
            <Typography variant="body2" color="text.secondary" data-testid="search-total" data-total={data.totalCount}>
              {translate('custos.search.total', { smart_count: data.totalCount, more: data.totalCountExact ? '' : '+' })}
              {' · '}
              <span data-testid="search-engine" data-engine={data.engine}>{translate('custos.search.engine', { engine: translate(`custos.enums.SearchEngine.${data.engine}`, { _: data.engine }) })}</span>
            </Typography>
          ) : null}
          <List dense>
            {(data?.hits ?? []).map((hit) => <Hit key={hit.customer.id} hit={hit} />)}
          </List>
        </Box>
      </Stack>
    </Box>
  );
}
