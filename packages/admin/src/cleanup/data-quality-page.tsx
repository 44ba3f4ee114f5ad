import {
  Box, Button, Checkbox, FormControl, InputLabel, MenuItem, Select, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography,
} from '@mui/material';
import { useState } from 'react';
import { Link, Title, useNotify, useTranslate } from 'react-admin';
import { issueRef, type QualityIssue } from '../data-provider/cleanup.ts';
import { ErrorAlert } from '../shared/error-alert.tsx';
import { useAction } from '../shared/use-action.ts';
import { useCleanupRead } from './use-cleanup.ts';

const PROBLEMS = ['INVALID_EMAIL', 'INVALID_PHONE', 'INVALID_TAX_ID', 'INVALID_CODE', 'NOT_NORMALIZED', 'MISSING_CONTACT', 'PLACEHOLDER', 'OUTDATED', 'CONFLICTING'] as const;

interface Outcome { resolved: number; failures: { id: string; code: string; message: string }[] }

/**
 * Data-quality issues with their fixes: apply the server's suggestion or dismiss, per
 * row or for the ticked rows. Values come as the server shows them to this role, so a
 * masked email stays masked here too; the fix is applied server-side, never from the
 * masked text.
 */
export function DataQualityPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const [problem, setProblem] = useState<string>('');
  const filter = problem ? { problem: [problem] } : undefined;
  const issues = useCleanupRead('dataQualityIssues', { filter, first: 100 });
  const resolve = useAction<Outcome>('resolveDataQualityIssues');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const rows = issues.data?.nodes ?? [];

  const run = (targets: QualityIssue[], action: 'APPLY_SUGGESTION' | 'DISMISS') =>
    resolve.mutate({ issues: targets.map(issueRef), action }, {
      onSuccess: (outcome) => {
        notify('custos.cleanup.quality.resolved', { type: outcome.failures.length ? 'warning' : 'info', messageArgs: { smart_count: outcome.resolved, failed: outcome.failures.length } });
        setSelected(new Set());
        void issues.refetch();
      },
    });
  const ticked = rows.filter((r) => selected.has(r.id));
  const toggle = (id: string) => setSelected((prev) => {
    const next = new Set(prev);
    if (next.has(id)) next.delete(id); else next.add(id);
    return next;
  });

  return (
    <Box sx={{ p: 2 }} data-testid="quality-page">
      <Title title={translate('custos.cleanup.quality.title')} />
      <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 2 }}>
        <FormControl size="small" fullWidth={false} sx={{ width: 260, flexShrink: 0 }}>
          <InputLabel id="dq-problem" shrink>{translate('custos.cleanup.quality.problem')}</InputLabel>
          <Select labelId="dq-problem" label={translate('custos.cleanup.quality.problem')} value={problem} data-testid="quality-problem" displayEmpty
            onChange={(e) => { setProblem(String(e.target.value)); setSelected(new Set()); }}>
            <MenuItem value="">{translate('custos.cleanup.quality.all_problems')}</MenuItem>
            {PROBLEMS.map((p) => <MenuItem key={p} value={p}>{translate(`custos.enums.DataQualityProblem.${p}`)}</MenuItem>)}
          </Select>
        </FormControl>
        <Typography variant="body2" color="text.secondary" data-testid="quality-count" sx={{ whiteSpace: 'nowrap' }}>
          {issues.data?.totalCount !== null && issues.data ? translate('custos.cleanup.quality.count', { smart_count: issues.data.totalCount }) : ''}
        </Typography>
        <Button variant="contained" size="small" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }} disabled={!ticked.some((r) => r.hasSuggestion) || resolve.isPending} data-testid="bulk-apply"
          onClick={() => run(ticked.filter((r) => r.hasSuggestion), 'APPLY_SUGGESTION')}>
          {translate('custos.cleanup.quality.apply_selected')}
        </Button>
        <Button size="small" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }} disabled={!ticked.length || resolve.isPending} data-testid="bulk-dismiss" onClick={() => run(ticked, 'DISMISS')}>
          {translate('custos.cleanup.quality.dismiss_selected')}
        </Button>
      </Stack>
      <ErrorAlert error={issues.error ?? resolve.error} />
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox">
              <Checkbox size="small" checked={rows.length > 0 && ticked.length === rows.length}
                onChange={(e) => setSelected(e.target.checked ? new Set(rows.map((r) => r.id)) : new Set())} />
            </TableCell>
            <TableCell>{translate('resources.customers.name', { smart_count: 1 })}</TableCell>
            <TableCell>{translate('custos.cleanup.merge.field')}</TableCell>
            <TableCell>{translate('custos.cleanup.quality.problem')}</TableCell>
            <TableCell>{translate('custos.cleanup.quality.value')}</TableCell>
            <TableCell>{translate('custos.cleanup.quality.suggestion')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((issue) => (
            <TableRow key={issue.id} data-testid="quality-row" data-id={issue.id} data-problem={issue.problem}>
              <TableCell padding="checkbox"><Checkbox size="small" checked={selected.has(issue.id)} onChange={() => toggle(issue.id)} /></TableCell>
              <TableCell><Link to={`/customers/${issue.customer.id}/show`}>{`${issue.customer.code} ${issue.customer.name}`}</Link></TableCell>
              <TableCell>{translate(`custos.enums.CleanupField.${issue.field}`, { _: issue.field })}</TableCell>
              <TableCell title={issue.message}>{translate(`custos.enums.DataQualityProblem.${issue.problem}`, { _: issue.problem })}</TableCell>
              <TableCell data-testid="quality-value">{issue.value ?? '—'}</TableCell>
              <TableCell data-testid="quality-suggestion">{issue.hasSuggestion ? (issue.suggestion ?? translate('custos.cleanup.quality.clear')) : '—'}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {issue.hasSuggestion ? (
                  <Button size="small" data-testid="apply-fix" disabled={resolve.isPending} onClick={() => run([issue], 'APPLY_SUGGESTION')}>
                    {translate('custos.cleanup.quality.apply')}
                  </Button>
                ) : null}
                <Button size="small" color="inherit" data-testid="dismiss-issue" disabled={resolve.isPending} onClick={() => run([issue], 'DISMISS')}>
                  {translate('custos.cleanup.quality.dismiss')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {issues.data && rows.length === 0 ? <Typography color="text.secondary" sx={{ mt: 2 }}>{translate('custos.cleanup.quality.empty')}</Typography> : null}
    </Box>
  );
}
