import { describe, expect, it } from '@jest/globals';
import { AccessLogWriter, type AccessLogRow } from '../../src/modules/audit/access-log.js';

/** The access log's group commit, with an INSERT the test completes by hand. */
function row(requestId: string, field = 'email', ids = ['1']): AccessLogRow {
  return { actorId: '7', actorRole: 'ADMIN', requestId, entityType: 'Customer', field, ids };
}

function manualInsert() {
  const calls: { rows: readonly AccessLogRow[]; done: () => void; fail: (e: Error) => void }[] = [];
  const insert = (rows: readonly AccessLogRow[]) =>
    new Promise<void>((done, fail) => {
      calls.push({ rows, done, fail });
    });
  return { calls, insert };
}

/** Lets queued promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('access log group commit', () => {
  it('writes requests that arrive during an INSERT together in the next one, each answered when its own rows are in', async () => {
    const { calls, insert } = manualInsert();
    const writer = new AccessLogWriter(insert);
    const answered: string[] = [];
    const first = writer.write([row('a')]).then(() => answered.push('a'));
    await settle();
    const later = ['b', 'c', 'd'].map((id) => writer.write([row(id), row(id, 'phone')]).then(() => answered.push(id)));
    await settle();
    expect(calls.map((c) => c.rows.map((r) => r.requestId))).toEqual([['a']]);
    expect(answered).toEqual([]);
    calls[0]!.done();
    await first;
    await settle();
    expect(answered).toEqual(['a']);
    // b, c and d gathered while a was written: one INSERT for the three.
    expect(calls.map((c) => c.rows.map((r) => `${r.requestId}.${r.field}`))).toEqual([
      ['a.email'],
      ['b.email', 'b.phone', 'c.email', 'c.phone', 'd.email', 'd.phone'],
    ]);
    expect(answered).toEqual(['a']);
    calls[1]!.done();
    await Promise.all(later);
    expect(answered).toEqual(['a', 'b', 'c', 'd']);
    await writer.idle();
  });

  it('fails exactly the requests whose INSERT failed, and goes on writing', async () => {
    const { calls, insert } = manualInsert();
    const writer = new AccessLogWriter(insert);
    const first = writer.write([row('a')]);
    await settle();
    const second = writer.write([row('b')]);
    calls[0]!.fail(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await settle();
    expect(calls).toHaveLength(2);
    calls[1]!.done();
    await expect(second).resolves.toBeUndefined();
  });

  it('never splits one request across two INSERTs and keeps each under the row cap', async () => {
    const { calls, insert } = manualInsert();
    const writer = new AccessLogWriter(insert);
    const blocker = writer.write([row('first')]);
    await settle();
    // 3 requests of 900 rows: 1,800 fit one INSERT (cap 2,000), the third goes next.
    const big = ['x', 'y', 'z'].map((id) => writer.write(Array.from({ length: 900 }, (_, i) => row(id, `f${i}`))));
    calls[0]!.done();
    await blocker;
    await settle();
    calls[1]!.done();
    await settle();
    calls[2]!.done();
    await Promise.all(big);
    const perInsert = calls.map((c) => [...new Set(c.rows.map((r) => r.requestId))]);
    expect(perInsert).toEqual([['first'], ['x', 'y'], ['z']]);
    expect(calls.map((c) => c.rows.length)).toEqual([1, 1800, 900]);
  });

  it('is idle at once when nothing was written, and after the last INSERT otherwise', async () => {
    const { calls, insert } = manualInsert();
    const writer = new AccessLogWriter(insert);
    await writer.idle();
    await expect(writer.write([])).resolves.toBeUndefined();
    expect(calls).toHaveLength(0);
    const pending = writer.write([row('a')]);
    let idle = false;
    const waiting = writer.idle().then(() => (idle = true));
    await settle();
    expect(idle).toBe(false);
    calls[0]!.done();
    await Promise.all([pending, waiting]);
    expect(idle).toBe(true);
  });
});
