import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.js';
import { backupKey } from '../../secrets.js';
import { fileSha256, type BackupManifest, type BackupTrigger } from './backup.format.js';

/** A finished backup as listed: its sidecar manifest plus where the file is. */
export interface BackupRecord extends BackupManifest {
  id: string;
  file: string;
  sizeBytes: number;
  fileSha256: string;
  trigger: BackupTrigger;
  /** A manual backup someone released to the retention rule. */
  expired: boolean;
  /**
   * The sidecar carries a valid MAC under the backup key (whether the file itself is still
   * intact is what a drill finds out). Unverified records (edited, or written before sidecars were sealed) are listed by the
   * command line only, and retention never deletes them: their facts cannot be trusted.
   * A successful drill or `backup:verify` rewrites the sidecar from the file's manifest.
   */
  verified: boolean;
}

/**
 * The sidecar lets `backups` list facts without reading (and decompressing) every file,
 * so it carries its own MAC: an HMAC under a key derived from the backup key, over its
 * canonical JSON. The file itself stays authenticated by its own HMAC.
 */
function sidecarMac(key: string, body: Record<string, unknown>): string {
  const derived = createHmac('sha256', key).update('custos backup sidecar v1').digest();
  return createHmac('sha256', derived).update(canonicalJson(body)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Writes (or rewrites) `file`'s sidecar from its authenticated manifest. */
export async function writeSidecar(file: string, manifest: BackupManifest, key: string, extra: { expired?: boolean } = {}): Promise<{ sizeBytes: number }> {
  const sizeBytes = fs.statSync(file).size;
  const body = { ...manifest, file: path.basename(file), sizeBytes, fileSha256: await fileSha256(file), ...(extra.expired ? { expired: true } : {}) };
  const sidecar = { ...body, mac: sidecarMac(key, body) };
  const temp = `${file}.json.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(sidecar, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temp, `${file}.json`);
  return { sizeBytes };
}

function readSidecar(sidecarFile: string, file: string, key: string | null): BackupRecord {
  const { mac, ...body } = JSON.parse(fs.readFileSync(sidecarFile, 'utf8')) as Record<string, unknown> & { mac?: unknown };
  const expected = key === null ? null : Buffer.from(sidecarMac(key, body), 'hex');
  const given = typeof mac === 'string' && /^[0-9a-f]{64}$/.test(mac) ? Buffer.from(mac, 'hex') : null;
  const sealed = expected !== null && given !== null && timingSafeEqual(expected, given);
  const record = body as unknown as BackupRecord;
  return {
    ...record,
    id: path.basename(file, '.cbk'),
    file,
    trigger: record.trigger ?? 'manual',
    expired: record.expired === true,
    verified: sealed,
  };
}

function keyOrNull(config: Config): string | null {
  try {
    return backupKey(config);
  } catch {
    // No backup key (production without BACKUP_KEY): nothing can be verified.
    return null;
  }
}

export function backupDir(config: Config): string {
  return path.resolve(config.BACKUP_DIR ?? path.join(config.DATA_DIR, 'backups'));
}

const ID = /^[A-Za-z0-9._-]{1,120}$/;

/** Finished backups, newest first: verified ones only unless asked. Only files with a
 * sidecar count: a `.partial` file is a backup that never finished. */
export function listBackups(config: Config, options: { unverified?: boolean } = {}): BackupRecord[] {
  const dir = backupDir(config);
  if (!fs.existsSync(dir)) return [];
  const key = keyOrNull(config);
  const out: BackupRecord[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.cbk.json')) continue;
    const file = path.join(dir, name.slice(0, -'.json'.length));
    if (!fs.existsSync(file)) continue;
    try {
      const record = readSidecar(path.join(dir, name), file, key);
      if (record.verified || options.unverified) out.push(record);
    } catch {
      // An unreadable sidecar is listed nowhere; the file itself still restores with the CLI.
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** Any finished backup, verified or not: a drill authenticates the file itself. */
export function findBackup(config: Config, id: string): BackupRecord | undefined {
  if (!ID.test(id)) return undefined;
  return listBackups(config, { unverified: true }).find((b) => b.id === id);
}

/**
 * Releases a manual backup to the retention rule (which keeps manual backups otherwise).
 * Its sidecar is resealed with the flag, so only a holder of the backup key can do it.
 */
export async function expireBackup(config: Config, id: string): Promise<BackupRecord | undefined> {
  const backup = findBackup(config, id);
  if (!backup?.verified) return undefined;
  const { id: _i, file: _f, sizeBytes: _s, fileSha256: _h, expired: _e, verified: _v, ...manifest } = backup;
  await writeSidecar(backup.file, manifest, backupKey(config), { expired: true });
  return findBackup(config, id);
}

/**
 * Grandfather-father retention over scheduled backups (and manual ones released with
 * `expireBackup`): keeps the newest of each of the last `daily` days that have backups and
 * of each of the last `weekly` ISO weeks, deletes the rest. Manual backups are kept — one
 * taken "before the purge" must outlive the next scheduled backup of its day — and so are
 * backups whose sidecar does not verify. Returns the ids deleted.
 */
export function pruneBackups(config: Config): string[] {
  const backups = listBackups(config).filter((b) => b.trigger === 'scheduled' || b.expired);
  const keep = new Set<string>();
  const newestPer = (bucket: (b: BackupRecord) => string, count: number) => {
    const seen = new Set<string>();
    for (const backup of backups) {
      const key = bucket(backup);
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      keep.add(backup.id);
    }
  };
  newestPer((b) => b.createdAt.slice(0, 10), config.BACKUP_KEEP_DAILY);
  newestPer((b) => isoWeek(b.createdAt), config.BACKUP_KEEP_WEEKLY);
  const deleted: string[] = [];
  for (const backup of backups) {
    if (keep.has(backup.id)) continue;
    fs.rmSync(backup.file, { force: true });
    fs.rmSync(`${backup.file}.json`, { force: true });
    deleted.push(backup.id);
  }
  return deleted;
}

function isoWeek(iso: string): string {
  const date = new Date(iso);
  const day = (date.getUTCDay() + 6) % 7;
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day + 3));
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / 604_800_000 - ((firstThursday.getUTCDay() + 6) % 7 - 3) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
