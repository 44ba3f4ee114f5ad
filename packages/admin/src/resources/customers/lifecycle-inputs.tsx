import { DateInput, SelectInput, TextInput, required } from 'react-admin';
import { enumChoices } from '../../shared/choices.ts';

/** Reason and note of a void; OTHER says nothing by itself, so it needs a note. */
export function VoidInputs() {
  return (
    <>
      <SelectInput source="reason" label="custos.lifecycle.void_reason" choices={enumChoices('VoidReason')} validate={required()} fullWidth />
      <TextInput source="note" label="custos.lifecycle.note" multiline minRows={2} fullWidth />
    </>
  );
}

export function validateVoid(values: Record<string, unknown>) {
  return values['reason'] === 'OTHER' && !String(values['note'] ?? '').trim() ? { note: 'custos.lifecycle.note_required' } : {};
}

export function NoteInput() {
  return <TextInput source="note" label="custos.lifecycle.unvoid_note" validate={required()} multiline minRows={2} fullWidth />;
}

export function ReasonInput({ label = 'custos.lifecycle.reason' }: { label?: string }) {
  return <TextInput source="reason" label={label} validate={required()} multiline minRows={2} fullWidth />;
}

export function ArchiveInputs() {
  return (
    <>
      <ReasonInput label="custos.lifecycle.archive_reason" />
      <DateInput source="retainUntil" label="custos.lifecycle.retain_until" helperText="custos.lifecycle.retain_until_help" fullWidth />
    </>
  );
}

/** DateInput gives a date; the API takes a timestamp (end of that day is kept, in UTC). */
export function retainUntilInput(value: unknown): string | undefined {
  return value ? new Date(`${String(value).slice(0, 10)}T23:59:59Z`).toISOString() : undefined;
}
