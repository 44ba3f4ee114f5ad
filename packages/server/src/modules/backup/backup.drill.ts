import { createHash } from 'node:crypto';
import { to as copyTo } from 'pg-copy-streams';
import { createDatabase, dropDatabase } from '../../db/create-database.js';
import { openOrm } from '../../db/orm.js';
import { SqlExecutor } from '../../db/sql.js';
import { verifyArchiveRows } from '../archive/archive.store.js';
import { verifyAuditChain } from '../audit/audit.service.js';
import type { BackupManifest, BackupTableEntry } from './backup.format.js';
import { checkRestorable, migrationsUpTo, restoreBackupFile } from './backup.restore.js';
import { keyRing, type KeyRing } from '../../crypto/keyring.js';
import { COPY_SETTINGS, copyOutSql, listTables } from './backup.tables.js';
import { connectClient } from '../../db/pg-client.js';

export interface DrillReport extends Record<string, unknown> {
  ok: boolean;
  file: string;
  tables: number;
  rows: number;
  /** Every difference found; empty when the restore reproduced the backup exactly. */
  problems: string[];
  auditChain: { ok: boolean; checked: number; firstBrokenSeq: string | null };
  archive: { ok: boolean; checkedCustomers: number; checkedInteractions: number };
  seconds: number;
}

/** Per-table row counts and SHA-256 of the COPY output, as the backup computed them. */
export async function digestTables(url: string): Promise<BackupTableEntry[]> {
  const client = await connectClient(url, 'custos-digest');
  try {
    await client.query(`begin isolation level repeatable read read only`);
    await client.query(COPY_SETTINGS);
    const out: BackupTableEntry[] = [];
    for (const table of await listTables(client)) {
      const hash = createHash('sha256');
      let rows = 0;
      for await (const chunk of client.query(copyTo(copyOutSql(table)))) {
        const buffer = chunk as Buffer;
        hash.update(buffer);
        for (let i = buffer.indexOf(10); i !== -1; i = buffer.indexOf(10, i + 1)) rows += 1;
      }
      out.push({ name: table.name, columns: table.columns, rows, sha256: hash.digest('hex') });
    }
    await client.query('commit');
    return out;
  } finally {
    await client.end();
  }
}

export function compareDigests(manifest: Pick<BackupManifest, 'tables'>, actual: BackupTableEntry[]): string[] {
  const problems: string[] = [];
  const byName = new Map(actual.map((t) => [t.name, t]));
  for (const expected of manifest.tables) {
    const got = byName.get(expected.name);
    if (!got) problems.push(`${expected.name}: missing after restore`);
    else if (got.rows !== expected.rows) problems.push(`${expected.name}: ${got.rows} rows restored, ${expected.rows} in the backup`);
    else if (got.sha256 !== expected.sha256) problems.push(`${expected.name}: contents differ from the backup`);
    byName.delete(expected.name);
  }
  for (const extra of byName.values()) if (extra.rows > 0) problems.push(`${extra.name}: ${extra.rows} rows not in the backup`);
  return problems;
}

export interface DrillOptions {
  onStep?: (step: string) => void;
  /** Called with the authenticated manifest once the drill found no problem. */
  onManifest?: (manifest: BackupManifest) => void;
  ring?: KeyRing;
  keyHint?: string;
}

/**
 * A restore drill: restores the backup into a scratch database on the same server,
 * compares every table's rows and checksum with the manifest, re-verifies the audit
 * hash chain and every archive checksum there, and drops the scratch database. A file
 * that is damaged, or whose encrypted values this key ring cannot read, is refused before
 * the scratch database is created.
 */
export async function runRestoreDrill(serverUrl: string, file: string, key: string, scratchName: string, options: DrillOptions = {}): Promise<DrillReport> {
  const { onStep } = options;
  const ring = options.ring ?? keyRing();
  const started = Date.now();
  const manifest = await checkRestorable(file, key, ring, options.keyHint);
  const migrateTo = migrationsUpTo(manifest);
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const scratch = new URL(serverUrl);
  scratch.pathname = `/${scratchName}`;
  await dropDatabase(admin.toString(), scratchName);
  await createDatabase(admin.toString(), scratchName);
  try {
    onStep?.('migrating the scratch database');
    const orm = await openOrm(scratch.toString(), 2, { migrateTo });
    try {
      onStep?.('restoring');
      await restoreBackupFile(scratch.toString(), file, key, { ring, keyHint: options.keyHint });
      onStep?.('comparing');
      const problems = compareDigests(manifest, await digestTables(scratch.toString()));
      const sql = new SqlExecutor(orm.em.fork());
      const chain = await verifyAuditChain(sql);
      const archive = await verifyArchiveRows(sql);
      if (!chain.ok) problems.push(`audit chain broken at seq ${chain.firstBrokenSeq}`);
      if (!archive.ok) problems.push(`${archive.mismatches.length} archived rows fail their checksum`);
      if (problems.length === 0) options.onManifest?.(manifest);
      return {
        ok: problems.length === 0,
        file,
        tables: manifest.tables.length,
        rows: manifest.totalRows,
        problems,
        auditChain: { ok: chain.ok, checked: chain.checked, firstBrokenSeq: chain.firstBrokenSeq ?? null },
        archive: { ok: archive.ok, checkedCustomers: archive.checkedCustomers, checkedInteractions: archive.checkedInteractions },
        seconds: Math.round((Date.now() - started) / 100) / 10,
      };
    } finally {
      await orm.close(true);
    }
  } finally {
    await dropDatabase(admin.toString(), scratchName);
  }
}
