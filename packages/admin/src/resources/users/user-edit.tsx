import { BooleanInput, Edit, SelectInput, SimpleForm, TextField, TextInput, TopToolbar, Labeled, maxLength, required } from 'react-admin';
import { enumChoices } from '../../shared/choices.ts';
import { ResetPasswordButton } from './reset-password-button.tsx';

export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list" actions={<TopToolbar><ResetPasswordButton /></TopToolbar>}>
      <SimpleForm warnWhenUnsavedChanges>
        <Labeled source="email"><TextField source="email" /></Labeled>
        <TextInput source="displayName" validate={[required(), maxLength(100)]} />
        <SelectInput source="role" choices={enumChoices('Role')} validate={required()} />
        <BooleanInput source="enabled" />
      </SimpleForm>
    </Edit>
  );
}
