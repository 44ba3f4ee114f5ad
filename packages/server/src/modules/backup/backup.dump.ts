import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { keyRing, type KeyRing } from '../../crypto/keyring.js';
import { BackupWriter, FORMAT_VERSION, MAGIC, headerLine, type BackupManifest, type BackupTableEntry, type BackupTrigger } from './backup.format.js';
import { sealedKeysInUse } from './backup.keys.js';
import { writeSidecar } from './backup.store.js';
import { appliedMigrations, COPY_SETTINGS, copyOutSql, listSequences, listTables, type TableInfo } from './backup.tables.js';
import { connectClient } from '../../db/pg-client.js';

/**
 * A backup in progress: one REPEATABLE READ READ ONLY transaction, so every table is read
 * from the same snapshot however long the dump takes, and one streaming writer, so memory
 * stays flat whatever the size. Tables are dumped one per call, which lets a job report
 * progress between them.
 */
export class BackupSession {
  readonly tables: TableInfo[];
  readonly #entries: BackupTableEntry[] = [];
  #next = 0;

  private constructor(
    private readonly client: pg.Client,
    private readonly writer: BackupWriter,
    readonly file: string,
    private readonly header: BackupManifest,
    tables: TableInfo[],
    private readonly key: string,
  ) {
    this.tables = tables;
  }

  static async open(url: string, dir: string, key: string, meta: BackupMeta, ring: KeyRing = keyRing()): Promise<BackupSession> {
    const client = await connectClient(url, 'custos-backup');
    try {
      await client.query(`begin isolation level repeatable read read only`);
      await client.query(COPY_SETTINGS);
      const tables = await listTables(client);
      const { rows } = await client.query<{ version: string; now: string }>(
        `select current_setting('server_version') as version, to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as now`,
      );
      const header: BackupManifest = {
        formatVersion: FORMAT_VERSION,
        createdAt: rows[0]!.now,
        createdBy: meta.createdBy,
        reason: meta.reason,
        migrations: await appliedMigrations(client),
        serverVersion: rows[0]!.version,
        trigger: meta.trigger ?? 'manual',
        sealedKeys: await sealedKeysInUse(client, ring),
        tables: [],
        sequences: await listSequences(client),
        totalRows: 0,
      };
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const name = meta.name ?? `custos-${header.createdAt.replace(/[-:]/g, '').replace('.', '-')}`;
      const file = path.join(dir, `${name}.cbk`);
      const writer = new BackupWriter(`${file}.partial`, key);
      await writer.line(MAGIC);
      const { tables: _t, sequences: _s, totalRows: _r, ...plain } = header;
      await writer.line(headerLine(plain));
      return new BackupSession(client, writer, file, header, tables, key);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  get done(): boolean {
    return this.#next >= this.tables.length;
  }

  /** Dumps the next table; returns its entry. */
  async dumpNext(): Promise<BackupTableEntry> {
    const table = this.tables[this.#next]!;
    await this.writer.beginTable(table.name, table.columns);
    const stream = this.client.query(copyTo(copyOutSql(table)));
    for await (const chunk of stream) await this.writer.tableData(chunk as Buffer);
    const entry = await this.writer.endTable();
    this.#entries.push(entry);
    this.#next += 1;
    return entry;
  }

  /** Writes the manifest and the HMAC, renames the file into place and writes its sidecar. */
  async finish(): Promise<{ file: string; manifest: BackupManifest; sizeBytes: number }> {
    const manifest: BackupManifest = {
      ...this.header,
      tables: this.#entries,
      totalRows: this.#entries.reduce((sum, e) => sum + e.rows, 0),
    };
    await this.writer.finish(manifest);
    await this.client.query('commit').finally(() => this.client.end());
    fs.renameSync(`${this.file}.partial`, this.file);
    const { sizeBytes } = await writeSidecar(this.file, manifest, this.key);
    return { file: this.file, manifest, sizeBytes };
  }

  async abort(): Promise<void> {
    await this.writer.abort();
    await this.client.end().catch(() => undefined);
    fs.rmSync(`${this.file}.partial`, { force: true });
  }
}

export interface BackupMeta {
  createdBy: string | null;
  reason: string | null;
  name?: string;
  /** Default manual: only the schedule's own backups are pruned by retention. */
  trigger?: BackupTrigger;
}

/** A whole backup in one call (CLI, tests). */
export async function createBackupFile(
  url: string,
  dir: string,
  key: string,
  meta: BackupMeta,
  onTable?: (entry: BackupTableEntry, index: number, total: number) => void,
): Promise<{ file: string; manifest: BackupManifest; sizeBytes: number }> {
  const session = await BackupSession.open(url, dir, key, meta);
  try {
    while (!session.done) {
      const entry = await session.dumpNext();
      onTable?.(entry, session.tables.indexOf(session.tables.find((t) => t.name === entry.name)!) + 1, session.tables.length);
    }
    return await session.finish();
  } catch (error) {
    await session.abort();
    throw error;
  }
}
