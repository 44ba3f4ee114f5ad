import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Node flags production runs with must be where the server is started and where the
 * tests run (docs/developers/decisions.md#async-context-frame). */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FLAG = '--experimental-async-context-frame';

describe('runtime flags', () => {
  it.each(['scripts/start.mjs', 'docker/Dockerfile', 'docker/build-outside-container.sh', 'bench/lib/servers.mjs', 'packages/admin/e2e/server.ts'])('%s starts the server with them', (file) => {
    expect(fs.readFileSync(path.join(root, file), 'utf8')).toContain(FLAG);
  });

  it('the server package starts, develops and tests with them', () => {
    const scripts = JSON.parse(fs.readFileSync(path.join(root, 'packages/server/package.json'), 'utf8')).scripts;
    for (const name of ['start', 'dev', 'test']) expect(`${name}: ${scripts[name]}`).toContain(FLAG);
  });

  it('this test run has them', () => {
    expect(process.env.NODE_OPTIONS ?? '').toContain(FLAG);
  });
});
