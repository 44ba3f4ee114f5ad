import { Create, PasswordInput, SelectInput, SimpleForm, TextInput, email, maxLength, minLength, required } from 'react-admin';
import { enumChoices } from '../../shared/choices.ts';

export function UserCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ role: 'SALES' }} warnWhenUnsavedChanges>
        <TextInput source="displayName" validate={[required(), maxLength(100)]} />
        <TextInput source="email" type="email" validate={[required(), email('custos.refusals.field.email'), maxLength(254)]} />
        <SelectInput source="role" choices={enumChoices('Role')} validate={required()} />
        <PasswordInput
          source="password"
          validate={[required(), minLength(10, 'custos.users.password_too_short'), maxLength(200)]}
          autoComplete="new-password"
        />
      </SimpleForm>
    </Create>
  );
}
