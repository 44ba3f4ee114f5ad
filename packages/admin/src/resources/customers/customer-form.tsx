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
import { LimitedTextInput } from '../../shared/limited-text-input.tsx';
import { DuplicateAwareToolbar, DuplicateWarning } from './duplicate-warning.tsx';

const parseTags = (value: string) => (value ? value.split(/[,，]/).map((t) => t.trim()).filter(Boolean) : []);
const formatTags = (value: unknown) => (Array.isArray(value) ? value.join(', ') : ((value as string | undefined) ?? ''));

// The server's own patterns (packages/server/src/modules/customer/customer.inputs.ts),
// checked before sending; the server checks again and its refusals land on the inputs.
const validatePhone = regex(/^(\+?[0-9][0-9 ()-]{4,24})?$/, 'custos.refusals.field.phone');
const validateCode = regex(/^([A-Za-z0-9][A-Za-z0-9_-]{0,31})?$/, 'custos.refusals.field.code');
const validateRegion = regex(/^([A-Z]{2}(-[A-Z0-9]{1,3})?)?$/, 'custos.refusals.field.region');

function Cell({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return <Grid size={{ xs: 12, md: wide ? 12 : 6 }}>{children}</Grid>;
}

/**
 * Create and edit form. Fields the role may not write are not offered (the server
 * refuses a write naming them, even unchanged); see `canWriteCustomerField`. Possible
 * duplicates of what is typed show above the save button, which then says "Save anyway",
 * or refuses when a duplicate rule blocks the save (issue 22).
 */
export function CustomerForm({ header, ...props }: Omit<SimpleFormProps, 'children'> & { header?: ReactNode }) {
  const access = useAccess();
  const w = (field: string) => canWriteCustomerField(access, field);
  return (
    // Leaving with unsaved changes asks first (react-admin's prompt, under the data router).
    <SimpleForm warnWhenUnsavedChanges toolbar={<DuplicateAwareToolbar />} {...props}>
      {header}
      <Grid container columnSpacing={2} sx={{ width: '100%' }}>
        <Cell><LimitedTextInput source="name" isRequired max={200} fullWidth /></Cell>
        <Cell><TextInput source="code" validate={validateCode} fullWidth /></Cell>
        <Cell><SelectInput source="type" choices={enumChoices('CustomerType')} validate={required()} fullWidth /></Cell>
        <Cell><SelectInput source="tier" choices={enumChoices('CustomerTier')} fullWidth /></Cell>
        <Cell><SelectInput source="lifecycleStage" choices={enumChoices('LifecycleStage')} fullWidth /></Cell>
        <Cell><SelectInput source="industry" choices={industryChoices()} fullWidth /></Cell>
        <Cell><AutocompleteInput source="region" choices={regionChoices()} onCreate={(code) => ({ id: code ?? '', name: code ?? '' })} validate={validateRegion} fullWidth /></Cell>
        {w('ownerId') ? (
          <Cell>
            <ReferenceInput source="ownerId" reference="staff">
              <AutocompleteInput optionText="displayName" fullWidth />
            </ReferenceInput>
          </Cell>
        ) : null}
        {w('email') ? <Cell><TextInput source="email" type="email" validate={[email('custos.refusals.field.email'), maxLength(254)]} fullWidth /></Cell> : null}
        {w('phone') ? <Cell><TextInput source="phone" validate={validatePhone} fullWidth /></Cell> : null}
        {w('taxId') ? <Cell><TextInput source="taxId" validate={maxLength(64)} fullWidth /></Cell> : null}
        <Cell><TextInput source="tags" parse={parseTags} format={formatTags} fullWidth /></Cell>
        {w('address') ? <Cell wide><LimitedTextInput source="address" max={500} fullWidth /></Cell> : null}
        {w('notes') ? <Cell wide><LimitedTextInput source="notes" max={10000} multiline minRows={3} fullWidth /></Cell> : null}
      </Grid>
      <DuplicateWarning />
    </SimpleForm>
  );
}
