import ArchiveOutlinedIcon from '@mui/icons-material/ArchiveOutlined';
import BlockIcon from '@mui/icons-material/Block';
import SettingsBackupRestoreIcon from '@mui/icons-material/SettingsBackupRestore';
import { BulkLifecycleButton } from '../../shared/bulk-lifecycle-button.tsx';
import { ArchiveInputs, NoteInput, VoidInputs, retainUntilInput } from './lifecycle-inputs.tsx';

export function BulkVoidButton() {
  return (
    <BulkLifecycleButton
      action="voidCustomers" permission="customer:void" icon={<BlockIcon />} color="warning"
      label="custos.lifecycle.void" title="custos.lifecycle.void_title" count="custos.lifecycle.void_count" done="custos.lifecycle.voided_many"
      toInput={(v) => ({ reason: v['reason'], note: v['note'] })}
    >
      <VoidInputs />
    </BulkLifecycleButton>
  );
}

export function BulkUnvoidButton() {
  return (
    <BulkLifecycleButton
      action="unvoidCustomers" permission="customer:unvoid" icon={<SettingsBackupRestoreIcon />}
      label="custos.lifecycle.unvoid" title="custos.lifecycle.unvoid_title" count="custos.lifecycle.unvoid_count" done="custos.lifecycle.unvoided_many"
      toInput={(v) => ({ note: v['note'] })}
    >
      <NoteInput />
    </BulkLifecycleButton>
  );
}

export function BulkArchiveButton() {
  return (
    <BulkLifecycleButton
      action="archiveCustomers" permission="customer:archive" icon={<ArchiveOutlinedIcon />}
      label="custos.lifecycle.archive" title="custos.lifecycle.archive_title" count="custos.lifecycle.archive_count" done="custos.lifecycle.archived_many"
      toInput={(v) => ({ reason: v['reason'], retainUntil: retainUntilInput(v['retainUntil']) })}
    >
      <ArchiveInputs />
    </BulkLifecycleButton>
  );
}
