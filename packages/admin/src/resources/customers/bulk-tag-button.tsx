import LocalOfferOutlinedIcon from '@mui/icons-material/LocalOfferOutlined';
import { Button } from '@mui/material';
import { useState } from 'react';
import { TextInput, useDataProvider, useListContext, useRefresh, useTranslate } from 'react-admin';
import { useNotifyUndoable } from '../../shared/undo.tsx';
import { bulkTagRead } from './bulk-tag.api.ts';
import type { CustosDataProvider } from '../../data-provider/index.ts';
import { ActionDialog } from '../../shared/action-dialog.tsx';

/** "vip, 华东" → ['vip', '华东'] (ASCII or full-width commas). */
const splitTags = (value: unknown) => (typeof value === 'string' ? value.split(/[,，]/).map((t) => t.trim()).filter(Boolean) : []);

/**
 * Adds and removes tags on the ticked customers in one server call (`bulkTagCustomers`
 * over the list's filter narrowed to the ticked ids), so the rule the list shows is the
 * rule the server applies. The notice says how many were matched and changed.
 */
export function BulkTagButton() {
  const translate = useTranslate();
  const notifyUndoable = useNotifyUndoable();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<CustosDataProvider>();
  const { resource, filterValues, selectedIds, onUnselectItems } = useListContext();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" startIcon={<LocalOfferOutlinedIcon />} onClick={() => setOpen(true)} data-testid="bulk-tag">
        {translate('custos.tags.bulk')}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title="custos.tags.bulk_title"
        confirmLabel="custos.tags.apply"
        description={translate('custos.tags.bulk_count', { smart_count: selectedIds.length })}
        testId="bulk-tag-dialog"
        canSubmit={(v) => splitTags(v['add']).length + splitTags(v['remove']).length > 0}
        onSubmit={async (values) => {
          const { data } = await dataProvider.read((b) => bulkTagRead(b, {
            resource, filter: filterValues, ids: selectedIds.map(String), add: splitTags(values['add']), remove: splitTags(values['remove']),
          }));
          notifyUndoable('custos.tags.done', { args: { smart_count: data.changed, matched: data.matched }, operation: data.undo, customerIds: selectedIds.map(String) });
          setOpen(false);
          onUnselectItems();
          refresh();
        }}
      >
        <TextInput source="add" label="custos.tags.add" fullWidth helperText="custos.tags.hint" />
        <TextInput source="remove" label="custos.tags.remove" fullWidth />
      </ActionDialog>
    </>
  );
}
