import { LimitedTextInput } from '../shared/limited-text-input.tsx';

/**
 * The free-text reason every cleanup action records in the audit log. Limits as the
 * server's inputs: optional reasons take at most 500 characters here (the smallest of
 * their limits), a mandatory one (unmerge) 3 to 1000.
 */
export function ReasonInput({ mandatory = false }: { mandatory?: boolean }) {
  return mandatory
    ? <LimitedTextInput source="reason" label="custos.cleanup.reason" isRequired min={3} max={1000} fullWidth multiline />
    : <LimitedTextInput source="reason" label="custos.cleanup.reason" max={500} fullWidth multiline />;
}
