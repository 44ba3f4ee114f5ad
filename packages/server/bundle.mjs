// The production server as one module graph: `dist/server.js` (+ `dist/server-*.js`, the
// parts loaded only through import()). Node spends most of a cold start resolving and
// loading ~2,000 ESM/CJS files one by one (a CPU profile of `node dist/main.js` put 2/3 of
// start-up in the module loader: 3.3 s against PostGraphile's 1.5 s); a bundle loads in a
// few reads. Built from swc's output, so decorators and their metadata are exactly what the
// tests run. `node bundle.mjs [dir]` bundles dir/main.js (default dist) beside it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const here = path.dirname(fileURLToPath(import.meta.url));
const manifest = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8'));
// Left to Node's loader: packages `pnpm deploy --prod` leaves out (development-only, reached
// only through import()), platform binaries, native addons, exceljs (large; only exports
// load it, lazily), and class-validator: type-graphql imports it with `await import()` on
// every validated argument, which a bundle turns into copying its ~300 exports into a new
// namespace object per call (1.5× the CPU per request of the unbundled server, measured).
const external = [
  ...Object.keys(manifest.devDependencies ?? {}),
  ...Object.keys(manifest.optionalDependencies ?? {}),
  'argon2',
  '@node-rs/jieba',
  'exceljs',
  'class-validator',
  'pg-native',
];
const isExternal = (id) => external.some((name) => id === name || id.startsWith(`${name}/`)) || id.endsWith('.node');

/**
 * Apollo hashes every operation with `module.require('crypto')` when there is one, else with
 * sha.js (JavaScript). A bundled CommonJS module has no `module.require`, so the bundle took
 * sha.js: ~0.5% of the CPU of a small request. Node's crypto it is, as unbundled.
 */
const nodeCryptoForApolloHash = {
  name: 'node-crypto-for-apollo-hash',
  transform(code, id) {
    if (!id.includes('@apollo/utils.createhash/dist/index.js')) return null;
    // The module is required once, at load, not per hash (a require call costs ~3 µs).
    const patched = code
      .replace('utils_isnodelike_1.isNodeLike && module.require', 'true')
      .replace('module.require("crypto")', 'nodeCrypto')
      .replace('function createHash(kind) {', 'const nodeCrypto = require("node:crypto");\nfunction createHash(kind) {');
    if (!patched.includes('nodeCrypto.createHash(kind)') || !patched.includes('const nodeCrypto') || patched.includes('module.require')) throw new Error(`bundle: @apollo/utils.createhash changed; check ${id}`);
    return patched;
  },
};

export async function bundleServer(dir = path.join(here, 'dist')) {
  // Chunk names carry a content hash: drop the previous build's before writing new ones.
  for (const file of fs.readdirSync(dir)) if (/^server(-.*)?\.js$/.test(file)) fs.rmSync(path.join(dir, file));
  await build({
    input: { server: path.join(dir, 'main.js') },
    platform: 'node',
    external: isExternal,
    plugins: [nodeCryptoForApolloHash],
    logLevel: 'warn',
    output: {
      dir,
      format: 'esm',
      // type-graphql and MikroORM name schema types and entities after their classes.
      keepNames: true,
      // Beside server.js, so paths taken from import.meta.url (the repository root) hold.
      chunkFileNames: 'server-[name]-[hash].js',
      entryFileNames: '[name].js',
    },
  });
  return path.join(dir, 'server.js');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleServer(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
