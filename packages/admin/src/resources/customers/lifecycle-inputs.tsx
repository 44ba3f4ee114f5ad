import { DateInput, SelectInput, required, type Validator } from 'react-admin';
import { enumChoices } from '../../shared/choices.ts';
import { LimitedTextInput } from '../../shared/limited-text-input.tsx';

/**
 * The server's limits (packages/server/src/modules/void/void.inputs.ts and
 * archive/archive.inputs.ts), checked before sending.
 */
export const LIMITS = { voidNote: 1000, unvoidNote: { min: 3, max: 1000 }, reason: { min: 3, max: 500 } };

/** OTHER says nothing by itself, so it needs a note (checked again when the reason changes). */
const noteForOther: Validator = (value: unknown, values: Record<string, unknown>) =>
  values['reason'] === 'OTHER' && !String(value ?? '').trim() ? 'custos.lifecycle.note_required' : undefined;

/** Reason and note of a void: the reason is required, the confirm button waits for it. */
export function VoidInputs() {
  return (
    <>
      <SelectInput source="reason" label="custos.lifecycle.void_reason" choices={enumChoices('VoidReason')} validate={required('custos.ui.reason_required')} fullWidth />
      <LimitedTextInput source="note" label="custos.lifecycle.note" max={LIMITS.voidNote} validate={[noteForOther]} multiline minRows={2} fullWidth />
    </>
  );
}

export function NoteInput() {
  return <LimitedTextInput source="note" label="custos.lifecycle.unvoid_note" isRequired {...LIMITS.unvoidNote} multiline minRows={2} fullWidth />;
}

export function ReasonInput({ label = 'custos.lifecycle.reason' }: { label?: string }) {
  return <LimitedTextInput source="reason" label={label} isRequired {...LIMITS.reason} multiline minRows={2} fullWidth />;
}

/** A retention date must lie ahead (the server refuses a past one). */
const inFuture: Validator = (value: unknown) => (value && String(value).slice(0, 10) < new Date().toISOString().slice(0, 10) ? 'custos.refusals.field.future' : undefined);

export function ArchiveInputs() {
  return (
    <>
      <ReasonInput label="custos.lifecycle.archive_reason" />
      <DateInput source="retainUntil" label="custos.lifecycle.retain_until" helperText="custos.lifecycle.retain_until_help" validate={inFuture} fullWidth />
    </>
  );
}

/** "Interactions before" a day that has begun: the server refuses a future date. */
export const notFuture: Validator = (value: unknown) =>
  value && new Date(`${String(value).slice(0, 10)}T00:00:00Z`).getTime() > Date.now() ? 'custos.refusals.field.not_future' : undefined;

/** DateInput gives a date; the API takes a timestamp (end of that day is kept, in UTC). */
export function retainUntilInput(value: unknown): string | undefined {
  return value ? new Date(`${String(value).slice(0, 10)}T23:59:59Z`).toISOString() : undefined;
}
