import { Create } from 'react-admin';
import { CustomerForm } from './customer-form.tsx';

export function CustomerCreate() {
  return (
    <Create redirect="show">
      <CustomerForm defaultValues={{ type: 'SMB', tier: 'STANDARD', lifecycleStage: 'NEW', tags: [] }} />
    </Create>
  );
}
