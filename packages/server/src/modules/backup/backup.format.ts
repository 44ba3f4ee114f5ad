import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { crc32, createGunzip, createGzip, type Gzip } from 'node:zlib';
import { backupCorrupt, backupNewerFormat } from './backup.errors.js';
import type { SealedKeyUse } from './backup.keys.js';

/**
 * The backup file: one gzip stream of lines.
 *
 *   CUSTOS-BACKUP/1
 *   @HEADER {json}
 *   @TABLE {"name":…,"columns":[…]}     then the table's COPY text rows, then `\.`
 *   …
 *   @END {manifest json}
 *   @HMAC <hex>
 *
 * COPY's text format escapes newlines and backslashes inside values, so every row is one
 * line and no row can read `\.`. The HMAC (keyed with the backup key) covers every byte
 * before its own line: a truncated file has none, a tampered one does not match, and
 * both are refused before the restore transaction commits. Nothing may follow the HMAC
 * line, in the text or in the compressed file: the file is sealed whole.
 *
 * Format 2 adds `trigger` and `sealedKeys` to the header; format 1 files (without them)
 * still restore.
 */

export const MAGIC = 'CUSTOS-BACKUP/1';
export const FORMAT_VERSION = 2;

export type BackupTrigger = 'manual' | 'scheduled';

export interface BackupTableEntry {
  name: string;
  columns: string[];
  rows: number;
  sha256: string;
}

export interface BackupSequence {
  name: string;
  value: string | null;
}

export interface BackupHeader {
  formatVersion: number;
  createdAt: string;
  createdBy: string | null;
  reason: string | null;
  /** Migrations applied to the database the backup was taken from, in order. */
  migrations: string[];
  serverVersion: string;
  /** Scheduled backups fall under the retention rule; manual ones are kept until expired. Format 2. */
  trigger?: BackupTrigger;
  /** The encryption keys its encrypted values are under (in the header, so a restore checks
   * them before writing). Format 2. */
  sealedKeys?: SealedKeyUse[];
}

export interface BackupManifest extends BackupHeader {
  tables: BackupTableEntry[];
  sequences: BackupSequence[];
  totalRows: number;
}

/** Writes the container; the caller feeds each table's COPY output through `tableData`. */
export class BackupWriter {
  readonly #gzip: Gzip = createGzip({ level: 6 });
  readonly #hmac: Hmac;
  readonly #done: Promise<void>;
  #table: { entry: BackupTableEntry; hash: Hash; partial: string } | undefined;

  constructor(file: string, key: string) {
    this.#hmac = createHmac('sha256', key);
    this.#done = pipeline(this.#gzip, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  }

  async line(text: string): Promise<void> {
    await this.#write(`${text}\n`);
  }

  async beginTable(name: string, columns: string[]): Promise<void> {
    await this.line(`@TABLE ${JSON.stringify({ name, columns })}`);
    this.#table = { entry: { name, columns, rows: 0, sha256: '' }, hash: createHash('sha256'), partial: '' };
  }

  /** A chunk of COPY text output (any split); rows are counted by their newlines. */
  async tableData(chunk: Buffer): Promise<void> {
    const table = this.#table!;
    table.hash.update(chunk);
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) table.entry.rows += 1;
    await this.#write(chunk);
  }

  async endTable(): Promise<BackupTableEntry> {
    const table = this.#table!;
    this.#table = undefined;
    await this.line('\\.');
    return { ...table.entry, sha256: table.hash.digest('hex') };
  }

  async finish(manifest: BackupManifest): Promise<void> {
    await this.line(`@END ${JSON.stringify(manifest)}`);
    const mac = this.#hmac.digest('hex');
    this.#gzip.end(`@HMAC ${mac}\n`);
    await this.#done;
  }

  /** Stops writing (the caller deletes the partial file). */
  async abort(): Promise<void> {
    this.#gzip.destroy();
    await this.#done.catch(() => undefined);
  }

  async #write(data: string | Buffer): Promise<void> {
    this.#hmac.update(data);
    if (!this.#gzip.write(data)) await new Promise((resolve) => this.#gzip.once('drain', resolve));
  }
}

export interface TableReader {
  name: string;
  columns: string[];
  /** The table's rows as COPY text lines (newline-terminated), in order. */
  rows: AsyncIterable<string>;
}

export type BackupPart = { header: BackupHeader } | TableReader | { manifest: BackupManifest };

/**
 * Reads a backup, yielding its header (not yet authenticated: the HMAC comes last), then
 * tables as they come; checks magic, framing, per-table row counts and checksums against
 * the manifest, the HMAC at the end, and that nothing follows it. Any problem throws
 * BACKUP_CORRUPT; callers apply the data inside a transaction and commit only after the
 * iteration has completed.
 */
export async function* readBackup(file: string, key: string): AsyncGenerator<BackupPart> {
  const hmac = createHmac('sha256', key);
  const gunzip = createGunzip();
  const input = fs.createReadStream(file);
  const sealed = new SealedWhole();
  input.on('error', (error) => gunzip.destroy(error));
  input.on('data', (chunk) => sealed.compressed(chunk as Buffer));
  gunzip.on('data', (chunk: Buffer) => sealed.text(chunk));
  input.pipe(gunzip);
  const lines = readline.createInterface({ input: gunzip, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    let result: IteratorResult<string>;
    try {
      result = await lines.next();
    } catch (error) {
      throw backupCorrupt(sealed.gzipProblem(error));
    }
    if (result.done) throw backupCorrupt('the file ends before its manifest (truncated)');
    return result.value;
  };
  const consume = (line: string) => hmac.update(`${line}\n`);
  try {
    const magic = await next();
    if (magic !== MAGIC) throw backupCorrupt('this is not a Custos backup');
    consume(magic);
    const headerLine = await next();
    if (!headerLine.startsWith('@HEADER ')) throw backupCorrupt('missing header');
    consume(headerLine);
    const header = parseJson<BackupHeader>(headerLine.slice(8));
    if (!(Number(header.formatVersion) <= FORMAT_VERSION)) throw backupNewerFormat(header.formatVersion);
    yield { header };
    const seen: BackupTableEntry[] = [];
    for (;;) {
      const line = await next();
      if (line.startsWith('@END ')) {
        consume(line);
        const manifest = parseJson<BackupManifest>(line.slice(5));
        const macLine = await next();
        if (!macLine.startsWith('@HMAC ') || macLine.slice(6) !== hmac.digest('hex')) {
          throw backupCorrupt('the file was changed after it was written (HMAC mismatch), or another backup key was used');
        }
        let after: IteratorResult<string>;
        try {
          after = await lines.next();
        } catch {
          throw backupCorrupt('bytes were appended after its end');
        }
        if (!after.done) throw backupCorrupt('content was appended after its HMAC line');
        sealed.assertWhole(gunzip.bytesWritten);
        compareManifest(manifest, seen);
        yield { manifest };
        return;
      }
      if (!line.startsWith('@TABLE ')) throw backupCorrupt('unexpected content between tables');
      consume(line);
      const { name, columns } = parseJson<{ name: string; columns: string[] }>(line.slice(7));
      const entry: BackupTableEntry = { name, columns, rows: 0, sha256: '' };
      const hash = createHash('sha256');
      let finished = false;
      const rows = (async function* () {
        for (;;) {
          const row = await next();
          consume(row);
          if (row === '\\.') break;
          const text = `${row}\n`;
          hash.update(text);
          entry.rows += 1;
          yield text;
        }
        finished = true;
      })();
      yield { name, columns, rows };
      // Whatever the consumer did not read still counts towards the checksums.
      if (!finished) for await (const _ of rows);
      entry.sha256 = hash.digest('hex');
      seen.push(entry);
    }
  } finally {
    input.destroy();
  }
}

/**
 * Appended bytes that gunzip would skip or read as another gzip member: the compressed
 * file must end exactly where its one gzip stream ends, and that stream's trailer (CRC-32
 * and length of the text) must describe the whole text read.
 */
class SealedWhole {
  #compressedBytes = 0;
  #tail = Buffer.alloc(0);
  #crc = 0;
  #textBytes = 0;

  compressed(chunk: Buffer): void {
    this.#compressedBytes += chunk.length;
    this.#tail = Buffer.concat([this.#tail, chunk]).subarray(-8);
  }

  text(chunk: Buffer): void {
    this.#crc = crc32(chunk, this.#crc);
    this.#textBytes += chunk.length;
  }

  /** What a gunzip error means here. A header error can only come from the start of a gzip
   * member: the file's first (not gzip at all), or one after the backup's end. */
  gzipProblem(error: unknown): string {
    const { code, message } = error as { code?: string; message?: string };
    if (code === 'Z_BUF_ERROR') return 'the file is truncated';
    if (/header|unknown compression method/.test(message ?? '')) {
      return this.#textBytes > 0 ? 'bytes were appended after its end' : 'this is not a gzip stream (or bytes were appended after its end)';
    }
    return 'the compressed data is damaged or truncated';
  }

  assertWhole(consumed: number): void {
    const trailerMatches = this.#tail.length === 8 && this.#tail.readUInt32LE(0) === this.#crc && this.#tail.readUInt32LE(4) === this.#textBytes % 2 ** 32;
    if (consumed !== this.#compressedBytes || !trailerMatches) throw backupCorrupt('bytes were appended after its end');
  }
}

function compareManifest(manifest: BackupManifest, seen: BackupTableEntry[]): void {
  if (manifest.tables.length !== seen.length) throw backupCorrupt('the manifest lists other tables than the file holds');
  manifest.tables.forEach((table, i) => {
    const got = seen[i]!;
    if (table.name !== got.name || table.rows !== got.rows || table.sha256 !== got.sha256) {
      throw backupCorrupt(`table ${table.name} does not match its manifest entry`);
    }
  });
}

function parseJson<T>(text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw backupCorrupt('a frame of the file is not valid JSON');
  }
}

/** The header line as written (the reader returns the full manifest at the end instead). */
export function headerLine(header: BackupHeader): string {
  return `@HEADER ${JSON.stringify(header)}`;
}

export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}
