import { Alert, Grid } from '@mui/material';
import type { ReactNode } from 'react';
import { Create, SelectInput, SimpleForm, TextInput, required, useTranslate } from 'react-admin';
import { enumChoices } from '../../shared/choices.ts';

function Cell({ children, md = 4 }: { children: ReactNode; md?: number }) {
  return <Grid size={{ xs: 12, sm: 6, md }}>{children}</Grid>;
}

const today = () => new Date().toISOString().slice(0, 10);
const isDate = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? undefined : 'custos.subject_requests.date_format');

/** The server needs one of email, phone or tax id: a name alone identifies no one. (On the
 * email input: react-admin drops input validators once a form-level one is given.) */
const identifierRequired = (_value: unknown, all: Record<string, unknown>) =>
  all['email'] || all['phone'] || all['taxId'] ? undefined : 'custos.subject_requests.identifier_required';

/** Records a request as received; the server computes its due date from the regime. */
export function SubjectRequestCreate() {
  const translate = useTranslate();
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ kind: 'ACCESS', regime: 'PIPL', language: 'ZH_CN', receivedOn: today() }} mode="onTouched">
        <Alert severity="info" sx={{ mb: 2, width: '100%' }}>{translate('custos.subject_requests.create_hint')}</Alert>
        <Grid container spacing={2} sx={{ width: '100%' }}>
          <Cell><SelectInput source="kind" choices={enumChoices('SubjectRequestKind')} validate={required()} fullWidth /></Cell>
          <Cell><SelectInput source="regime" choices={enumChoices('SubjectRequestRegime')} validate={required()} fullWidth /></Cell>
          <Cell><TextInput source="receivedOn" type="date" validate={[required(), isDate]} fullWidth /></Cell>
          <Cell><SelectInput source="language" choices={enumChoices('SubjectLanguage')} validate={required()} fullWidth /></Cell>
          <Cell><TextInput source="reference" fullWidth /></Cell>
          <Cell><TextInput source="subjectName" fullWidth /></Cell>
          <Cell><TextInput source="email" type="email" validate={identifierRequired} fullWidth /></Cell>
          <Cell><TextInput source="phone" fullWidth /></Cell>
          <Cell><TextInput source="taxId" fullWidth /></Cell>
        </Grid>
      </SimpleForm>
    </Create>
  );
}
