import { Create } from 'react-admin';
import { PolicyForm } from './policy-form.tsx';
import { policyInput } from './policy-input.ts';

export function PolicyCreate() {
  return (
    <Create redirect="show" transform={policyInput}>
      <PolicyForm defaultValues={{ action: 'ARCHIVE_CUSTOMERS', enabled: false, criteria: {} }} />
    </Create>
  );
}
