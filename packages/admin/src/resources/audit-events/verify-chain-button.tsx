import VerifiedUserOutlinedIcon from '@mui/icons-material/VerifiedUserOutlined';
import { Alert } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Button, useDataProvider, useTranslate } from 'react-admin';
import type { CustosDataProvider } from '../../data-provider/index.ts';
import { useNotifyError } from '../../shared/use-notify-error.ts';

/** Re-computes the audit hash chain on the server and shows ok / checked / firstBrokenSeq. */
export function VerifyChainButton() {
  const dataProvider = useDataProvider<CustosDataProvider>();
  const translate = useTranslate();
  const notifyError = useNotifyError();
  const { mutate, data, isPending, reset } = useMutation({
    mutationFn: () => dataProvider.operation('VerifyAuditChain', {}),
    onError: (error: unknown) => notifyError(error),
  });
  const result = data?.data.verifyAuditChain;
  return (
    <>
      <Button label="custos.audit.verify" onClick={() => mutate()} disabled={isPending}>
        <VerifiedUserOutlinedIcon />
      </Button>
      {result ? (
        <Alert
          severity={result.ok ? 'success' : 'error'}
          onClose={reset}
          sx={{ ml: 1, py: 0 }}
          data-testid="chain-result"
          data-ok={String(result.ok)}
        >
          {result.ok
            ? translate('custos.audit.verify_ok', { checked: result.checked })
            : translate('custos.audit.verify_broken', { checked: result.checked, seq: result.firstBrokenSeq ?? '?' })}
        </Alert>
      ) : null}
    </>
  );
}
