import { Box, Typography } from '@mui/material';
import { FormDataConsumer, TextInput, maxLength, minLength, required, type TextInputProps, type Validator } from 'react-admin';

/** Spaces only is no reason: the server refuses blank texts too ("must not be blank"). */
const notBlank: Validator = (value: unknown) => (typeof value === 'string' && value.length > 0 && !value.trim() ? 'custos.refusals.field.required' : undefined);

export interface LimitedTextInputProps extends Omit<TextInputProps, 'validate'> {
  /** The server's limit (its input type's @MaxLength). */
  max: number;
  min?: number;
  isRequired?: boolean;
  validate?: Validator[];
}

/**
 * A text input that knows the server's length limits: checked before sending, with a
 * "12 / 500" counter under the input (issue 18). The counter sits beside the helper
 * line, so it stays while an error message replaces the hint.
 */
export function LimitedTextInput({ max, min, isRequired = false, validate = [], ...props }: LimitedTextInputProps) {
  const rules = [...(isRequired ? [required()] : []), notBlank, ...(min ? [minLength(min)] : []), maxLength(max), ...validate];
  return (
    <Box sx={{ position: 'relative' }}>
      <TextInput {...props} validate={rules} />
      <FormDataConsumer>
        {({ formData }) => {
          const value = props.source.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], formData);
          const length = typeof value === 'string' ? value.length : 0;
          return (
            <Typography variant="caption" color={length > max ? 'error' : 'text.secondary'} data-testid={`counter-${props.source}`}
              sx={{ position: 'absolute', right: 14, bottom: 2, pointerEvents: 'none' }}>
              {`${length} / ${max}`}
            </Typography>
          );
        }}
      </FormDataConsumer>
    </Box>
  );
}
