import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../common/domain-error.js';
import type { RouteDeps } from '../../core/module.js';
import { createRequestContext } from '../../core/context.js';
import { localizeForCode, negotiateLanguage } from '../../i18n/localize.js';
import { authenticate } from '../identity/auth.service.js';
import { stageUpload } from './import.service.js';
import { toGlobalId } from '../../graphql/global-id.js';

class TooLarge extends Error {}

/**
 * POST /imports/customers?fileName=… — the file as the request body (any content type;
 * the format is read from the bytes), with `Authorization: Bearer <token>`. The body is
 * streamed to a temporary file and refused with 413 as soon as it passes
 * IMPORT_MAX_BYTES, then read row by row into staging. Answers `{ id, rowCount }` (the
 * import's global id, as `CustomerImport.id` gives it); the
 * rest happens over GraphQL (`customerImport(id)`).
 */
export function registerImportRoute(app: FastifyInstance, { orm, config, tokens }: RouteDeps): void {
  // Raw bodies of any type stream through here instead of being parsed.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    scope.post<{ Querystring: { fileName?: string } }>('/imports/customers', { bodyLimit: config.IMPORT_MAX_BYTES }, async (req, reply) => {
      const language = negotiateLanguage(req.headers['accept-language']);
      const fail = (status: number, message: string, code: string) => reply.code(status).send({ error: localizeForCode(message, code, language), code });
      const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(req.headers.authorization ?? '');
      const claims = match ? await tokens.verify(match[1]!) : null;
      if (!claims) return fail(401, 'Sign in first: send Authorization: Bearer <token>', 'UNAUTHENTICATED');
      const ctx = Object.assign(createRequestContext(orm, config, tokens, String(req.id), claims), { log: req.log, language });
      try {
        ctx.actor = await authenticate(ctx);
      } catch (error) {
        if (error instanceof DomainError) return fail(401, 'The token is invalid or expired; sign in again', 'UNAUTHENTICATED');
        throw error;
      }
      const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'custos-import-'));
      const file = path.join(dir, 'upload');
      try {
        let size = 0;
        const limit = new Transform({
          transform(chunk: Buffer, _enc, next) {
            size += chunk.length;
            next(size > config.IMPORT_MAX_BYTES ? new TooLarge() : null, chunk);
          },
        });
        await pipeline(req.body as NodeJS.ReadableStream, limit, fs.createWriteStream(file));
        const fileName = (req.query.fileName ?? 'upload.csv').slice(0, 255);
        const staged = await stageUpload(ctx, fileName, file);
        return reply.code(201).send({ id: toGlobalId('CustomerImport', staged.id), rowCount: staged.rowCount, format: staged.format, encoding: staged.encoding });
      } catch (error) {
        if (error instanceof TooLarge || (error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
          return fail(413, `The file is larger than ${config.IMPORT_MAX_BYTES} bytes`, 'BAD_USER_INPUT');
        }
        if (error instanceof DomainError) {
          const code = error.reason === 'ACTION_FORBIDDEN' || error.reason === 'FIELD_WRITE_FORBIDDEN' ? 'FORBIDDEN' : 'BAD_USER_INPUT';
          return reply.code(code === 'FORBIDDEN' ? 403 : 400).send({ error: localizeForCode(error.message, code, language), code, fields: error.fields });
        }
        throw error;
      } finally {
        await fs.promises.rm(dir, { recursive: true, force: true });
      }
    });
  });
}
