import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CONFIG_VARIABLES } from '../src/config.js';

/**
 * No Docker engine runs on these machines, so the deployment files are checked for what
 * can be checked without one: they parse, images are pinned, secrets are required, and
 * every variable handed to the server is one the server reads. The Dockerfile's build
 * steps themselves are run outside a container by docker/build-outside-container.sh.
 */

const dockerDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docker');
const compose = parse(fs.readFileSync(path.join(dockerDir, 'compose.yml'), 'utf8'));
const dockerfile = fs.readFileSync(path.join(dockerDir, 'Dockerfile'), 'utf8');

describe('docker/compose.yml', () => {
  it('runs PostgreSQL 18, Meilisearch and the server, each with a health check', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['meilisearch', 'postgres', 'server']);
    expect(compose.services.postgres.image).toMatch(/^postgres:18\.\d+/);
    expect(compose.services.meilisearch.image).toMatch(/^getmeili\/meilisearch:v\d+\.\d+\.\d+$/);
    expect(compose.services.postgres.healthcheck.test).toBeDefined();
    expect(compose.services.meilisearch.healthcheck.test).toBeDefined();
    expect(compose.services.server.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
    expect(compose.services.server.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, meilisearch: { condition: 'service_healthy' } });
    expect(Object.keys(compose.volumes).sort()).toEqual(['backups', 'meilidata', 'pgdata']);
  });

  it('requires every secret and passes the server only variables it reads', () => {
    const env = compose.services.server.environment as Record<string, string>;
    for (const name of Object.keys(env)) expect([name, CONFIG_VARIABLES.includes(name)]).toEqual([name, true]);
    expect(env.NODE_ENV).toBe('production');
    for (const secret of ['JWT_SECRET', 'BACKUP_KEY', 'ENCRYPTION_KEY']) expect(env[secret]).toMatch(new RegExp(`^\\$\\{${secret}:\\?`));
    expect(compose.services.postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(compose.services.meilisearch.environment.MEILI_MASTER_KEY).toMatch(/^\$\{MEILI_MASTER_KEY:\?/);
    const example = fs.readFileSync(path.join(dockerDir, '.env.example'), 'utf8');
    for (const name of ['POSTGRES_PASSWORD', 'MEILI_MASTER_KEY', 'JWT_SECRET', 'BACKUP_KEY', 'ENCRYPTION_KEY']) expect(example).toMatch(new RegExp(`^${name}=$`, 'm'));
  });
});

describe('docker/Dockerfile', () => {
  it('builds in one stage and runs a pinned Node 22 as a non-root user with a health check', () => {
    const from = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(from).toEqual(['node:22.23.3-bookworm-slim', 'node:22.23.3-bookworm-slim']);
    expect(dockerfile).toMatch(/pnpm install --frozen-lockfile/);
    expect(dockerfile).toMatch(/^USER node$/m);
    // Liveness probes /healthz: a database restart must not get the container killed.
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*healthz/m);
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/main\.js"\]$/m);
    const pnpm = /pnpm@(\S+)/.exec(dockerfile)![1];
    const root = JSON.parse(fs.readFileSync(path.join(dockerDir, '..', 'package.json'), 'utf8'));
    expect(`pnpm@${pnpm}`).toBe(root.packageManager);
  });
});
