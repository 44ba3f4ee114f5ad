import { createClient, type Client } from 'graphql-ws';
import { useEffect, useState } from 'react';
import type { RaRecord } from 'react-admin';
import { validToken } from '../../auth/session.ts';
import { DOCUMENTS } from '../../data-provider/generated/documents.ts';
import { GRAPHQL_URL } from '../../data-provider/schema.ts';

/**
 * A job's state and progress pushed by the server (the `jobUpdated` subscription over
 * WebSocket) instead of asked for every second. While the subscription is live the
 * screens stop polling; when it cannot be opened or drops (an older server, a proxy
 * without WebSocket), `live` is false and they poll as before.
 */

/** Registered (packages/schema/operations/dashboard/jobs.graphql): sent as registered, so a
 * server running registered operations only accepts it too. */
const JOB_UPDATED = DOCUMENTS.JobUpdated;

let client: Client | undefined;

function socket(): Client {
  const url = new URL(GRAPHQL_URL, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  client ??= createClient({
    url: url.toString(),
    // Read at every (re)connection: the socket always starts with a token still valid.
    connectionParams: async () => {
      const token = await validToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    lazy: true,
    retryAttempts: 3,
  });
  return client;
}

export function useJobUpdates(id: string | undefined): { job: Partial<RaRecord> | undefined; live: boolean } {
  const [job, setJob] = useState<Partial<RaRecord>>();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!id || typeof WebSocket === 'undefined') return undefined;
    setJob(undefined);
    const stop = socket().subscribe<{ jobUpdated: RaRecord }>(
      { query: JOB_UPDATED, variables: { id } },
      {
        next: (result) => {
          if (result.data?.jobUpdated) {
            setJob(result.data.jobUpdated);
            setLive(true);
          }
        },
        error: () => setLive(false),
        complete: () => setLive(false),
      },
    );
    return () => {
      stop();
      setLive(false);
    };
  }, [id]);
  return { job, live };
}

/** The record the screen read, with what the subscription pushed since laid over it. */
export function withLiveJob<T extends RaRecord>(record: T | undefined, job: Partial<RaRecord> | undefined): T | undefined {
  return record && job && String(job.id) === String(record.id) ? { ...record, ...job } : record;
}
