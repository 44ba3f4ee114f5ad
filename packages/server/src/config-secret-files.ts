import fs from 'node:fs';

/**
 * Secrets that may come from a file named by `<NAME>_FILE` instead (Docker and Kubernetes
 * secrets): the value then stays out of the process environment, which `docker inspect`,
 * /proc and every child process can read.
 */
export const FILE_SECRETS = ['DATABASE_URL', 'DATABASE_PASSWORD', 'JWT_SECRET', 'ENCRYPTION_KEY', 'BACKUP_KEY', 'MEILI_API_KEY', 'METRICS_TOKEN'] as const;

/** A secret is a line, not a document: a bigger file is the wrong file. */
const MAX_SECRET_FILE_BYTES = 64 * 1024;

export function readSecretFiles(env: Record<string, string>): { env: Record<string, string>; read: Set<string>; failed: Set<string>; problems: string[] } {
  const result = { ...env };
  const read = new Set<string>();
  const failed = new Set<string>();
  const problems: string[] = [];
  for (const name of FILE_SECRETS) {
    const file = env[`${name}_FILE`];
    if (file === undefined) continue;
    const fail = (problem: string) => {
      failed.add(name);
      problems.push(`${name}_FILE: ${problem}`);
    };
    if (env[name] !== undefined) {
      fail(`${name} is set as well; set only one of ${name} and ${name}_FILE`);
      continue;
    }
    let content: string;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) {
        fail(`${file} is not a file`);
        continue;
      }
      if (stat.size > MAX_SECRET_FILE_BYTES) {
        fail(`${file} is larger than ${MAX_SECRET_FILE_BYTES / 1024} KiB; is it the right file?`);
        continue;
      }
      content = fs.readFileSync(file, 'utf8');
    } catch (error) {
      fail(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      continue;
    }
    // Editors and `echo` end a file with a newline that is no part of the secret; any
    // other whitespace may be, so it is kept.
    content = content.replace(/\r?\n$/, '');
    if (content === '') {
      fail(`${file} is empty`);
      continue;
    }
    result[name] = content;
    read.add(name);
  }
  return { env: result, read, failed, problems };
}
