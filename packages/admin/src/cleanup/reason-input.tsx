import { TextInput, required } from 'react-admin';

/** The free-text reason every cleanup action records in the audit log. */
export function ReasonInput({ mandatory = false }: { mandatory?: boolean }) {
  return <TextInput source="reason" label="custos.cleanup.reason" fullWidth multiline validate={mandatory ? required() : undefined} />;
}
