import { Alert, Divider, Grid, Typography } from '@mui/material';
import { LimitedTextInput } from '../../shared/limited-text-input.tsx';
import type { ReactNode } from 'react';
import {
  AutocompleteArrayInput,
  BooleanInput,
  FormDataConsumer,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceArrayInput,
  SelectArrayInput,
  SimpleForm,
  TextInput,
  maxLength,
  minValue,
  required,
  useLocaleState,
  useTranslate,
  type SimpleFormProps,
} from 'react-admin';
import { can } from '../../auth/access.ts';
import { useAccess } from '../../auth/use-access.ts';
import { enumChoices, industryChoices, regionChoices } from '../../shared/choices.ts';
import { cronHint } from './cron-hint.ts';
import { policyInput } from './policy-input.ts';
import { PreviewPanel } from './policy-preview.tsx';

const parseTags = (value: string) => (value ? value.split(/[,，]/).map((t) => t.trim()).filter(Boolean) : []);
const formatTags = (value: unknown) => (Array.isArray(value) ? value.join(', ') : ((value as string | undefined) ?? ''));
const days = [minValue(1)];

function Cell({ children, md = 6 }: { children: ReactNode; md?: number }) {
  return <Grid size={{ xs: 12, md }}>{children}</Grid>;
}

function Section({ title }: { title: string }) {
  const translate = useTranslate();
  return (
    <Grid size={12}>
      <Divider sx={{ my: 1 }} />
      <Typography variant="subtitle1">{translate(title)}</Typography>
    </Grid>
  );
}

/**
 * The schedule with its reading, and a warning while "Schedule on" is off: a schedule
 * alone never runs (issue 18: "0 3 * * *" was saved, read "Every day at 03:00 UTC" and
 * silently never ran).
 */
function ScheduleInput() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <FormDataConsumer>
      {({ formData }) => (
        <>
        <TextInput
          source="schedule"
          helperText={<span data-testid="cron-hint">{cronHint(formData.schedule as string, translate, locale)}</span>}
          placeholder="0 3 * * *"
          validate={maxLength(100)}
          fullWidth
        />
        {String(formData.schedule ?? '').trim() && !formData.enabled ? (
          <Alert severity="warning" data-testid="schedule-off-warning">{translate('custos.ui.schedule_off')}</Alert>
        ) : null}
        </>
      )}
    </FormDataConsumer>
  );
}

/** The rule as it stands in the form, for a dry run before it is saved. */
function FormPreview() {
  return (
    <FormDataConsumer>
      {({ formData }) => (
        <PreviewPanel
          input={() => {
            const v = policyInput(formData as Record<string, unknown>);
            return { criteria: v['criteria'] ?? {}, action: v['action'], interactionsOlderThanDays: v['interactionsOlderThanDays'] };
          }}
        />
      )}
    </FormDataConsumer>
  );
}

/**
 * The criteria builder: every condition is optional and they combine with AND (within
 * a list: any of). Owners can be picked only by roles that list staff.
 */
export function PolicyForm({ header, ...props }: Omit<SimpleFormProps, 'children'> & { header?: ReactNode }) {
  const access = useAccess();
  return (
    <SimpleForm warnWhenUnsavedChanges {...props}>
      {header}
      <Grid container columnSpacing={2} sx={{ width: '100%' }}>
        <Cell><LimitedTextInput source="name" isRequired max={120} fullWidth /></Cell>
        <Cell><BooleanInput source="enabled" /></Cell>
        <Cell md={12}><LimitedTextInput source="description" max={2000} multiline fullWidth /></Cell>
        <Section title="custos.policies.section_what" />
        <Cell md={12}><RadioButtonGroupInput source="action" label={false} choices={enumChoices('ArchivePolicyAction')} validate={required()} /></Cell>
        <FormDataConsumer>
          {({ formData }) =>
            formData.action === 'ARCHIVE_INTERACTIONS' ? (
              <Cell><NumberInput source="interactionsOlderThanDays" validate={[required(), ...days]} fullWidth /></Cell>
            ) : (
              <Cell><NumberInput source="retentionDays" validate={days} helperText="custos.policies.retention_help" fullWidth /></Cell>
            )
          }
        </FormDataConsumer>
        <Section title="custos.policies.section_criteria" />
        <Cell><SelectArrayInput source="criteria.lifecycleStage" choices={enumChoices('LifecycleStage')} fullWidth /></Cell>
        <Cell><SelectArrayInput source="criteria.type" choices={enumChoices('CustomerType')} fullWidth /></Cell>
        <Cell><SelectArrayInput source="criteria.tier" choices={enumChoices('CustomerTier')} fullWidth /></Cell>
        <Cell><SelectArrayInput source="criteria.status" choices={enumChoices('CustomerStatus').filter((c) => c.id === 'ACTIVE' || c.id === 'VOID')} fullWidth /></Cell>
        <Cell><SelectArrayInput source="criteria.region" choices={regionChoices()} fullWidth /></Cell>
        <Cell><SelectArrayInput source="criteria.industry" choices={industryChoices()} fullWidth /></Cell>
        <Cell><TextInput source="criteria.tags" parse={parseTags} format={formatTags} fullWidth /></Cell>
        {can(access, 'user:manage') ? (
          <Cell>
            <ReferenceArrayInput source="criteria.ownerId" reference="staff">
              <AutocompleteArrayInput optionText="displayName" label="resources.archive-policies.fields.criteria.ownerId" fullWidth />
            </ReferenceArrayInput>
          </Cell>
        ) : null}
        <Cell md={4}><NumberInput source="criteria.inactiveDays" validate={days} fullWidth /></Cell>
        <Cell md={4}><NumberInput source="criteria.createdBeforeDays" validate={days} fullWidth /></Cell>
        <Cell md={4}><NumberInput source="criteria.voidedBeforeDays" validate={days} fullWidth /></Cell>
        <Section title="custos.policies.section_schedule" />
        <Cell><ScheduleInput /></Cell>
        <Section title="custos.policies.section_preview" />
        <Grid size={12}><FormPreview /></Grid>
      </Grid>
    </SimpleForm>
  );
}
