import {
  Box, Button, Checkbox, FormControl, InputLabel, MenuItem, Paper, Select, Stack, Table, TableBody, TableCell, TableContainer, TableHead,
  TablePagination, TableRow, Typography,
} from '@mui/material';
import { useState } from 'react';
import { Confirm, Link, Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { issueRef, type QualityIssue } from './cleanup.api.ts';
import { useDataQualityIssues } from './use-cleanup.ts';
import { intlLocale } from '../shared/dates.ts';
import { ErrorAlert } from '../shared/error-alert.tsx';
import type { DataQualityProblem } from '@custos/schema';
import { useAction } from '../shared/use-action.ts';
import { JobFollower } from './job-follower.tsx';

const PROBLEMS = ['INVALID_EMAIL', 'INVALID_PHONE', 'INVALID_TAX_ID', 'INVALID_CODE', 'NOT_NORMALIZED', 'MISSING_CONTACT', 'PLACEHOLDER', 'OUTDATED', 'CONFLICTING'] as const;
const PAGE_SIZES = [25, 50, 100];

interface Outcome { resolved: number; failures: { id: string; code: string; message: string }[] }
type Resolution = 'APPLY_SUGGESTION' | 'DISMISS';

/** Ticked issues, kept across pages (by id) so a bulk action can span them. */
function useSelection() {
  const [selected, setSelected] = useState<Map<string, QualityIssue>>(new Map());
  const toggle = (issue: QualityIssue) => setSelected((prev) => {
    const next = new Map(prev);
    if (next.has(issue.id)) next.delete(issue.id); else next.set(issue.id, issue);
    return next;
  });
  const setPage = (rows: QualityIssue[], on: boolean) => setSelected((prev) => {
    const next = new Map(prev);
    for (const r of rows) if (on) next.set(r.id, r); else next.delete(r.id);
    return next;
  });
  return { selected, toggle, setPage, clear: () => setSelected(new Map()) };
}

/**
 * Data-quality issues with their fixes: apply the server's suggestion or dismiss, per
 * row or for the ticked rows (on any page). Every issue is reachable: the server's
 * total count and pages of 25–100 (issue 18; the screen used to stop at the first 100).
 * A bulk change says how many fixes on how many customers before it runs. Values come
 * as the server shows them to this role, so a masked email stays masked here too; the
 * fix is applied server-side, never from the masked text. Fits the window like the
 * lists: toolbar on top, pagination at the bottom, only the table scrolls.
 */
export function DataQualityPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [problem, setProblem] = useState<DataQualityProblem | ''>('');
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(PAGE_SIZES[0]!);
  const filter = problem ? { problem: [problem] } : undefined;
  const issues = useDataQualityIssues({ filter, first: perPage, offset: page * perPage });
  const resolve = useAction<Outcome>('resolveDataQualityIssues');
  const resolveAll = useAction<{ id: string }>('resolveAllDataQualityIssues');
  const [allJob, setAllJob] = useState<string | null>(null);
  const [confirmingAll, setConfirmingAll] = useState(false);
  const { selected, toggle, setPage: tickPage, clear } = useSelection();
  const [confirming, setConfirming] = useState<{ action: Resolution; targets: QualityIssue[] } | null>(null);
  const rows = issues.data?.nodes ?? [];
  const total = issues.data?.totalCount ?? null;
  const number = (n: number) => n.toLocaleString(intlLocale(locale));

  const run = (targets: QualityIssue[], action: Resolution) =>
    resolve.mutate({ issues: targets.map(issueRef), action }, {
      onSuccess: (outcome) => {
        notify('custos.cleanup.quality.resolved', { type: outcome.failures.length ? 'warning' : 'info', messageArgs: { smart_count: outcome.resolved, failed: outcome.failures.length } });
        clear();
        setConfirming(null);
        void issues.refetch();
      },
      onError: () => setConfirming(null),
    });
  const ticked = [...selected.values()];
  const fixable = ticked.filter((r) => r.hasSuggestion);
  /** "3 fixes", "2 customers": each count with its own plural. */
  const counted = (targets: QualityIssue[]) => {
    const n = targets.length;
    const people = new Set(targets.map((t) => t.customer.id)).size;
    return {
      fixes: translate('custos.ui.n_fixes', { smart_count: n, count: number(n) }),
      issues: translate('custos.ui.n_issues', { smart_count: n, count: number(n) }),
      customers: translate('custos.ui.n_customers', { smart_count: people, count: number(people) }),
    };
  };
  const pageTicked = rows.filter((r) => selected.has(r.id)).length;
  /** Every issue of the chosen problem, as a job (more than one call takes). */
  const runAll = () =>
    resolveAll.mutate({ filter: { problem: [problem] }, action: 'APPLY_SUGGESTION' }, {
      onSuccess: (job) => { setAllJob(String(job.id)); setConfirmingAll(false); clear(); },
      onError: () => setConfirmingAll(false),
    });
  const changeFilter = (value: string) => { setProblem(value as DataQualityProblem | ''); setPage(0); clear(); setAllJob(null); };

  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', height: { md: 'calc(100vh - 48px)' }, minWidth: 0 }} data-testid="quality-page">
      <Title title={translate('custos.cleanup.quality.title')} />
      <Stack direction="row" spacing={2} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 2, flex: '0 0 auto' }} data-testid="list-toolbar">
        <FormControl size="small" fullWidth={false} sx={{ width: 260, flexShrink: 0 }}>
          <InputLabel id="dq-problem" shrink>{translate('custos.cleanup.quality.problem')}</InputLabel>
          <Select labelId="dq-problem" label={translate('custos.cleanup.quality.problem')} value={problem} data-testid="quality-problem" displayEmpty
            onChange={(e) => changeFilter(String(e.target.value))}>
            <MenuItem value="">{translate('custos.cleanup.quality.all_problems')}</MenuItem>
            {PROBLEMS.map((p) => <MenuItem key={p} value={p}>{translate(`custos.enums.DataQualityProblem.${p}`)}</MenuItem>)}
          </Select>
        </FormControl>
        <Typography variant="body2" color="text.secondary" data-testid="quality-count" data-total={total ?? ''} sx={{ whiteSpace: 'nowrap' }}>
          {total !== null ? translate('custos.ui.quality_count', { smart_count: total, count: number(total) }) : ''}
        </Typography>
        <Box sx={{ flex: 1 }} />
        {ticked.length ? (
          <Typography variant="body2" data-testid="quality-selected" sx={{ whiteSpace: 'nowrap' }}>
            {translate('custos.ui.quality_selected', { smart_count: ticked.length })}
          </Typography>
        ) : null}
        <Button variant="contained" size="small" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }} disabled={!fixable.length || resolve.isPending} data-testid="bulk-apply"
          onClick={() => setConfirming({ action: 'APPLY_SUGGESTION', targets: fixable })}>
          {translate('custos.cleanup.quality.apply_selected')}
        </Button>
        {problem ? (
          <Button size="small" variant="outlined" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }} disabled={!total || resolveAll.isPending} data-testid="apply-all"
            onClick={() => setConfirmingAll(true)}>
            {translate('custos.cleanup.quality.apply_all')}
          </Button>
        ) : null}
        <Button size="small" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }} disabled={!ticked.length || resolve.isPending} data-testid="bulk-dismiss"
          onClick={() => setConfirming({ action: 'DISMISS', targets: ticked })}>
          {translate('custos.cleanup.quality.dismiss_selected')}
        </Button>
      </Stack>
      <ErrorAlert error={issues.error ?? resolve.error ?? resolveAll.error} />
      {allJob ? (
        <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 2, flex: '0 0 auto' }} data-testid="apply-all-job">
          <JobFollower key={allJob} jobId={allJob} onFinished={() => { notify('custos.cleanup.quality.apply_all_done', { type: 'info' }); void issues.refetch(); }} />
          <Link to={`/jobs/${allJob}/show`} data-testid="apply-all-job-link">{translate('custos.records.jobs.view')}</Link>
        </Stack>
      ) : null}
      <Paper variant="outlined" sx={{ flex: '1 1 auto', minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        <TableContainer sx={{ flex: '1 1 auto', minHeight: 0, overflow: 'auto' }}>
          <Table size="small" stickyHeader>
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox">
                  <Checkbox size="small" checked={rows.length > 0 && pageTicked === rows.length} indeterminate={pageTicked > 0 && pageTicked < rows.length}
                    onChange={(e) => tickPage(rows, e.target.checked)} inputProps={{ 'aria-label': translate('ra.action.select_all') }} />
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
                  <TableCell padding="checkbox"><Checkbox size="small" checked={selected.has(issue.id)} onChange={() => toggle(issue)} /></TableCell>
                  <TableCell><Link to={`/customers/${issue.customer.id}/show`}>{`${issue.customer.code} ${issue.customer.name}`}</Link></TableCell>
                  <TableCell>{translate(`custos.enums.CleanupField.${issue.field}`, { _: issue.field })}</TableCell>
                  <TableCell>{translate(`custos.enums.DataQualityProblem.${issue.problem}`, { _: issue.problem })}</TableCell>
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
          {issues.data && rows.length === 0 ? <Typography color="text.secondary" sx={{ m: 2 }}>{translate('custos.cleanup.quality.empty')}</Typography> : null}
        </TableContainer>
        <TablePagination component="div" sx={{ flex: '0 0 auto' }} data-testid="quality-pagination"
          count={total ?? -1} page={page} rowsPerPage={perPage} rowsPerPageOptions={PAGE_SIZES}
          onPageChange={(_e, next) => setPage(next)} onRowsPerPageChange={(e) => { setPerPage(Number(e.target.value)); setPage(0); }}
          labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
          labelDisplayedRows={({ from, to, count }) => translate('ra.navigation.page_range_info', { offsetBegin: number(from), offsetEnd: number(to), total: number(count) })} />
      </Paper>
      <Confirm
        isOpen={confirmingAll}
        loading={resolveAll.isPending}
        title="custos.ui.quality_apply_all_title"
        content="custos.ui.quality_apply_all_confirm"
        translateOptions={{
          issues: translate('custos.ui.n_issues', { smart_count: total ?? 0, count: number(total ?? 0) }),
          problem: problem ? translate(`custos.enums.DataQualityProblem.${problem}`) : '',
        }}
        confirm="custos.cleanup.quality.apply_all"
        onConfirm={runAll}
        onClose={() => setConfirmingAll(false)}
        data-testid="quality-confirm-all"
      />
      <Confirm
        isOpen={!!confirming}
        loading={resolve.isPending}
        title={confirming?.action === 'DISMISS' ? 'custos.ui.quality_dismiss_title' : 'custos.ui.quality_apply_title'}
        content={confirming?.action === 'DISMISS' ? 'custos.ui.quality_dismiss_confirm' : 'custos.ui.quality_apply_confirm'}
        translateOptions={confirming ? counted(confirming.targets) : {}}
        confirm={confirming?.action === 'DISMISS' ? 'custos.cleanup.quality.dismiss' : 'custos.cleanup.quality.apply'}
        onConfirm={() => confirming && run(confirming.targets, confirming.action)}
        onClose={() => setConfirming(null)}
        data-testid="quality-confirm"
      />
    </Box>
  );
}
