import AddCommentOutlinedIcon from '@mui/icons-material/AddCommentOutlined';
import { Dialog, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  CreateBase,
  DateTimeInput,
  Form,
  FormDataConsumer,
  SaveButton,
  SelectInput,
  TextInput,
  Toolbar,
  regex,
  required,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { fieldLevel } from '../../auth/access.ts';
import { useAccess } from '../../auth/use-access.ts';
import { enumChoices } from '../../shared/choices.ts';
import { LimitedTextInput } from '../../shared/limited-text-input.tsx';

// The server's rules (interaction.inputs.ts, interaction.service.ts), checked before sending.
const validateAmount = regex(/^\d+(\.\d{1,2})?$/, 'custos.ui.amount_format');
const validateCurrency = regex(/^[A-Z]{3}$/, 'custos.refusals.field.currency');

/**
 * Logs an interaction for the shown customer. Amount and currency are offered only to
 * roles that see amounts in full: the policy lets exactly those roles write them.
 */
export function LogInteractionButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const access = useAccess();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  const withAmount = fieldLevel(access, 'Interaction.amount') === 'FULL';
  const close = () => setOpen(false);

  return (
    <>
      <Button label="custos.customers.log_interaction" onClick={() => setOpen(true)}>
        <AddCommentOutlinedIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>{translate('custos.customers.log_interaction')}</DialogTitle>
        <CreateBase
          resource="interactions"
          redirect={false}
          transform={(data: Record<string, unknown>) => ({ ...data, customerId: record.id })}
          mutationOptions={{
            onSuccess: () => {
              notify('custos.customers.logged', { type: 'success' });
              close();
              // The timeline and the customer's counters change with the new entry.
              refresh();
            },
          }}
        >
          <Form defaultValues={{ kind: 'CALL', occurredAt: new Date().toISOString() }}>
            <DialogContent>
              <SelectInput source="kind" choices={enumChoices('InteractionKind')} validate={required()} fullWidth />
              <DateTimeInput source="occurredAt" fullWidth />
              <SelectInput source="channel" choices={enumChoices('InteractionChannel')} fullWidth />
              <LimitedTextInput source="subject" isRequired max={300} fullWidth />
              <LimitedTextInput source="body" max={20000} multiline minRows={3} fullWidth />
              {withAmount ? (
                <FormDataConsumer>
                  {({ formData }) =>
                    formData.kind === 'ORDER' ? (
                      <>
                        <TextInput source="amount" validate={[required(), validateAmount]} helperText="1999.90" />
                        <TextInput source="currency" defaultValue="CNY" validate={[required(), validateCurrency]} />
                      </>
                    ) : null
                  }
                </FormDataConsumer>
              ) : null}
            </DialogContent>
            <Toolbar>
              <SaveButton />
              <Button label="ra.action.cancel" onClick={close} sx={{ ml: 1 }} />
            </Toolbar>
          </Form>
        </CreateBase>
      </Dialog>
    </>
  );
}
