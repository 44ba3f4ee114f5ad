import { Step, StepLabel, Stepper } from '@mui/material';
import { useTranslate } from 'react-admin';

const STEPS = ['upload', 'mapping', 'check', 'import', 'done'] as const;

/** Where the import is, as the wizard's steps (0 = upload … 4 = done). */
export function ImportSteps({ step }: { step: number }) {
  const translate = useTranslate();
  return (
    <Stepper activeStep={step} sx={{ mb: 2 }} data-testid="import-steps" data-step={STEPS[step]}>
      {STEPS.map((name) => (
        <Step key={name}>
          <StepLabel>{translate(`custos.intake.steps.${name}`)}</StepLabel>
        </Step>
      ))}
    </Stepper>
  );
}
