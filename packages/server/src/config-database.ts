import net from 'node:net';
import type { z } from 'zod';

/** The settings that name the database, as the config schema has parsed them. */
export interface DatabaseSettings {
  DATABASE_URL?: string | undefined;
  DATABASE_HOST?: string | undefined;
  DATABASE_PORT?: number | undefined;
  DATABASE_NAME?: string | undefined;
  DATABASE_USER?: string | undefined;
  DATABASE_PASSWORD?: string | undefined;
}

/** What is wrong with a DATABASE_URL, or null. Never echoes the URL: it holds a password. */
export function databaseUrlProblem(value: string): string | null {
  if (!/^postgres(ql)?:\/\//.test(value)) return 'must be a postgres:// or postgresql:// URL';
  const encodeHint =
    'characters such as / # ? @ : % in the user or password must be percent-encoded, ' +
    'or set DATABASE_HOST, DATABASE_USER and DATABASE_PASSWORD instead, which need no encoding';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `is not a valid URL; ${encodeHint}`;
  }
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    return `has a malformed %-escape in its user or password; ${encodeHint}`;
  }
  // A raw / in a password can still parse (as port and path): the database name then
  // carries the rest of the password and the host.
  if (/[/@]/.test(url.pathname.slice(1))) return `names no single database after the host; ${encodeHint}`;
  return null;
}

export function databaseSettingsProblems(env: DatabaseSettings, ctx: z.RefinementCtx): void {
  const problem = (name: string, message: string) => ctx.addIssue({ code: 'custom', path: [name], message });
  if (env.DATABASE_URL && env.DATABASE_HOST) {
    problem('DATABASE_HOST', 'set either DATABASE_URL or DATABASE_HOST (with DATABASE_PORT, DATABASE_NAME, DATABASE_USER, DATABASE_PASSWORD), not both');
  }
  // A part that would be silently ignored is a mistake worth stopping for.
  for (const name of ['DATABASE_PORT', 'DATABASE_NAME', 'DATABASE_USER'] as const) {
    if (env[name] !== undefined && !env.DATABASE_HOST) problem(name, 'is set but DATABASE_HOST is not');
  }
  if (env.DATABASE_PASSWORD !== undefined && !env.DATABASE_HOST) {
    if (!env.DATABASE_URL) problem('DATABASE_PASSWORD', 'is set but neither DATABASE_HOST nor DATABASE_URL is');
    else if (!databaseUrlProblem(env.DATABASE_URL) && new URL(env.DATABASE_URL).password) {
      problem('DATABASE_PASSWORD', 'is set but DATABASE_URL holds a password as well; keep one of them');
    }
  }
}

/**
 * DATABASE_URL as given, or built from DATABASE_HOST and its parts. Each part is
 * percent-encoded: the ORM and `pg` decode user and password with decodeURIComponent,
 * so any password survives the round trip (test/config.test.ts connects with such).
 */
export function composeDatabaseUrl(env: DatabaseSettings): string | undefined {
  const password = env.DATABASE_PASSWORD;
  if (env.DATABASE_HOST) {
    const user = encodeURIComponent(env.DATABASE_USER ?? 'custos');
    const auth = password === undefined ? user : `${user}:${encodeURIComponent(password)}`;
    // An IPv6 literal goes in brackets, or its colons would read as the port.
    const host = net.isIPv6(env.DATABASE_HOST) ? `[${env.DATABASE_HOST}]` : env.DATABASE_HOST;
    return `postgresql://${auth}@${host}:${env.DATABASE_PORT ?? 5432}/${encodeURIComponent(env.DATABASE_NAME ?? 'custos')}`;
  }
  if (env.DATABASE_URL && password !== undefined) {
    const url = new URL(env.DATABASE_URL);
    url.password = encodeURIComponent(password);
    return url.toString();
  }
  return env.DATABASE_URL;
}
