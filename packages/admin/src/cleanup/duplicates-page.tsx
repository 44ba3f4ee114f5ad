import { Box, Button, Card, CardActions, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useFieldValue } from './field-value.tsx';
import { useCallback, useState } from 'react';
import { Link, Title, useNotify, useTranslate } from 'react-admin';
import type { DuplicateGroup } from './cleanup.api.ts';
import { useDuplicateCandidates } from './use-cleanup.ts';
import { ActionDialog } from '../shared/action-dialog.tsx';
import { ErrorAlert } from '../shared/error-alert.tsx';
import { useAction, useSupports } from '../shared/use-action.ts';
import { JobFollower } from './job-follower.tsx';
import { MergeWizard } from './merge-wizard.tsx';
import { ReasonInput } from './reason-input.tsx';

/**
 * The duplicates queue: groups from the latest detection run, most likely first. Each
 * group opens the merge wizard or is dismissed as "not duplicates"; a new detection run
 * is a background job followed here, after which the queue reloads.
 */
export function DuplicatesPage() {
  const translate = useTranslate();
  const groups = useDuplicateCandidates(50);
  const detect = useAction<{ id: string }>('detectDuplicates');
  const [jobId, setJobId] = useState<string | null>(null);
  const [merging, setMerging] = useState<DuplicateGroup | null>(null);
  const [dismissing, setDismissing] = useState<DuplicateGroup | null>(null);
  const dismiss = useAction('dismissDuplicate');
  const notify = useNotify();
  // Regions by name ("London", not GB-LND), blanks as a dash.
  const show = useFieldValue();
  const refetch = groups.refetch;
  const onJobFinished = useCallback(() => void refetch(), [refetch]);

  return (
    <Box sx={{ p: 2 }} data-testid="duplicates-page">
      <Title title={translate('custos.cleanup.duplicates.title')} />
      <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 2 }}>
        {useSupports('detectDuplicates') ? (
          <Button variant="contained" data-testid="detect-duplicates" disabled={detect.isPending}
            onClick={() => detect.mutate({}, { onSuccess: (job) => setJobId(String(job.id)) })}>
            {translate('custos.cleanup.duplicates.detect')}
          </Button>
        ) : null}
        {jobId ? <JobFollower key={jobId} jobId={jobId} onFinished={onJobFinished} /> : null}
      </Stack>
      <ErrorAlert error={detect.error ?? groups.error} />
      {groups.data && groups.data.length === 0 ? (
        <Typography color="text.secondary" data-testid="duplicates-empty">{translate('custos.cleanup.duplicates.empty')}</Typography>
      ) : null}
      <Stack spacing={2}>
        {(groups.data ?? []).map((group) => (
          <Card key={group.id} variant="outlined" data-testid="duplicate-group" data-id={group.id}>
            <CardContent>
              <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1, flexWrap: 'wrap' }}>
                <Chip color="primary" size="small" label={translate('custos.cleanup.duplicates.score', { score: Math.round(group.score * 100) })} data-testid="group-score" />
                {group.reasons.map((reason) => (
                  <Chip key={reason.kind} size="small" variant="outlined" title={translate('custos.ui.reason_pairs', { smart_count: reason.pairs })}
                    label={`${translate(`custos.cleanup.reasons.${reason.kind}`, { _: reason.kind })} · ${Math.round(reason.score * 100)}%`} />
                ))}
              </Stack>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('resources.customers.fields.code')}</TableCell>
                    <TableCell>{translate('resources.customers.fields.name')}</TableCell>
                    <TableCell>{translate('resources.customers.fields.email')}</TableCell>
                    <TableCell>{translate('resources.customers.fields.phone')}</TableCell>
                    <TableCell>{translate('resources.customers.fields.region')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {group.customers.map((c) => (
                    <TableRow key={c.id}>
                      <TableCell><Link to={`/customers/${c.id}/show`}>{c.code}</Link></TableCell>
                      <TableCell>{c.name}</TableCell>
                      <TableCell>{show('email', c['email'])}</TableCell>
                      <TableCell>{show('phone', c['phone'])}</TableCell>
                      <TableCell>{show('region', c['region'])}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </CardContent>
            <CardActions>
              <Button variant="contained" size="small" data-testid="open-merge" onClick={() => setMerging(group)}>
                {translate('custos.cleanup.duplicates.merge')}
              </Button>
              <Button size="small" data-testid="dismiss-group" onClick={() => setDismissing(group)}>
                {translate('custos.cleanup.duplicates.dismiss')}
              </Button>
            </CardActions>
          </Card>
        ))}
      </Stack>
      {merging ? (
        <MergeWizard group={merging} onClose={() => setMerging(null)} onMerged={() => { setMerging(null); void refetch(); }} onReload={() => { setMerging(null); void refetch(); }} />
      ) : null}
      <ActionDialog
        open={!!dismissing}
        onClose={() => setDismissing(null)}
        title="custos.cleanup.duplicates.dismiss_title"
        confirmLabel="custos.cleanup.duplicates.dismiss"
        description={translate('custos.cleanup.duplicates.dismiss_help')}
        testId="dismiss-dialog"
        onSubmit={async (values) => {
          await dismiss.mutateAsync({ groupId: dismissing!.id, reason: values['reason'] });
          notify('custos.cleanup.duplicates.dismissed', { type: 'info' });
          setDismissing(null);
          void refetch();
        }}
      >
        <ReasonInput />
      </ActionDialog>
    </Box>
  );
}

