import type { ApolloServerPlugin } from '@apollo/server';
import { defaultFieldResolver, isObjectType, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { FieldProblem } from '../common/domain-error.js';
import { localize, localizeForCode, type Language } from '../i18n/localize.js';
import type { RequestContext } from '../core/context.js';

/**
 * Errors in the caller's language (`Accept-Language`, read into `ctx.language`): the
 * message and every `extensions.fields[].message`; codes, field keys and every other
 * extension stay exactly as they were.
 */

/** Apollo Client and other APQ links recognise these by their message as well as by code. */
const PROTOCOL_CODES = new Set(['PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

const INVALID_INPUT_ZH = (fields: FieldProblem[]) => `输入无效（${fields.map((f) => `${f.field}：${f.message}`).join('；')}）`;

export function localizeError(error: GraphQLFormattedError, language: Language): GraphQLFormattedError {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : undefined;
  if (language === 'en' || (code && PROTOCOL_CODES.has(code))) return error;
  const rawFields = error.extensions?.fields;
  const fields = Array.isArray(rawFields)
    ? (rawFields as FieldProblem[]).map((f) => ({ ...f, message: localize(f.message, language) ?? f.message }))
    : undefined;
  // "Invalid input (a: …; b: …)" is its fields in one line: rebuilt from the translated ones.
  const message = fields?.length && error.message.startsWith('Invalid input (')
    ? INVALID_INPUT_ZH(fields)
    : localizeForCode(error.message, code, language);
  return { ...error, message, ...(fields ? { extensions: { ...error.extensions, fields } } : {}) };
}

/**
 * Listed after fieldDenialsPlugin: Apollo starts every willSendResponse hook in plugin
 * order, and that plugin appends its FORBIDDEN errors before its hook first yields, so
 * they are here to translate (test/localized-messages.test.ts reads one in Chinese).
 */
export function localizationPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const language = contextValue.language;
          response.http.headers.set('content-language', language);
          response.http.headers.set('vary', 'accept-language');
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((e) => localizeError(e, language));
        },
      };
    },
  };
}

/** Result fields that carry a message for people rather than an error (a bulk action's
 * per-id failures): translated where they are resolved. */
const MESSAGE_FIELDS = ['LifecycleFailure.message'];

export function localizeMessageFields(schema: GraphQLSchema): GraphQLSchema {
  for (const key of MESSAGE_FIELDS) {
    const [typeName, fieldName] = key.split('.') as [string, string];
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
    if (!field) throw new Error(`localizeMessageFields: the schema has no ${key}`);
    const inner = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, ctx: RequestContext, info) => {
      const value = inner(source, args, ctx, info) as unknown;
      return typeof value === 'string' ? (localize(value, ctx.language) ?? value) : value;
    };
  }
  return schema;
}
