import path from 'node:path';
import { ConfigError, type Config } from '../../config.js';
import { openDatabase } from '../../db/database.js';
import { backupKey } from '../../secrets.js';
import { runRestoreDrill } from './backup.drill.js';
import { createBackupFile } from './backup.dump.js';
import { keyRing } from '../../crypto/keyring.js';
import { checkRestorable, migrationsUpTo, restoreBackupFile } from './backup.restore.js';
import { backupDir, expireBackup, findBackup, listBackups, pruneBackups, writeSidecar } from './backup.store.js';

type Say = (message: string) => void;

/** `backup:create [--reason …]`: a backup now, in the foreground, then the retention rule. */
export async function backupCreateCommand(config: Config, reason: string | undefined, say: Say): Promise<void> {
  const db = await openDatabase(config, say);
  try {
    const started = Date.now();
    const result = await createBackupFile(db.url, backupDir(config), backupKey(config), { createdBy: null, reason: reason ?? 'command line' }, (entry, i, total) =>
      say(`${i}/${total} ${entry.name}: ${entry.rows} rows`),
    );
    say(`backup written: ${result.file} (${result.sizeBytes} bytes, ${result.manifest.totalRows} rows, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    for (const id of pruneBackups(config)) say(`retention: deleted ${id}`);
    process.stdout.write(`${result.file}\n`);
  } finally {
    await db.close();
  }
}

/** Unverified sidecars are listed too, flagged, since their facts are unauthenticated. */
export function backupListCommand(config: Config): void {
  for (const b of listBackups(config, { unverified: true })) {
    const state = !b.verified ? 'UNVERIFIED sidecar (run backup:verify on the file)' : b.expired ? `${b.trigger}, expired` : b.trigger;
    process.stdout.write(`${b.id}\t${b.createdAt}\t${b.sizeBytes}\t${b.totalRows} rows\t${b.migrations?.at(-1)}\t${state}\n`);
  }
}

/** `backup:expire --id ID`: releases a manual backup to the retention rule. */
export async function backupExpireCommand(config: Config, id: string, say: Say): Promise<void> {
  const expired = await expireBackup(config, id);
  if (!expired) throw new ConfigError(`no verified backup ${id} in ${backupDir(config)}`);
  say(`${id} expired: the retention rule decides from now on`);
}

/** What to add to a missing-key refusal when ENCRYPTION_KEY is not set at all. */
function keyHint(config: Config): string {
  if (config.ENCRYPTION_KEY) return '';
  return `; ENCRYPTION_KEY is not set, so this data directory uses a key generated for it (${path.join(config.DATA_DIR, 'secrets', 'encryption-key')})`;
}

/**
 * `backup:restore --file F`: into the configured database, which must be empty. The schema
 * is brought to the backup's migration first, the data restored in one transaction, then
 * the remaining migrations of this build run over the restored data.
 */
export async function backupRestoreCommand(config: Config, file: string, say: Say): Promise<void> {
  const key = backupKey(config);
  say(`checking ${file}`);
  // Before the database is opened (an embedded one would be created): a backup this key
  // ring cannot read is refused with nothing written.
  const manifest = await checkRestorable(path.resolve(file), key, keyRing(), keyHint(config));
  const migrateTo = migrationsUpTo(manifest);
  const db = await openDatabase(config, say, { migrateTo });
  try {
    const applied = (await db.orm.em.getConnection().execute<{ name: string }[]>(`select name from mikro_orm_migrations order by id`)).map((r) => r.name);
    if (applied.join(',') !== manifest.migrations.join(',')) {
      throw new ConfigError('the target database has a newer schema than the backup; restore into a new, empty database');
    }
    const started = Date.now();
    await restoreBackupFile(db.url, path.resolve(file), key, { onTable: (name, rows) => say(`restored ${name}: ${rows} rows`), keyHint: keyHint(config) });
    await db.orm.migrator.up();
    say(`restored ${manifest.totalRows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s; migrations now current`);
  } finally {
    await db.close();
  }
}

/** `backup:verify --file F`: a restore drill into a scratch database next to the configured one. */
export async function backupVerifyCommand(config: Config, file: string, say: Say): Promise<boolean> {
  const db = await openDatabase(config, say);
  let sealed: Promise<unknown> | undefined;
  try {
    const key = backupKey(config);
    const report = await runRestoreDrill(db.url, path.resolve(file), key, `custos_drill_cli_${process.pid}`, {
      onStep: (step) => say(step),
      keyHint: keyHint(config),
      onManifest: (manifest) => {
        // A backup of this directory whose sidecar was edited or never sealed is listed again.
        const listed = findBackup(config, path.basename(file, '.cbk'));
        if (listed && path.resolve(listed.file) === path.resolve(file) && !listed.verified) sealed = writeSidecar(listed.file, manifest, key);
      },
    });
    await sealed;
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return report.ok;
  } finally {
    await db.close();
  }
}
