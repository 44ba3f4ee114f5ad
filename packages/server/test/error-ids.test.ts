import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertCustomer } from './helpers/fixtures.js';
import { gid } from './helpers/global-ids.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './helpers/test-server.js';

/**
 * Errors name objects the way the API does: by global id (or by what the client sent when
 * it is no id at all), never by a bare database number, whichever form of id came in.
 * Each case drives a real error over HTTP and reads its message and extensions whole.
 */

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** A number standing alone (not inside a global id or another word). */
const BARE_NUMBER = /(?<![A-Za-z0-9_-])\d+(?![A-Za-z0-9_-])/g;

function theError(res: GraphQLResponse) {
  expect(res.errors).toHaveLength(1);
  const error = res.errors![0]!;
  return { error, text: `${error.message} ${JSON.stringify(error.extensions)}` };
}

/** The one error of `res`: its code and reason as given, the global id named, no bare number. */
function expectNamedByGlobalId(res: GraphQLResponse, expected: { code: string; reason: string; names: string }) {
  const { error, text } = theError(res);
  expect(error.extensions).toMatchObject({ code: expected.code, reason: expected.reason });
  expect(error.message).toContain(expected.names);
  expect(text.match(BARE_NUMBER)).toBeNull();
}

describe('error messages name objects by global id', () => {
  it('a customer the caller may not see, given by global id or by database id', async () => {
    const other = await insertCustomer(server.db, { name: 'Not Yours Ltd', ownerId: server.users.sales1 });
    const update = `mutation($id: ID!) { updateCustomer(input: { id: $id, version: 1, notes: "x" }) { customer { id } } }`;
    for (const id of [gid('Customer', other), other]) {
      expectNamedByGlobalId(await server.as('sales2')(update, { id }), { code: 'NOT_FOUND', reason: 'CUSTOMER_NOT_FOUND', names: gid('Customer', other) });
    }
    const log = `mutation($id: ID!) { logInteraction(input: { customerId: $id, kind: NOTE, subject: "hello" }) { interaction { id } } }`;
    expectNamedByGlobalId(await server.as('sales2')(log, { id: gid('Customer', other) }), {
      code: 'NOT_FOUND',
      reason: 'INTERACTION_CUSTOMER_NOT_FOUND',
      names: gid('Customer', other),
    });
  });

  it('missing jobs, scheduled purges and subject requests', async () => {
    const cases: [string, string, string, string][] = [
      ['Job', `mutation($id: ID!) { cancelJob(input: { id: $id }) { job { id } } }`, 'NOT_FOUND', 'JOB_NOT_FOUND'],
      ['ScheduledPurge', `mutation($id: ID!) { cancelScheduledPurge(input: { id: $id, reason: "changed my mind" }) { scheduledPurge { id } } }`, 'NOT_FOUND', 'PURGE_NOT_SCHEDULED'],
      ['SubjectRequest', `mutation($id: ID!) { rejectSubjectRequest(input: { id: $id, reason: "no such person" }) { subjectRequest { id } } }`, 'NOT_FOUND', 'SUBJECT_REQUEST_NOT_FOUND'],
    ];
    for (const [type, mutation, code, reason] of cases) {
      for (const id of [gid(type, '999998'), '999998']) {
        expectNamedByGlobalId(await server.gql(mutation, { id }), { code, reason, names: gid(type, '999998') });
      }
    }
  });

  it('a four-eyes request its own requester tries to approve', async () => {
    const id = await insertCustomer(server.db, { code: 'ERR-IDS-1', name: 'Purge Me Ltd', status: 'VOID' });
    const asked = await server.gql(`mutation($input: RequestApprovalInput!) { requestApproval(input: $input) { request { id } } }`, {
      input: { operation: 'PURGE_NOW', reason: 'court order', customerIds: [gid('Customer', id)], confirm: 'ERR-IDS-1' },
    });
    expect(asked.errors).toBeUndefined();
    const requestId = asked.data.requestApproval.request.id as string;
    const res = await server.gql(`mutation($id: ID!) { approveRequest(input: { id: $id }) { request { id } } }`, { id: requestId });
    expectNamedByGlobalId(res, { code: 'FORBIDDEN', reason: 'APPROVAL_OWN_REQUEST', names: requestId });
  });
});
