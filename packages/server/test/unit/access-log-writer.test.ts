import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { AccessLogWriter, type AccessLogEntry, type AccessLogStore } from '../../src/modules/audit/access-log.js';
import { spawnSync } from 'node:child_process';
import { AccessLogSpool, claimStaleSpools, readSpool, sealEntry, type SealedEntry, type SpoolMark } from '../../src/modules/audit/access-log-spool.js';

/** The access log's group commit and spool, with an INSERT the test completes by hand. */
function entry(requestId: string, fields = ['email'], ids = '1'): AccessLogEntry {
  return { at: 1_700_000_000_000, actorId: '7', actorRole: 'ADMIN', requestId, reads: fields.map((f) => ['Customer', f, ids]) };
}

function manualStore() {
  const calls: { entries: readonly SealedEntry[]; mark?: SpoolMark; done: () => void; fail: (e: Error) => void }[] = [];
  const forgotten: string[] = [];
  const store: AccessLogStore = {
    insert: (entries, mark) =>
      new Promise<boolean>((resolve, fail) => {
        calls.push({ entries, ...(mark ? { mark } : {}), done: () => resolve(true), fail });
      }),
    committedThrough: async () => 0,
    forget: async (keys) => void forgotten.push(...keys),
  };
  return { calls, store, forgotten };
}

const requestsOf = (c: { entries: readonly SealedEntry[] }) => c.entries.map((e) => (JSON.parse(e.json) as AccessLogEntry).requestId);

/** Lets queued promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

describe('access log group commit, answers waiting for it (no spool)', () => {
  it('writes requests that arrive during an INSERT together in the next one, each answered when its own rows are in', async () => {
    const { calls, store } = manualStore();
    const writer = new AccessLogWriter(store);
    const answered: string[] = [];
    const first = writer.write(entry('a'))!.then(() => answered.push('a'));
    await settle();
    const later = ['b', 'c', 'd'].map((id) => writer.write(entry(id, ['email', 'phone']))!.then(() => answered.push(id)));
    await settle();
    expect(calls.map(requestsOf)).toEqual([['a']]);
    expect(answered).toEqual([]);
    calls[0]!.done();
    await first;
    await settle();
    expect(answered).toEqual(['a']);
    // b, c and d gathered while a was written: one INSERT for the three.
    expect(calls.map(requestsOf)).toEqual([['a'], ['b', 'c', 'd']]);
    expect(calls[1]!.mark).toBeUndefined();
    expect(answered).toEqual(['a']);
    calls[1]!.done();
    await Promise.all(later);
    expect(answered).toEqual(['a', 'b', 'c', 'd']);
    await writer.idle();
  });

  it('fails exactly the requests whose INSERT failed, and goes on writing', async () => {
    const { calls, store } = manualStore();
    const writer = new AccessLogWriter(store);
    const first = writer.write(entry('a'));
    await settle();
    const second = writer.write(entry('b'));
    calls[0]!.fail(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await settle();
    expect(calls.map(requestsOf)).toEqual([['a'], ['b']]);
    calls[1]!.done();
    await expect(second).resolves.toBeUndefined();
  });

  it('never splits one request across two INSERTs and keeps each under the row cap', async () => {
    const { calls, store } = manualStore();
    const writer = new AccessLogWriter(store);
    const blocker = writer.write(entry('first'));
    await settle();
    // 3 requests of 900 rows: 1,800 fit one INSERT (cap 2,000), the third goes next.
    const fields = Array.from({ length: 900 }, (_, i) => `f${i}`);
    const big = ['x', 'y', 'z'].map((id) => writer.write(entry(id, fields)));
    calls[0]!.done();
    await blocker;
    await settle();
    calls[1]!.done();
    await settle();
    calls[2]!.done();
    await Promise.all(big);
    expect(calls.map(requestsOf)).toEqual([['first'], ['x', 'y'], ['z']]);
  });

  it('is idle at once when nothing was written, and after the last INSERT otherwise', async () => {
    const { calls, store } = manualStore();
    const writer = new AccessLogWriter(store);
    await writer.idle();
    expect(writer.write({ ...entry('none'), reads: [] })).toBeUndefined();
    expect(calls).toHaveLength(0);
    const pending = writer.write(entry('a'));
    let idle = false;
    const waiting = writer.idle().then(() => (idle = true));
    await settle();
    expect(idle).toBe(false);
    calls[0]!.done();
    await Promise.all([pending, waiting]);
    expect(idle).toBe(true);
  });

  it('refuses ids that are not database ids before keeping anything', async () => {
    const { calls, store } = manualStore();
    const writer = new AccessLogWriter(store);
    await expect(writer.write(entry('a', ['email'], '1},{2'))).rejects.toThrow('record ids must be database ids');
    expect(calls).toHaveLength(0);
  });
});

describe('access log spool', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-spool-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const spoolFiles = (dir: string) => fs.readdirSync(dir).filter((name) => name.endsWith('.spool'));

  it('answers once the reads are in the spool, one write per turn, and marks each INSERT with the lines it covers', async () => {
    const dir = tempDir();
    const { calls, store } = manualStore();
    const spool = new AccessLogSpool(dir);
    const writer = new AccessLogWriter(store, spool);
    // Answered when its line is written, before any INSERT.
    await writer.write(entry('a'));
    expect(readSpool(fs.readFileSync(path.join(dir, spoolFiles(dir)[0]!), 'utf8')).entries.map((e) => e.requestId)).toEqual(['a']);
    expect(calls).toHaveLength(0);
    // The INSERT waits a moment for others to join it (their answers have left already).
    await until(() => calls.length === 1);
    // Two requests answered in one turn: one write, and both answered after it.
    const written = jest.spyOn(fs, 'writeSync');
    await Promise.all([writer.write(entry('b', ['email', 'phone'])), writer.write(entry('c'))]);
    expect(written).toHaveBeenCalledTimes(1);
    written.mockRestore();
    const [file] = spoolFiles(dir);
    const { entries } = readSpool(fs.readFileSync(path.join(dir, file!), 'utf8'));
    expect(entries.map((e) => [e.seq, e.requestId, e.reads.length])).toEqual([
      [1, 'a', 1],
      [2, 'b', 2],
      [3, 'c', 1],
    ]);
    expect(calls.map((c) => c.mark)).toEqual([{ key: spool.key, from: 0, to: 1 }]);
    calls[0]!.done();
    await until(() => calls.length === 2);
    expect(calls.map((c) => [requestsOf(c), c.mark])).toEqual([
      [['a'], { key: spool.key, from: 0, to: 1 }],
      [['b', 'c'], { key: spool.key, from: 1, to: 3 }],
    ]);
    calls[1]!.done();
    await writer.close();
    // Everything committed: a clean stop leaves no file behind, nor the empty directory.
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('retries a failed INSERT of spooled reads until it succeeds, losing none', async () => {
    const dir = tempDir();
    const { calls, store } = manualStore();
    const writer = new AccessLogWriter(store, new AccessLogSpool(dir));
    writer.write(entry('a'));
    await until(() => calls.length === 1);
    writer.write(entry('b'));
    calls[0]!.fail(new Error('connection lost'));
    // Retried after a pause, with b gathered meanwhile.
    await until(() => calls.length === 2);
    expect(calls.map(requestsOf)).toEqual([['a'], ['a', 'b']]);
    expect(calls[1]!.mark).toMatchObject({ from: 0, to: 2 });
    expect(writer.backlog).toBe(2);
    calls[1]!.done();
    await writer.idle();
    expect(writer.backlog).toBe(0);
  });

  it('keeps the spool file when a stop comes before its reads are written', async () => {
    const dir = tempDir();
    const store: AccessLogStore = { insert: async () => Promise.reject(new Error('database down')), committedThrough: async () => 0, forget: async () => undefined };
    const writer = new AccessLogWriter(store, new AccessLogSpool(dir));
    writer.write(entry('a'));
    await writer.close();
    const [file] = spoolFiles(dir);
    expect(readSpool(fs.readFileSync(path.join(dir, file!), 'utf8')).entries.map((e) => e.requestId)).toEqual(['a']);
  }, 60_000);

  it('waits for the commit when the spool cannot be written', async () => {
    const dir = tempDir();
    const { calls, store } = manualStore();
    // A file where the spool's directory should be: every append fails.
    const blocked = path.join(dir, 'not-a-directory');
    fs.writeFileSync(blocked, '');
    const errors: string[] = [];
    const writer = new AccessLogWriter(store, new AccessLogSpool(blocked), { error: (_d, message) => errors.push(message) });
    const committed = writer.write(entry('a'));
    let answered = false;
    void committed!.then(() => (answered = true));
    await until(() => calls.length === 1);
    expect(errors).toEqual(['access log: the spool cannot be written; answers wait for the database']);
    expect(calls[0]!.mark).toBeUndefined();
    await settle();
    expect(answered).toBe(false);
    calls[0]!.done();
    await expect(committed).resolves.toBeUndefined();
  });

  it('claims the files of processes that are gone, and leaves those of live ones and its own', () => {
    const dir = tempDir();
    const line = (seq: number) => `\n${JSON.stringify({ seq, ...entry(`r${seq}`) })}`;
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    fs.writeFileSync(path.join(dir, `${dead}-00000000000000aa.spool`), line(1) + line(2));
    fs.writeFileSync(path.join(dir, `${process.ppid}-00000000000000bb.spool`), line(1));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a spool');
    const live = new AccessLogSpool(dir);
    live.append([sealEntry(entry('mine'))]);
    const claimed = claimStaleSpools(dir);
    expect(claimed.map((c) => [c.key, c.entries.map((e) => e.seq), c.unreadable])).toEqual([['00000000000000aa', [1, 2], 0]]);
    // Renamed under this process: a second server starting now finds nothing to claim.
    expect(claimStaleSpools(dir)).toEqual([]);
    claimed[0]!.remove();
    expect(spoolFiles(dir).sort()).toEqual([`${process.pid}-${live.key}.spool`, `${process.ppid}-00000000000000bb.spool`].sort());
  });

  it('spools and inserts each request as the JSON it was sealed to, with its records\' ids once', async () => {
    const dir = tempDir();
    const { calls, store } = manualStore();
    const writer = new AccessLogWriter(store, new AccessLogSpool(dir));
    const read: AccessLogEntry = { at: 1_700_000_000_123, actorId: '7', actorRole: 'ADMIN', requestId: 'r "1"', reads: [['Customer', 'email', '3,1,2'], ['Customer', 'phone', '2,3,4'], ['Interaction', 'body', '9']] };
    await writer.write(read);
    await until(() => calls.length === 1);
    const [sealed] = calls[0]!.entries;
    expect(JSON.parse(sealed!.json)).toEqual(read);
    expect([...sealed!.recordIds].sort()).toEqual(['1', '2', '3', '4', '9']);
    expect(sealed!.reads).toBe(3);
    const [file] = spoolFiles(dir);
    expect(readSpool(fs.readFileSync(path.join(dir, file!), 'utf8')).entries).toEqual([{ seq: 1, ...read }]);
    calls[0]!.done();
    await writer.close();
  });

  it('reads every whole line of a spool and counts a line cut short', () => {
    const line = (seq: number) => JSON.stringify({ seq, ...entry(`r${seq}`) });
    const { entries, unreadable } = readSpool(`${line(1)}\n${line(2)}\n{"seq":3,"at":17000`);
    expect(entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(unreadable).toBe(1);
  });
});
