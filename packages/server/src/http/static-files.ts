import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * Serves files below `root` at `prefix`. Paths are resolved and checked to stay inside
 * root, so `..` and encoded variants cannot escape it.
 */
export function serveDirectory(app: FastifyInstance, prefix: string, root: string, options: { maxAge?: number } = {}): void {
  const base = path.resolve(root);
  app.get(`${prefix}*`, async (req, reply) => {
    const relative = (req.params as { '*': string })['*'] ?? '';
    const file = path.resolve(base, `.${path.posix.sep}${relative}`);
    if (file !== base && !file.startsWith(base + path.sep)) return reply.code(404).send();
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
    } catch {
      return reply.code(404).send();
    }
    if (!stat.isFile()) return reply.code(404).send();
    reply.header('content-type', TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
    reply.header('content-length', stat.size);
    reply.header('cache-control', `public, max-age=${options.maxAge ?? 3600}`);
    return reply.send(fs.createReadStream(file));
  });
}
