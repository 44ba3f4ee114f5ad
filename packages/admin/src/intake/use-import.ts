/** The import wizard's reads and changes: registered operations (intake.graphql) and the upload. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useDataProvider, useLocaleState } from 'react-admin';
import { validToken } from '../auth/session.ts';
import type { CustosDataProvider } from '../data-provider/index.ts';
import type { OperationName, OperationVariables } from '../data-provider/operations.ts';
import { useOperationQuery } from '../shared/use-operation.ts';
import { isJobActive, uploadRefusal } from './import.logic.ts';

export const PREVIEW_ROWS = 10;
export const DUPLICATE_PAGE = 50;

export function useImportSetup() {
  return useOperationQuery('CustomerImportSetup', {}, { select: (r) => r.customerImportSetup });
}

/** The import, asked again every second while its job runs: the progress for roles that
 * read no jobs (SALES), and the fallback when a job's pushed updates stop. */
export function useImportStatus(id: string) {
  return useOperationQuery('CustomerImportStatus', { id }, {
    select: (r) => r.customerImport,
    refetchInterval: (r) => (isJobActive(r?.customerImport?.progress) || isJobActive(r?.customerImport?.undoProgress) ? 1000 : false),
  });
}

export function useImportRows(id: string, offset: number, enabled: boolean) {
  return useOperationQuery('CustomerImportRows', { id, preview: PREVIEW_ROWS, first: DUPLICATE_PAGE, offset }, { enabled, keepPrevious: true, select: (r) => r.customerImport });
}

/** Runs a registered change, then reloads what the wizard shows of imports. */
export function useImportChange() {
  const dataProvider = useDataProvider<CustosDataProvider>();
  const queryClient = useQueryClient();
  return useCallback(
    async <N extends OperationName>(name: N, variables: OperationVariables<N>) => {
      const result = await dataProvider.operation(name, variables);
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'custos' && String(q.queryKey[1]).startsWith('CustomerImport') });
      return result.data;
    },
    [dataProvider, queryClient],
  );
}

export class UploadRefused extends Error {
  readonly messageKey: string;
  constructor(messageKey: string) {
    super(messageKey);
    this.messageKey = messageKey;
  }
}

/** Sends the file's bytes as they are (POST /imports/customers); the server reads the format. */
export function useUpload() {
  const [locale] = useLocaleState();
  return useCallback(
    async (file: File): Promise<{ id: string; rowCount: number }> => {
      const token = await validToken();
      let response: Response;
      try {
        response = await fetch(`/imports/customers?fileName=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token ?? ''}`, 'content-type': 'application/octet-stream', 'accept-language': locale },
          body: file,
        });
      } catch {
        throw new UploadRefused('custos.intake.upload.failed');
      }
      const body = (await response.json().catch(() => ({}))) as { id?: string; rowCount?: number; code?: string };
      if (response.status !== 201 || !body.id) throw new UploadRefused(uploadRefusal(response.status, body.code));
      return { id: body.id, rowCount: body.rowCount ?? 0 };
    },
    [locale],
  );
}
