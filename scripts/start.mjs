// `pnpm start` and `./scripts/start.sh`: build what changed since the last start, then run
// the server (API + dashboard + embedded PostgreSQL + embedded Meilisearch + demo data).
//
// A build is skipped when the hash of its inputs equals the one stamped into its output
// by the previous build, and nothing in the output is newer than that stamp (another
// build, e.g. `pnpm build` from other sources, wrote there since). Rebuilding the
// dashboard every time made a second start take a minute on a busy machine.
//
// The server runs in a session of its own, so Ctrl-C in the terminal reaches only this
// script, which passes one SIGINT on: the server then finishes in-flight requests and
// stops PostgreSQL and Meilisearch itself, in order. In the terminal's process group they
// got the SIGINT too, beside the server, and a busy machine saw PostgreSQL restarted by
// its supervisor in the middle of the shutdown. `setpriv --pdeathsig` ends the server
// should this script be killed. This script exits with the server's status, so pnpm
// stays quiet (the root package.json runs `exec node scripts/start.mjs`: without the
// exec, the `sh -c` pnpm starts dies of the SIGINT and pnpm prints "ELIFECYCLE Command
// failed").
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = '.custos-build-stamp';

const builds = [
  {
    name: 'dashboard',
    filter: '@custos/admin',
    output: 'packages/admin/dist',
    inputs: [
      'packages/admin/src',
      'packages/admin/index.html',
      'packages/admin/vite.config.ts',
      'packages/admin/tsconfig.json',
      'packages/admin/package.json',
      'packages/admin/scripts/generate-introspection.ts',
      'packages/schema/schema.graphql',
      'pnpm-lock.yaml',
    ],
    // Written by the build itself from schema.graphql, which is an input already.
    ignore: ['packages/admin/src/data-provider/generated'],
  },
  {
    name: 'server',
    filter: '@custos/server',
    output: 'packages/server/dist',
    inputs: ['packages/server/src', 'packages/server/.swcrc', 'packages/server/package.json', 'packages/server/bundle.mjs', 'pnpm-lock.yaml'],
    ignore: [],
  },
];

function filesUnder(relative, ignore) {
  const full = path.join(root, relative);
  if (ignore.includes(relative) || !fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [relative];
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(path.posix.join(relative, name), ignore));
}

function inputHash(build) {
  const hash = createHash('sha256');
  for (const file of build.inputs.flatMap((input) => filesUnder(input, build.ignore))) {
    hash.update(`${file}\0`).update(fs.readFileSync(path.join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

/** Newest modification time among the output's files, the stamp left out. */
function newestOutput(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === STAMP) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestOutput(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function upToDate(build, hash) {
  const stamp = path.join(root, build.output, STAMP);
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== hash) return false;
  return newestOutput(path.join(root, build.output)) <= fs.statSync(stamp).mtimeMs;
}

/** Runs one build unless its inputs are unchanged; resolves true when its output is usable. */
function runBuild(build) {
  const hash = inputHash(build);
  if (upToDate(build, hash)) {
    console.log(`[start] ${build.name}: unchanged since the last build`);
    return Promise.resolve(true);
  }
  const started = Date.now();
  console.log(`[start] ${build.name}: building`);
  return new Promise((resolve) => {
    const child = spawn('pnpm', ['--filter', build.filter, 'build'], { cwd: root, stdio: 'inherit' });
    building.add(child);
    child.on('exit', (status) => {
      building.delete(child);
      if (status !== 0) {
        console.error(`[start] ${build.name}: build failed`);
        return resolve(false);
      }
      fs.writeFileSync(path.join(root, build.output, STAMP), hash);
      console.log(`[start] ${build.name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      resolve(true);
    });
  });
}

// The dashboard builds beside the server's build and start: the API (and the first
// search) does not wait for it, and the server answers /admin/ as soon as its files are
// there. Built one after the other, the dashboard delayed a fresh clone's first answer by
// its whole build.
const building = new Set();
const [dashboard, server] = [builds[0], builds[1]];
const dashboardDone = runBuild(dashboard);
if (!(await runBuild(server))) {
  for (const child of building) child.kill('SIGTERM');
  process.exit(1);
}
dashboardDone.then((ok) => {
  if (!ok) console.error('[start] the API runs without the dashboard; fix the build and start again');
});

const main = path.join(root, 'packages/server/dist/server.js');
// AsyncLocalStorage without promise hooks (the default from Node 24): 8% less CPU per
// request on small lists (docs/developers/decisions.md#async-context-frame).
const serverArgs = ['--experimental-async-context-frame', main];
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => fs.existsSync(p));
const [command, args] = setpriv ? [setpriv, ['--pdeathsig', 'SIGTERM', process.execPath, ...serverArgs]] : [process.execPath, serverArgs];
const serverProcess = spawn(command, args, { cwd: path.join(root, 'packages/server'), stdio: 'inherit', detached: true });
// A second Ctrl-C is passed on too: the server then stops at once. A closed terminal
// (SIGHUP) stops it like SIGTERM, the one signal besides SIGINT it shuts down on.
process.on('SIGINT', () => serverProcess.kill('SIGINT'));
process.on('SIGTERM', () => serverProcess.kill('SIGTERM'));
process.on('SIGHUP', () => serverProcess.kill('SIGTERM'));
serverProcess.on('exit', (code, signal) => {
  // A dashboard build still running ends with the server.
  for (const child of building) child.kill('SIGTERM');
  process.exit(code ?? (signal ? 1 : 0));
});
