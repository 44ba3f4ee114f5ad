import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { cronProblem } from './common/cron.js';
import { keyRingProblem } from './crypto/keyring.js';
import { composeDatabaseUrl, databaseSettingsProblems, databaseUrlProblem } from './config-database.js';
import { FILE_SECRETS, readSecretFiles } from './config-secret-files.js';

export { FILE_SECRETS } from './config-secret-files.js';

/** Repository root: `.data/` (embedded PostgreSQL, dev secrets) lives here by default. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const port = z.coerce.number().int().min(0).max(65535);

const cronSetting = z
  .string()
  .superRefine((v, ctx) => {
    const problem = cronProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .optional();

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  DATABASE_URL: z
    .string()
    .superRefine((v, ctx) => {
      const problem = databaseUrlProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  // The database in parts, instead of DATABASE_URL: the server encodes them into the URL
  // itself, so a generated password with / # @ % : works as it is (docker/compose.yml).
  DATABASE_HOST: z
    .string()
    .refine((v) => net.isIPv4(v) || net.isIPv6(v) || /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,252}$/.test(v), 'must be a host name or an IP address (Unix sockets: use DATABASE_URL)')
    .optional(),
  DATABASE_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  DATABASE_NAME: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}$/, 'must be 1–63 letters, digits, _ . or - (other names: use DATABASE_URL)').optional(),
  DATABASE_USER: z.string().min(1).max(63, 'must be at most 63 bytes (a PostgreSQL role name)').optional(),
  /** Any characters; with DATABASE_HOST, or added to a DATABASE_URL that has none. */
  DATABASE_PASSWORD: z.string().optional(),
  DATA_DIR: z.string().min(1).default(path.join(repoRoot, '.data')),
  EMBEDDED_PG_PORT: port.default(0),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** Restarts in a row of an embedded PostgreSQL that died before the server gives up and
   * reports itself unhealthy on /healthz (0: never restart). */
  EMBEDDED_PG_MAX_RESTARTS: z.coerce.number().int().min(0).max(100).default(5),
  /** Pause before the first restart, doubled per failed attempt (at most 30 s). */
  EMBEDDED_PG_RESTART_BACKOFF_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  /** Longest a /readyz database probe may take before it answers 503. */
  READYZ_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(2_000),
  /** Longest a graceful shutdown may take; then the embedded PostgreSQL is stopped at once
   * and the process exits with status 1. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
  /** How long a request (or a job) waits for a free pooled connection before it fails:
   * a clear error beats a request that hangs behind an exhausted pool. */
  DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  SEED_CUSTOMERS: z.coerce.number().int().min(0).default(2000),
  SEED_INTERACTIONS: z.coerce.number().int().min(0).default(50000),
  MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(200),
  /** Lists and their nested connections read in one statement built from the GraphQL
   * selection (src/graphql/read-plan.ts); `off` reads them through DataLoaders only. The
   * two return the same data (test/read-plan.test.ts); `off` is for comparison. */
  READ_PLAN: z.enum(['on', 'off']).default('on'),
  /** `on`: a request's full reads of personal data are appended to a local spool file
   * and its answer leaves; they reach the access_log table by group commit after it, and a
   * server started after a crash writes what a dead process's spool holds. `off`: the
   * answer waits until its rows are committed (for a server without a lasting local disk).
   * (docs/developers/decisions.md#the-access-log-spooled-before-the-answer) */
  ACCESS_LOG_SPOOL: z.enum(['on', 'off']).default('on'),
  /** Where the spool files are (default DATA_DIR/access-log; one directory per database
   * under it). A server must find its predecessor's files there: in a container, a volume. */
  ACCESS_LOG_SPOOL_DIR: z.string().min(1).optional(),
  /** `jit`: operations compiled once by graphql-jit and run as functions (the schema's own
   * resolvers and guards); `graphql-js`: graphql-js's interpreter. */
  GRAPHQL_EXECUTOR: z.enum(['jit', 'graphql-js']).default('jit'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Key ring for fields encrypted at rest: `id:base64key[,id:base64key…]`, 32-byte keys,
   * the first is current (src/crypto/keyring.ts); dev: generated once under DATA_DIR/secrets. */
  ENCRYPTION_KEY: z
    .string()
    .superRefine((v, ctx) => {
      const problem = keyRingProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  // Sign-in protection and sessions (modules/identity; docs/operators/sign-in-protection.md).
  /** Failed sign-ins for one email (known or not) before every further try waits a backoff. */
  LOGIN_ACCOUNT_FREE_FAILURES: z.coerce.number().int().min(0).max(1_000).default(5),
  /** Failed sign-ins for one email (tries refused by the backoff count too) that lock it for
   * LOGIN_LOCKOUT_SECONDS; an ADMIN lifts a lock early with unlockUser. */
  LOGIN_ACCOUNT_LOCK_FAILURES: z.coerce.number().int().min(1).max(10_000).default(10),
  /** The same two limits per client address, over every email it tries; refreshToken
   * failures are counted per address separately with the same limits. */
  LOGIN_ADDRESS_FREE_FAILURES: z.coerce.number().int().min(0).max(100_000).default(20),
  LOGIN_ADDRESS_LOCK_FAILURES: z.coerce.number().int().min(1).max(1_000_000).default(100),
  /** First backoff wait, doubled per further failure up to LOGIN_BACKOFF_MAX_MS. */
  LOGIN_BACKOFF_BASE_MS: z.coerce.number().int().min(0).max(600_000).default(1_000),
  LOGIN_BACKOFF_MAX_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).max(604_800).default(900),
  /** Requests without a token (sign-in, token refresh) per client address and second;
   * more are answered 429 before the body is read. 0: no limit. */
  ANONYMOUS_REQUESTS_PER_SECOND: z.coerce.number().min(0).max(100_000).default(20),
  /** How many such requests an address may send at once before the rate applies. */
  ANONYMOUS_REQUESTS_BURST: z.coerce.number().int().min(1).max(100_000).default(60),
  /** Failures older than this (since the last try) are forgotten. */
  LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(604_800).default(900),
  /** Password hashes computed at once (argon2, one libuv thread and one core each);
   * 0: half the cores, at least 1 and at most 3, so the thread pool keeps a thread free. */
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(0).max(64).default(0),
  /** CPU priority (nice, 0–19) of the process computing password hashes: above 0 a
   * sign-in flood uses idle CPU only and authenticated requests run first. */
  PASSWORD_HASH_NICE: z.coerce.number().int().min(0).max(19).default(10),
  /** Sign-ins waiting for a hashing slot; one more is refused with TOO_MANY_REQUESTS (429). */
  PASSWORD_HASH_QUEUE_MAX: z.coerce.number().int().min(0).max(10_000).default(8),
  /** How long a request may reuse another's check of the same token's user and session.
   * Changes made through this server take effect at once; others (another instance, SQL)
   * within this time. 0: every request reads the database. */
  SESSION_CHECK_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  /** Behind a reverse proxy: `true` (trust X-Forwarded-For), a hop count, or a comma list
   * of proxy addresses/CIDRs, so sign-in limits count the client's address, not the proxy's. */
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2}|[0-9A-Fa-f:./]+(\s*,\s*[0-9A-Fa-f:./]+)*)$/, 'must be true, false, a hop count or a comma list of addresses/CIDRs')
    .default('false'),
  MAX_QUERY_DEPTH: z.coerce.number().int().min(2).max(30).default(10),
  MAX_QUERY_ALIASES: z.coerce.number().int().min(1).max(100).default(15),
  MAX_QUERY_COST: z.coerce.number().int().min(100).max(1_000_000).default(20_000),
  MAX_QUERY_TOKENS: z.coerce.number().int().min(100).max(100_000).default(2_000),
  ARCHIVE_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(2_555),
  ARCHIVE_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(1_000),
  // Background jobs (modules/job): the worker runs inside the server unless turned off,
  // e.g. when dedicated `jobs:work` processes do the work.
  JOB_WORKER: z.enum(['on', 'off']).default('on'),
  JOB_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  JOB_HEARTBEAT_MS: z.coerce.number().int().min(10).max(60_000).default(5_000),
  /** A RUNNING job whose heartbeat is older than this belonged to a worker that died. */
  JOB_STALE_MS: z.coerce.number().int().min(50).max(3_600_000).default(60_000),
  JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1_000).default(10),
  /** Connections of the worker's own pool: jobs never take the API's connections, and
   * the API never starves a job of its own. */
  JOB_POOL_MAX: z.coerce.number().int().min(2).max(50).default(4),
  /** A batch still running after this long stops heartbeating its lease, so the job is
   * re-queued (and failed after JOB_MAX_ATTEMPTS) instead of holding its slot forever. */
  JOB_STEP_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(3_600_000),
  /** Pause between batches, to leave room for interactive traffic on a busy database. */
  JOB_BATCH_PAUSE_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  /** Cron (5 fields, UTC) for the lifecycle classification; unset: only on demand. */
  LIFECYCLE_SCHEDULE: cronSetting,
  /** Cron (5 fields, UTC) for the retention sweep; unset: only on demand. */
  RETENTION_SCHEDULE: cronSetting,
  // 'off' or a cron: the bin's due purges were asked for by a person, so they run by default.
  RECYCLE_BIN_SCHEDULE: z
    .string()
    .superRefine((v, ctx) => {
      const problem = v === 'off' ? undefined : cronProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: `${problem} (or off)` });
    })
    .optional(),
  /** Where backups are written (default DATA_DIR/backups). */
  BACKUP_DIR: z.string().min(1).optional(),
  /** HMAC key sealing backups; dev: generated once under DATA_DIR/secrets. */
  BACKUP_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  BACKUP_SCHEDULE: cronSetting,
  BACKUP_DRILL_SCHEDULE: cronSetting,
  BACKUP_KEEP_DAILY: z.coerce.number().int().min(1).max(366).default(7),
  BACKUP_KEEP_WEEKLY: z.coerce.number().int().min(0).max(520).default(4),
  // Archive search (src/search/search-engine.ts decides which engine answers).
  /** auto: MEILI_HOST when set, else the embedded Meilisearch in development (when its
   * binary is installed), else PostgreSQL; meilisearch: MEILI_HOST or the embedded one
   * (refusing to start without either); postgres: the PostgreSQL engine. */
  SEARCH_ENGINE: z.enum(['auto', 'meilisearch', 'postgres']).default('auto'),
  /** A Meilisearch binary for the embedded engine instead of the packaged one (other platforms). */
  MEILI_BINARY: z.string().min(1).optional(),
  /** Embedded Meilisearch's port on 127.0.0.1 (0: the last one used when free, else any). */
  MEILI_EMBEDDED_PORT: port.default(0),
  /** Restarts in a row of an embedded Meilisearch that died before the server gives up. */
  MEILI_EMBEDDED_MAX_RESTARTS: z.coerce.number().int().min(0).max(100).default(5),
  /** Embedded Meilisearch's indexing memory (its own default is 2/3 of the machine's). */
  MEILI_EMBEDDED_INDEXING_MEMORY: z.string().regex(/^\d+(\.\d+)? ?(B|KiB|MiB|GiB|TiB|kB|MB|GB|TB)$/, 'must be a size such as 1 GiB').default('1 GiB'),
  /** Longest wait for an embedded Meilisearch to answer /health at start. */
  MEILI_START_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  /** Longest a Meilisearch request may take; then the search answers SEARCH_UNAVAILABLE. */
  MEILI_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
  MEILI_HOST: z.string().url('must be a URL such as http://127.0.0.1:7700').optional(),
  MEILI_API_KEY: z.string().min(1).optional(),
  MEILI_INDEX: z.string().regex(/^[A-Za-z0-9_-]{1,400}$/, 'must be letters, digits, _ or -').default('archived_customers'),
  MEILI_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(1_000),
  MEILI_TASK_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /** PostgreSQL engine: matches collected, scored, counted and faceted per query at most. */
  SEARCH_CANDIDATE_LIMIT: z.coerce.number().int().min(100).max(1_000_000).default(1_000),
  /** The outbox drain runs inside the server unless turned off (e.g. a `search:sync` process does it). */
  SEARCH_SYNC: z.enum(['on', 'off']).default('on'),
  SEARCH_SYNC_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  /** Outbox rows a drain round applies at most: every Meilisearch write has a fixed cost,
   * so a backlog drains in large rounds (docs/developers/decisions.md#search-sync-in-large-rounds);
   * a round claims only what is due, so a single change still goes alone. */
  SEARCH_SYNC_BATCH: z.coerce.number().int().min(1).max(10_000).default(5_000),
  /** Longest wait before retrying an outbox row whose apply failed (doubling from 1 s). */
  SEARCH_SYNC_MAX_BACKOFF_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
  /** How long outbox rows a drain or reindex batch is applying stay hidden from other
   * drainers (src/search/guarded-apply.ts): after a crash mid-apply the index catches up
   * this much later. Shorter than an apply only costs repeated work, never a change. */
  SEARCH_APPLY_LEASE_MS: z.coerce.number().int().min(100).max(3_600_000).default(90_000),
  // Data cleanup (modules/cleanup, modules/classification).
  /** Country whose numbering plan reads phone numbers without a country code, when the
   * customer's region does not name a country libphonenumber knows. */
  PHONE_DEFAULT_REGION: z
    .string()
    .refine((v) => isSupportedCountry(v), 'must be an ISO 3166-1 alpha-2 country code libphonenumber knows, e.g. CN')
    .default('CN'),
  /** Neither edited nor contacted for this many years: the data-quality list calls it outdated. */
  DATA_QUALITY_OUTDATED_YEARS: z.coerce.number().int().min(1).max(50).default(3),
  /** Cron (5 fields, UTC) for counting data-quality issues for cleanupStats; a database
   * never counted is counted at once. Unset: only on demand (development: daily 02:30). */
  DATA_QUALITY_SCHEDULE: cronSetting,
  /** pg_trgm similarity (0–1) from which two names in one region count as similar. */
  DUPLICATE_NAME_SIMILARITY: z.coerce.number().min(0.3).max(1).default(0.6),
  /** Largest customer file an import accepts (bytes; refused with 413 past it). */
  IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(50 * 1024 * 1024),
  /** Most data rows one customer import may hold. */
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(10_000_000).default(200_000),
  /** Trigrams shared by more customers of one region than this are too common to block on. */
  DUPLICATE_TRIGRAM_BLOCK_MAX: z.coerce.number().int().min(2).max(100_000).default(50),
  /** Most customers one bulkTagCustomers call may change (one audit event each). */
  BULK_TAG_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  /** Minutes during which a person may undo their own void, archive, bulk tag or
   * normalization (undoOperation); what it changed is kept that long. */
  UNDO_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  // Governance (modules/recycle-bin, modules/approval, policy/four-eyes.ts).
  /** Days a purge waits in the recycle bin, where it can be cancelled, before the retention
   * sweep carries it out. An immediate purge needs an approved four-eyes request. */
  PURGE_DELAY_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  /** Days the export of a carried-out purge stays readable in the recycle bin (then the
   * sweep removes it; the audit tombstone stays). */
  PURGE_EXPORT_KEEP_DAYS: z.coerce.number().int().min(0).max(3650).default(7),
  /** Operations that need a second person (four-eyes), comma-separated: any of
   * ERASE_PERSONAL_DATA, ARCHIVE_CUSTOMERS, RESTORE_HELD, ENABLE_ARCHIVE_POLICY,
   * ROTATE_ENCRYPTION_KEYS. PURGE_NOW always needs one. */
  APPROVAL_REQUIRED: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(['ERASE_PERSONAL_DATA', 'ARCHIVE_CUSTOMERS', 'RESTORE_HELD', 'ENABLE_ARCHIVE_POLICY', 'ROTATE_ENCRYPTION_KEYS']))),
  /** With ARCHIVE_CUSTOMERS in APPROVAL_REQUIRED: archiving this many customers or more in one call needs approval. */
  APPROVAL_BULK_ARCHIVE_MIN: z.coerce.number().int().min(1).max(1_000_000).default(100),
  /** Hours a four-eyes request waits for a decision before it expires (and can no longer run). */
  APPROVAL_EXPIRY_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(72),
  // Operations (http/metrics.ts, graphql/persisted-operations.ts).
  /** Bearer token for GET /metrics; production serves /metrics only when it is set. */
  METRICS_TOKEN: z.string().regex(/^[A-Za-z0-9._~+/=-]{24,}$/, 'must be at least 24 characters of A-Z a-z 0-9 . _ ~ + / = -').optional(),
  /** off: no persisted queries; allow: registered hashes, APQ and plain documents; only: registered operations alone. */
  PERSISTED_OPERATIONS: z.enum(['off', 'allow', 'only']).default('allow'),
  /** The registry of operations (generated by `pnpm --filter @custos/schema generate`). */
  PERSISTED_OPERATIONS_FILE: z.string().min(1).default(path.join(repoRoot, 'packages', 'schema', 'persisted-operations.json')),
  // Tracing (src/telemetry/).
  /** OTLP/HTTP collector for trace spans (e.g. http://127.0.0.1:4318; spans go to its
   * /v1/traces). Unset: no span is recorded or sent; traceparent ids are still honoured,
   * logged and handed to queued jobs. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url('must be a URL such as http://127.0.0.1:4318').optional(),
  /** The `service.name` the spans carry. */
  OTEL_SERVICE_NAME: z.string().min(1).max(100).default('custos'),
}).superRefine((env, ctx) => {
  // Development generates a secret under DATA_DIR; production must be told one.
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required when NODE_ENV=production (or JWT_SECRET_FILE)' });
  }
  if (env.NODE_ENV === 'production' && !env.ENCRYPTION_KEY) {
    ctx.addIssue({ code: 'custom', path: ['ENCRYPTION_KEY'], message: 'is required when NODE_ENV=production, or ENCRYPTION_KEY_FILE (id:base64key, e.g. k1:$(openssl rand -base64 32))' });
  }
  if (env.JOB_STALE_MS < env.JOB_HEARTBEAT_MS * 3) {
    ctx.addIssue({ code: 'custom', path: ['JOB_STALE_MS'], message: 'must be at least three times JOB_HEARTBEAT_MS' });
  }
  if (env.SEARCH_ENGINE === 'meilisearch' && env.NODE_ENV === 'production' && !env.MEILI_HOST) {
    ctx.addIssue({ code: 'custom', path: ['MEILI_HOST'], message: 'is required with SEARCH_ENGINE=meilisearch when NODE_ENV=production (the embedded engine is for development and tests)' });
  }
  if (env.MEILI_API_KEY && !env.MEILI_HOST) {
    ctx.addIssue({ code: 'custom', path: ['MEILI_API_KEY'], message: 'is set but MEILI_HOST is not' });
  }
  if (env.NODE_ENV === 'production' && !env.DATABASE_URL && !env.DATABASE_HOST) {
    ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required when NODE_ENV=production (or DATABASE_HOST with DATABASE_USER, DATABASE_PASSWORD…)' });
  }
  databaseSettingsProblems(env, ctx);
});

type Env = z.infer<typeof schema>;

/** Held in the config as part of DATABASE_URL; one copy of a secret is enough. */
export type Config = Readonly<Omit<Env, 'DATABASE_PASSWORD'> & { repoRoot: string; isProduction: boolean }>;

export class ConfigError extends Error {}

/**
 * The only place that reads `process.env`. Every value is validated up front so a bad
 * setting stops the start with a message naming the variable, not a crash later.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned: Record<string, string> = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
  const files = readSecretFiles(cleaned);
  const parsed = schema.safeParse(files.env);
  const lines = files.problems.map((problem) => `  ${problem}`);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '');
      // "is required" after a secret file could not be read would only repeat that.
      if (files.failed.has(name)) continue;
      const label = files.read.has(name) ? `${name} (read from ${name}_FILE)` : issue.path.join('.');
      lines.push(`  ${label}: ${issue.message}`);
    }
  }
  if (!parsed.success || lines.length) throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  const { DATABASE_PASSWORD: _password, ...data } = parsed.data;
  // The demo should show data-quality figures without anyone scheduling a count.
  const DATA_QUALITY_SCHEDULE = data.DATA_QUALITY_SCHEDULE ?? (data.NODE_ENV === 'development' ? '30 2 * * *' : undefined);
  // A purge scheduled into the recycle bin happens when its countdown ends, without anyone
  // having to schedule the retention sweep; tests start workers at will and opt in.
  const binSchedule = data.RECYCLE_BIN_SCHEDULE ?? (data.NODE_ENV === 'test' ? 'off' : '15 * * * *');
  const RECYCLE_BIN_SCHEDULE = binSchedule === 'off' ? undefined : binSchedule;
  return Object.freeze({
    ...data,
    DATABASE_URL: composeDatabaseUrl(parsed.data),
    DATA_QUALITY_SCHEDULE,
    RECYCLE_BIN_SCHEDULE,
    repoRoot,
    isProduction: data.NODE_ENV === 'production',
  });
}

/** Every variable Custos reads (the deployment files are checked against this list). */
export const CONFIG_VARIABLES: readonly string[] = [...Object.keys(schema.shape), ...FILE_SECRETS.map((name) => `${name}_FILE`)];
