import { Alert, Box, InputAdornment } from '@mui/material';
import { LimitedTextInput } from '../../shared/limited-text-input.tsx';
import { Create, Edit, FormDataConsumer, SimpleForm, TextInput, maxLength, regex, required, useTranslate } from 'react-admin';
import { TagChip } from './tag-chip.tsx';

/** The server's rule: 1–40 characters without spaces at either end. */
const validateName = [required(), regex(/^\S(?:.{0,38}\S)?$/u, 'custos.classification.name_invalid')];
const validateColor = regex(/^#[0-9a-f]{6}$/i, 'custos.classification.color_invalid');

/** The tag as it will look, next to the colour input. */
function Swatch() {
  return (
    <InputAdornment position="end">
      <FormDataConsumer>
        {({ formData }) => <TagChip name={String(formData['name'] || '…')} color={formData['color'] as string | undefined} />}
      </FormDataConsumer>
    </InputAdornment>
  );
}

function TagForm({ editing = false }: { editing?: boolean }) {
  const translate = useTranslate();
  return (
    // Leaving with unsaved changes asks first, except on a rename: the saved tag comes
    // back under its new name (its id), and react-admin's guard then holds the page on a
    // record id that no longer exists instead of returning to the list.
    <SimpleForm warnWhenUnsavedChanges={!editing}>
      {editing ? <Alert severity="info" sx={{ mb: 2 }}>{translate('custos.classification.rename_hint')}</Alert> : null}
      <Box sx={{ width: '100%', maxWidth: 560 }}>
        <TextInput source="name" validate={validateName} fullWidth />
        <TextInput source="color" validate={validateColor} helperText="custos.classification.color_hint" fullWidth
          parse={(value: string) => value.trim().toLowerCase()}
          slotProps={{ input: { endAdornment: <Swatch /> } }} />
        <LimitedTextInput source="description" max={500} multiline minRows={2} fullWidth />
      </Box>
    </SimpleForm>
  );
}

export function TagCreate() {
  return (
    <Create redirect="list">
      <TagForm />
    </Create>
  );
}

/**
 * A rename sends the tag's current name as `name` and the new one as `newName`; the
 * server re-tags every live customer carrying it. Pessimistic: the list shows the
 * server's answer, counts included.
 */
export function TagEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list"
      transform={(data: Record<string, unknown>, options?: { previousData?: Record<string, unknown> }) => {
        const current = String(options?.previousData?.['name'] ?? data['id']);
        return { ...data, name: current, newName: data['name'] !== current ? data['name'] : undefined };
      }}>
      <TagForm editing />
    </Edit>
  );
}
