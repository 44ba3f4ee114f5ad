import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';

/**
 * The JWT signing secret: the configured one, or in development one generated on first
 * start and kept under DATA_DIR so that tokens survive restarts.
 */
export function jwtSecret(config: Config): string {
  return configuredOrGenerated(config, 'JWT_SECRET', config.JWT_SECRET, 'jwt-secret');
}

/** The key backups are sealed with (HMAC): restoring a backup needs the same key. */
export function backupKey(config: Config): string {
  return configuredOrGenerated(config, 'BACKUP_KEY', config.BACKUP_KEY, 'backup-key');
}

/** The embedded Meilisearch's master key, generated on first start and kept with the
 * other development secrets so the index opens again after a restart. Production runs
 * its own Meilisearch and passes its key as MEILI_API_KEY. */
export function embeddedMeilisearchKey(config: Config): string {
  return configuredOrGenerated(config, 'MEILI_API_KEY', undefined, 'meilisearch-master-key');
}

function configuredOrGenerated(config: Config, variable: string, configured: string | undefined, fileName: string): string {
  if (configured) return configured;
  if (config.isProduction) throw new Error(`${variable} (or ${variable}_FILE) is required in production`);
  const file = path.join(config.DATA_DIR, 'secrets', fileName);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}
