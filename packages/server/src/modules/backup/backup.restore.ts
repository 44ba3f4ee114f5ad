import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { MIGRATION_SEEDED_TABLES, migrationsList } from '../../db/migrations/index.js';
import { backupCorrupt, backupNewerVersion, backupTargetNotEmpty } from './backup.errors.js';
import { readBackup, type BackupManifest, type BackupPart, type TableReader } from './backup.format.js';
import { assertKeysAvailable, SealedValueScan } from './backup.keys.js';
import { COPY_SETTINGS, copyInSql, quoteTable } from './backup.tables.js';
import { connectClient } from '../../db/pg-client.js';
import { keyRing, type KeyRing } from '../../crypto/keyring.js';

export interface RestoreOptions {
  onTable?: (name: string, rows: number) => void;
  /** The key ring the restored database will be read with (default: the installed one). */
  ring?: KeyRing;
  /** Appended to a missing-key refusal, e.g. that ENCRYPTION_KEY is not set. */
  keyHint?: string;
}

/**
 * Restores a backup into an empty database whose schema is at the backup's migration
 * (the caller migrates it first with `migrationsUpTo`). Everything happens in ONE
 * transaction: a file that turns out truncated or tampered with at its very end is
 * refused with nothing written. Foreign-key and row triggers are suspended while loading
 * (replica mode) when the role may do so; the append-only triggers on the audit tables
 * are ENABLE ALWAYS and keep refusing edits throughout.
 *
 * A backup whose encrypted values the ring cannot decrypt is refused: from the header's
 * key list before the transaction starts, or (format 1, no list) from the values
 * themselves once the file is authenticated, before the commit.
 */
export async function restoreBackupFile(url: string, file: string, key: string, options: RestoreOptions = {}): Promise<BackupManifest> {
  const ring = options.ring ?? keyRing();
  const parts = readBackup(file, key);
  let client: pg.Client | undefined;
  try {
    const first = await parts.next();
    if (first.done || !('header' in first.value)) throw backupCorrupt('missing header');
    const declared = first.value.header.sealedKeys;
    if (declared) assertKeysAvailable(declared, ring, options.keyHint);
    const scan = declared ? null : new SealedValueScan(ring);
    client = await connectClient(url, 'custos-restore');
    await client.query('begin');
    await client.query(COPY_SETTINGS);
    await suspendTriggers(client);
    let manifest: BackupManifest | undefined;
    for await (const part of parts) {
      if ('manifest' in part) {
        manifest = part.manifest;
        break;
      }
      if (!isTable(part)) throw backupCorrupt('unexpected content between tables');
      // Rows a migration wrote are replaced by the backup's; any other row refuses the target.
      if (MIGRATION_SEEDED_TABLES.has(part.name)) await client.query(`delete from ${quoteTable(part.name)}`);
      else await assertEmpty(client, part.name);
      const rows = countingLines(part.rows, scan?.observer(part.name, part.columns) ?? null);
      await pipeline(Readable.from(rows.iterate()), client.query(copyFrom(copyInSql(part.name, part.columns))));
      options.onTable?.(part.name, rows.count);
    }
    if (!manifest) throw backupCorrupt('no manifest');
    scan?.assertAvailable(options.keyHint);
    for (const sequence of manifest.sequences) {
      if (sequence.value !== null) await client.query(`select setval($1::regclass, $2::bigint, true)`, [quoteTable(sequence.name), sequence.value]);
    }
    await client.query('commit');
    return manifest;
  } catch (error) {
    await client?.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await parts.return(undefined);
    await client?.end();
  }
}

/** Migration names this build knows up to the backup's last one; refuses backups from a newer schema. */
export function migrationsUpTo(manifest: Pick<BackupManifest, 'migrations'>): string | undefined {
  const known = new Set(migrationsList.map((m) => m.name));
  const unknown = manifest.migrations.filter((name) => !known.has(name));
  if (unknown.length) throw backupNewerVersion(unknown);
  return manifest.migrations.at(-1);
}

/** Reads just the manifest (and checks the whole file) without restoring anything. */
export async function readManifest(file: string, key: string): Promise<BackupManifest> {
  for await (const part of readBackup(file, key)) if ('manifest' in part) return part.manifest;
  throw backupCorrupt('no manifest');
}

/**
 * Everything a restore checks that needs no database, in one pass over the file: intact,
 * sealed with `key`, and every encrypted value readable with `ring`. Commands call it
 * before they create or migrate anything.
 */
export async function checkRestorable(file: string, key: string, ring: KeyRing = keyRing(), keyHint?: string): Promise<BackupManifest> {
  let scan: SealedValueScan | null = null;
  for await (const part of readBackup(file, key)) {
    if ('header' in part) scan = part.header.sealedKeys ? null : new SealedValueScan(ring);
    else if ('manifest' in part) {
      if (part.manifest.sealedKeys) assertKeysAvailable(part.manifest.sealedKeys, ring, keyHint);
      scan?.assertAvailable(keyHint);
      return part.manifest;
    } else {
      const observe = scan?.observer(part.name, part.columns);
      if (observe) for await (const row of part.rows) observe(row);
    }
  }
  throw backupCorrupt('no manifest');
}

function isTable(part: BackupPart): part is TableReader {
  return 'rows' in part;
}

async function suspendTriggers(client: pg.Client): Promise<void> {
  await client.query('savepoint replica');
  try {
    await client.query(`set local session_replication_role = replica`);
    await client.query('release savepoint replica');
  } catch {
    // Not a superuser: load parents first (the table order of the file) and let the
    // row triggers see that rows are being moved, not edited.
    await client.query('rollback to savepoint replica');
    await client.query(`select set_config('custos.moving', 'on', true)`);
  }
}

async function assertEmpty(client: pg.Client, table: string): Promise<void> {
  const { rows } = await client.query(`select 1 from ${quoteTable(table)} limit 1`);
  if (rows.length) throw backupTargetNotEmpty(table);
}

function countingLines(rows: AsyncIterable<string>, observe: ((row: string) => void) | null) {
  const state = {
    count: 0,
    async *iterate() {
      for await (const row of rows) {
        state.count += 1;
        observe?.(row);
        yield row;
      }
    },
  };
  return state;
}
