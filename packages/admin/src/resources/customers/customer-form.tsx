import { Grid } from '@mui/material';
import type { ReactNode } from 'react';
import {
  AutocompleteInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  email,
  maxLength,
  regex,
  required,
  type SimpleFormProps,
} from 'react-admin';
import { canWriteCustomerField } from '../../auth/access.ts';
import { useAccess } from '../../auth/use-access.ts';
import { enumChoices, industryChoices, regionChoices } from '../../shared/choices.ts';

const parseTags = (value: string) => (value ? value.split(/[,，]/).map((t) => t.trim()).filter(Boolean) : []);
const formatTags = (value: unknown) => (Array.isArray(value) ? value.join(', ') : ((value as string | undefined) ?? ''));

// The server validates too; these only spare a round trip for obvious slips.
const validatePhone = regex(/^[0-9 +()\-]*$/, 'custos.validation.phone');
const validateCode = regex(/^[A-Za-z0-9_-]*$/, 'custos.validation.code');

function Cell({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return <Grid size={{ xs: 12, md: wide ? 12 : 6 }}>{children}</Grid>;
}

/**
 * Create and edit form. Fields the role may not write are not offered (the server
 * refuses a write naming them, even unchanged); see `canWriteCustomerField`.
 */
export function CustomerForm({ header, ...props }: Omit<SimpleFormProps, 'children'> & { header?: ReactNode }) {
  const access = useAccess();
  const w = (field: string) => canWriteCustomerField(access, field);
  return (
    <SimpleForm {...props}>
      {header}
      <Grid container columnSpacing={2} sx={{ width: '100%' }}>
        <Cell><TextInput source="name" validate={[required(), maxLength(200)]} fullWidth /></Cell>
        <Cell><TextInput source="code" validate={validateCode} fullWidth /></Cell>
        <Cell><SelectInput source="type" choices={enumChoices('CustomerType')} validate={required()} fullWidth /></Cell>
        <Cell><SelectInput source="tier" choices={enumChoices('CustomerTier')} fullWidth /></Cell>
        <Cell><SelectInput source="lifecycleStage" choices={enumChoices('LifecycleStage')} fullWidth /></Cell>
        <Cell><SelectInput source="industry" choices={industryChoices()} fullWidth /></Cell>
        <Cell><AutocompleteInput source="region" choices={regionChoices()} onCreate={(code) => ({ id: code ?? '', name: code ?? '' })} fullWidth /></Cell>
        {w('ownerId') ? (
          <Cell>
            <ReferenceInput source="ownerId" reference="users">
              <AutocompleteInput optionText="displayName" fullWidth />
            </ReferenceInput>
          </Cell>
        ) : null}
        {w('email') ? <Cell><TextInput source="email" type="email" validate={email()} fullWidth /></Cell> : null}
        {w('phone') ? <Cell><TextInput source="phone" validate={validatePhone} fullWidth /></Cell> : null}
        {w('taxId') ? <Cell><TextInput source="taxId" fullWidth /></Cell> : null}
        <Cell><TextInput source="tags" parse={parseTags} format={formatTags} fullWidth /></Cell>
        {w('address') ? <Cell wide><TextInput source="address" fullWidth /></Cell> : null}
        {w('notes') ? <Cell wide><TextInput source="notes" multiline minRows={3} fullWidth /></Cell> : null}
      </Grid>
    </SimpleForm>
  );
}
