import { Create } from 'react-admin';
import { PolicyForm, policyInput } from './policy-form.tsx';

export function PolicyCreate() {
  return (
    <Create redirect="show" transform={policyInput}>
      <PolicyForm defaultValues={{ action: 'ARCHIVE_CUSTOMERS', enabled: false, criteria: {} }} />
    </Create>
  );
}
