import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.js';
import type { BackupManifest } from './backup.format.js';

/** A finished backup as listed: its sidecar manifest plus where the file is. */
export interface BackupRecord extends BackupManifest {
  id: string;
  file: string;
  sizeBytes: number;
  fileSha256: string;
}

export function backupDir(config: Config): string {
  return path.resolve(config.BACKUP_DIR ?? path.join(config.DATA_DIR, 'backups'));
}

const ID = /^[A-Za-z0-9._-]{1,120}$/;

/** Finished backups, newest first. Only files with a sidecar count: a `.partial` file is a
 * backup that never finished. */
export function listBackups(config: Config): BackupRecord[] {
  const dir = backupDir(config);
  if (!fs.existsSync(dir)) return [];
  const out: BackupRecord[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.cbk.json')) continue;
    const file = path.join(dir, name.slice(0, -'.json'.length));
    if (!fs.existsSync(file)) continue;
    try {
      const sidecar = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as BackupRecord;
      out.push({ ...sidecar, id: path.basename(file, '.cbk'), file });
    } catch {
      // An unreadable sidecar is listed nowhere; the file itself still restores with the CLI.
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export function findBackup(config: Config, id: string): BackupRecord | undefined {
  if (!ID.test(id)) return undefined;
  return listBackups(config).find((b) => b.id === id);
}

/**
 * Grandfather-father retention: keeps the newest backup of each of the last `daily`
 * days that have backups and of each of the last `weekly` ISO weeks, deletes the rest.
 * Returns the ids deleted.
 */
export function pruneBackups(config: Config): string[] {
  const backups = listBackups(config);
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
