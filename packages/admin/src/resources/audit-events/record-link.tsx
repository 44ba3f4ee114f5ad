import { Stack, Typography } from '@mui/material';
import type { MouseEvent } from 'react';
import { Link, useGetManyAggregate, useLocaleState, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { can, showsUsers, type Access } from '../../auth/access.ts';
import { useAccess } from '../../auth/use-access.ts';
import { useAuditWords } from './audit-words.ts';
import { globalId } from '../../shared/global-id.ts';
import { jobLabel } from '../jobs/job-label.ts';

type Words = { translate: (key: string, options?: Record<string, unknown>) => string; locale: string };

/** Where a record type opens, how a record of it is named, and (where not every role may
 * read it) who may: the others see `unnamed`, words without a link, and no read is tried. */
const TARGETS: Record<string, {
  resource: string;
  path: (id: string) => string;
  name: (r: RaRecord, entityId: string, words: Words) => string;
  opens?: (access: Access | undefined) => boolean;
  reads?: (access: Access | undefined) => boolean;
  unnamed?: (words: Words) => string;
}> = {
  Customer: { resource: 'customers', path: (id) => `/customers/${id}/show`, name: (r) => `${r['code']} ${r['name']}` },
  ArchivePolicy: { resource: 'archive-policies', path: (id) => `/archive-policies/${id}/show`, name: (r) => String(r['name']) },
  // A job by what it did and when: its number is nobody's reading.
  Job: {
    resource: 'jobs',
    path: (id) => `/jobs/${id}/show`,
    name: (r, _id, { translate, locale }) => jobLabel(r, translate, locale),
    reads: (access) => can(access, 'job:read'),
    unnamed: ({ translate }) => translate('custos.audit.a_job'),
  },
  // Named from `staff` (every role); the user screen opens only for those who manage users.
  User: { resource: 'staff', path: (id) => `/users/${id}`, name: (r) => String(r['displayName']), opens: showsUsers, unnamed: ({ translate }) => translate('custos.audit.a_user') },
  Segment: { resource: 'segments', path: (id) => `/segments/${id}`, name: (r) => String(r['name']) },
  Tag: { resource: 'tags', path: (id) => `/tags/${encodeURIComponent(id)}`, name: (r) => String(r.id) },
};

/**
 * A customer is live or archived (or gone): asked in the live list first, then in the
 * archive. react-admin batches the calls of one render into one getMany per resource,
 * so a page of audit events costs two reads, not one per row.
 */
function CustomerName({ id }: { id: string }) {
  const [liveId, archivedId] = [globalId('Customer', id), globalId('ArchivedCustomer', id)];
  const live = useGetManyAggregate('customers', { ids: [liveId] }, { retry: false });
  const liveRecord = live.data?.find((r) => String(r.id) === liveId);
  const missing = !live.isPending && !liveRecord;
  const archived = useGetManyAggregate('archived-customers', { ids: [archivedId] }, { enabled: missing, retry: false });
  const archivedRecord = archived.data?.find((r) => String(r.id) === archivedId);
  const record = liveRecord ?? archivedRecord;
  const to = archivedRecord && !liveRecord ? `/archived-customers/${archivedId}/show` : `/customers/${liveId}/show`;
  const gone = missing && !archived.isPending && !archivedRecord;
  return gone
    ? <span data-testid="record-link" data-gone="true">#{id}</span>
    : <Link to={to} onClick={stop} data-testid="record-link">{record ? `${record['code']} ${record['name']}` : `#${id}`}</Link>;
}

/** A record of a type in TARGETS, named in words and linked where the reader may open it. */
export function NamedRecord({ type, id: entityId }: { type: string; id: string }) {
  const target = TARGETS[type]!;
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // Tags are named, not numbered: their id is the name.
  const id = type === 'Tag' ? entityId : globalId(type, entityId);
  const access = useAccess();
  const reads = !target.reads || target.reads(access);
  const { data } = useGetManyAggregate(target.resource, { ids: [id] }, { retry: false, enabled: reads });
  const record = data?.find((r) => String(r.id) === id);
  const words = { translate, locale };
  const label = record ? target.name(record, entityId, words) : target.unnamed ? target.unnamed(words) : `#${entityId}`;
  if (!reads || (target.opens && !target.opens(access))) return <span data-testid="record-link">{label}</span>;
  return <Link to={target.path(id)} onClick={stop} data-testid="record-link">{label}</Link>;
}

/** Clicks on the link stay off the row's own link (rowClick). */
const stop = (e: MouseEvent) => e.stopPropagation();

/**
 * The record an audit event is about: its type in words and a link to it, named by code
 * and name where the role may read it (issue 18; the log showed a bare id). Records
 * deleted since, or of types without a screen, show their id only.
 */
export function AuditRecord(_props: { source?: string; sortable?: boolean; label?: string }) {
  const event = useRecordContext();
  const words = useAuditWords();
  if (!event) return null;
  const type = String(event['entityType']);
  const id = event['entityId'] ? String(event['entityId']) : null;
  return (
    <Stack component="span" direction="row" spacing={0.75} alignItems="baseline" sx={{ whiteSpace: 'nowrap' }}>
      <Typography variant="body2" component="span" color="text.secondary">{words.entity(type)}</Typography>
      {id === null ? null
        : type === 'Customer' ? <CustomerName id={id} />
        : TARGETS[type] ? <NamedRecord type={type} id={id} />
        : <span>#{id}</span>}
    </Stack>
  );
}
