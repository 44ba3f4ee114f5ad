import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isAlive } from '../../db/postgres-processes.js';

/** One request's full reads of personal data, as the access log records them. */
export interface AccessLogEntry {
  /** When the reads were answered (epoch ms): kept through the spool, so a row written
   * late (after a crash) still says when the person was shown the values. */
  at: number;
  actorId: string;
  actorRole: string;
  requestId: string;
  /** [entity type, field, the records' ids joined by commas]. Fields of one entity type
   * that read the same records share an entry, their names joined by commas
   * (`["Customer", "email,phone", "12,13"]`): a page's ids are written once, not once per
   * field. The view `access_log` shows a row per field either way. */
  reads: [string, string, string][];
}

/**
 * An entry as the writer keeps it until committed: serialized once, when the request is
 * answered, to the JSON its spool line and its batch row hold (fewer, shorter-lived objects
 * than the entry while the INSERT gathers), with what batching needs beside it.
 */
export interface SealedEntry {
  at: number;
  /** How many entries its `reads` holds. */
  reads: number;
  /** `{"at":…,"actorId":…,"actorRole":…,"requestId":…,"reads":[…]}` */
  json: string;
  /** The distinct ids of the records it read (any entity type). */
  recordIds: readonly string[];
}

/** `recordIds`: the entry's distinct record ids when the caller has them at hand (the
 * request's own sets); otherwise taken from its reads. */
export function sealEntry({ at, actorId, actorRole, requestId, reads }: AccessLogEntry, recordIds?: readonly string[]): SealedEntry {
  if (!recordIds) {
    const ids = new Set<string>();
    for (const read of reads) for (const id of read[2].split(',')) ids.add(id);
    recordIds = [...ids];
  }
  return { at, reads: reads.length, json: JSON.stringify({ at, actorId, actorRole, requestId, reads }), recordIds };
}

/** Spooled entries carry their place in their file, counted from 1. */
export interface SpooledEntry extends AccessLogEntry {
  seq: number;
}

/** Where a batch of spooled entries stands in its file: the database's record of that file
 * moves from `from` to `to` in the same statement as the rows (compare-and-set), so a file
 * replayed after a crash adds only what was not yet committed, and nothing twice. */
export interface SpoolMark {
  key: string;
  from: number;
  to: number;
}

const SUFFIX = '.spool';
/** A spool file is replaced by a fresh one once it is this large and fully committed. */
const ROTATE_AT_BYTES = 8 * 1024 * 1024;

/** Spool files this process writes or replays: another server in the same process (tests)
 * must not take them for a dead process's. */
const inUse = new Set<string>();

/**
 * The local spool of the access log: a request's reads are appended here (one line; the
 * requests answered in one turn of the event loop share one synchronous write to the
 * kernel) before its answer leaves, and written to PostgreSQL by group commit after it. A process that dies (SIGKILL, out of memory) leaves the lines in
 * its file, and the next server started on the directory writes what was not committed.
 * A crash of the host can lose the lines the kernel had not yet written to disk
 * (docs/developers/decisions.md#the-access-log-spooled-before-the-answer).
 */
export class AccessLogSpool {
  #fd: number | undefined;
  /** `<pid>-<key>`: the file's name without its suffix. */
  #name = '';
  #key = '';
  #bytes = 0;
  #lastSeq = 0;
  #committed = 0;

  constructor(private readonly dir: string) {}

  /** The current file's key: the database's record of it (set by the first append). */
  get key(): string {
    return this.#key;
  }

  /** Appends the entries, one line each, in one write; returns the first one's seq (the
   * others follow it). Throws when the spool cannot be written (their answers then wait
   * for the commit). */
  append(entries: readonly SealedEntry[]): number {
    if (this.#fd === undefined || (this.#bytes >= ROTATE_AT_BYTES && this.#committed === this.#lastSeq)) this.#open();
    const first = this.#lastSeq + 1;
    // The newline comes first: after a write cut short (a full disk), the next line still
    // starts on a line of its own, and only the cut one is unreadable.
    const lines = entries.map((entry, i) => `\n{"seq":${first + i},${entry.json.slice(1)}`).join('');
    const bytes = Buffer.byteLength(lines);
    // Written as a string: Node encodes it straight into the write, no Buffer per request.
    const written = fs.writeSync(this.#fd!, lines);
    this.#bytes += written;
    // Used even when cut short, so no two lines of the file carry the same seq.
    this.#lastSeq = first + entries.length - 1;
    if (written < bytes) throw new Error(`access log spool: ${written} of ${bytes} bytes written`);
    return first;
  }

  /** Where the next batch of this file starts (the last seq the database has). */
  get committedThrough(): number {
    return this.#committed;
  }

  committed(through: number): void {
    this.#committed = through;
  }

  /** Clean shutdown: removes the file when everything in it is committed, and the
   * database's directory too when nothing else is in it (each test database would leave
   * one otherwise). False: the file stays for the next start. */
  close(): boolean {
    if (this.#fd !== undefined) {
      if (this.#committed !== this.#lastSeq) return false;
      this.#remove();
    }
    try {
      fs.rmdirSync(this.dir);
    } catch {
      // Not empty (another server's file), or never made.
    }
    return true;
  }

  /** Keys of the files replaced at rotation, whose database records can go. */
  retired: string[] = [];

  #open(): void {
    if (this.#fd !== undefined) {
      this.retired.push(this.#key);
      this.#remove();
    }
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.#key = randomBytes(8).toString('hex');
    this.#name = `${process.pid}-${this.#key}`;
    inUse.add(this.#name);
    this.#fd = fs.openSync(path.join(this.dir, this.#name + SUFFIX), 'a', 0o600);
    this.#bytes = 0;
    this.#lastSeq = 0;
    this.#committed = 0;
  }

  #remove(): void {
    fs.closeSync(this.#fd!);
    this.#fd = undefined;
    fs.rmSync(path.join(this.dir, this.#name + SUFFIX), { force: true });
    inUse.delete(this.#name);
  }
}

/** A spool file left by a process that is gone, claimed by this one. */
export interface StaleSpool {
  /** Its key: the database's record of it. */
  key: string;
  entries: SpooledEntry[];
  /** Lines that could not be read (a write cut short; never one whose answer left). */
  unreadable: number;
  /** Removes the file once its entries are committed. */
  remove(): void;
}

/**
 * Claims the spool files of processes that are gone: a file named after a live process is
 * left to it. Claiming renames the file under this process's id, so two servers started
 * on the directory at once never replay the same file (the rename succeeds for one).
 * A container's server is often pid 1 again after a restart: a file with this process's
 * own id that it does not write is a previous life's.
 */
export function claimStaleSpools(dir: string): StaleSpool[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const claimed: StaleSpool[] = [];
  for (const name of names) {
    const match = /^(\d+)-([0-9a-f]{16})\.spool$/.exec(name);
    if (!match) continue;
    const [, pid, key] = match;
    if (inUse.has(`${pid}-${key}`) || (Number(pid) !== process.pid && isAlive(Number(pid)))) continue;
    const mine = `${process.pid}-${key}`;
    const target = path.join(dir, mine + SUFFIX);
    try {
      fs.renameSync(path.join(dir, name), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // another server claimed it
      throw error;
    }
    inUse.add(mine);
    const { entries, unreadable } = readSpool(fs.readFileSync(target, 'utf8'));
    claimed.push({
      // The database knows the file by its key: the pid in its name changes with a claim.
      key: key!,
      entries,
      unreadable,
      remove: () => {
        fs.rmSync(target, { force: true });
        inUse.delete(mine);
      },
    });
  }
  return claimed;
}

export function readSpool(text: string): { entries: SpooledEntry[]; unreadable: number } {
  const entries: SpooledEntry[] = [];
  let unreadable = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      const entry = JSON.parse(line) as SpooledEntry;
      if (Number.isInteger(entry.seq) && Array.isArray(entry.reads)) entries.push(entry);
      else unreadable += 1;
    } catch {
      unreadable += 1;
    }
  }
  return { entries, unreadable };
}
