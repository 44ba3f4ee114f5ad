import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';

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

export interface ServeOptions {
  /** Cache lifetime in seconds for files found (default 3600). */
  maxAge?: number;
  /**
   * File (relative to root) answered for paths that name no existing file and have no
   * extension: client-side routes of a single-page app. It is sent with `no-cache` so a
   * new build is picked up at once; missing assets (with an extension) stay 404.
   */
  fallback?: string;
}

/**
 * Serves files below `root` at `prefix`. Paths are resolved and checked to stay inside
 * root, so `..` and encoded variants cannot escape it.
 */
export function serveDirectory(app: FastifyInstance, prefix: string, root: string, options: ServeOptions = {}): void {
  const base = path.resolve(root);
  const fallback = options.fallback ? path.resolve(base, options.fallback) : undefined;
  app.get(`${prefix}*`, async (req, reply) => {
    const relative = (req.params as { '*': string })['*'] ?? '';
    const file = path.resolve(base, `.${path.posix.sep}${relative}`);
    if (file !== base && !file.startsWith(base + path.sep)) return reply.code(404).send();
    const found = await fileStat(file);
    if (found) return sendFile(reply, file, found, `public, max-age=${options.maxAge ?? 3600}`);
    if (fallback && !path.posix.basename(relative).includes('.')) {
      const stat = await fileStat(fallback);
      if (stat) return sendFile(reply, fallback, stat, 'no-cache');
    }
    return reply.code(404).send();
  });
}

async function fileStat(file: string): Promise<fs.Stats | undefined> {
  try {
    const stat = await fs.promises.stat(file);
    return stat.isFile() ? stat : undefined;
  } catch {
    return undefined;
  }
}

function sendFile(reply: FastifyReply, file: string, stat: fs.Stats, cacheControl: string) {
  reply.header('content-type', TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
  reply.header('content-length', stat.size);
  reply.header('cache-control', cacheControl);
  return reply.send(fs.createReadStream(file));
}
