import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';
import type { PublicErrorCode } from '../common/domain-error.js';
import type { Config } from '../config.js';
import type { RequestContext } from './context.js';
import type { TokenSigner } from './tokens.js';

/**
 * What a domain module contributes to the application. Each module folder has one
 * `<name>.module.ts` exporting its manifest; the composition root (src/app/) lists the
 * manifests once and builds the GraphQL schema, the error map, the job registry, the
 * worker's schedules and the console commands from them. Nothing below the root imports
 * the root, so adding a module means one manifest and one line in app/modules.ts.
 */
export interface ModuleManifest {
  name: string;
  /** type-graphql resolver classes. */
  resolvers?: readonly Function[];
  /** How `node(id)` reads each of the module's Node types (src/graphql/node.ts: NodeType). */
  nodes?: readonly NodeSource[];
  /** Every code of the module's error enum, mapped to the public `extensions.code`
   * (declare it `satisfies Record<XErrorCode, PublicErrorCode>` so none is forgotten). */
  errors?: Readonly<Record<string, PublicErrorCode>>;
  /** Job handlers (modules/job JobHandler), one per job kind the module runs. */
  jobs?: readonly { readonly kind: string }[];
  /** Tasks the job worker runs on each poll (cron schedules), from the configuration. */
  schedules?: (config: Config) => readonly ((ctx: RequestContext) => Promise<void>)[];
  /** Console commands (`custos <name>`). */
  commands?: readonly ConsoleCommand[];
  /** HTTP routes beside /graphql (uploads and downloads GraphQL cannot carry well). */
  routes?: (app: FastifyInstance, deps: RouteDeps) => void;
}

/** What a module's HTTP routes get from the server. */
export interface RouteDeps {
  orm: MikroORM;
  config: Config;
  tokens: TokenSigner;
}

/** What a console command gets from the entry point. */
export interface CommandRun {
  /** The `--name value` options the command declared. */
  options: Record<string, string | undefined>;
  config: Config;
  /** A progress line on standard error. */
  say: (message: string) => void;
  /** The configured database, migrated and opened once; the entry point closes it. */
  database(): Promise<{ orm: MikroORM; url: string }>;
  /** Runs a job the command queued here to the end, with progress lines in `unit`s and
   * every handler of this build; another worker never takes it. */
  runJob(job: { id: string }, unit: string): Promise<{ state: string; result: unknown; error: string | null } | undefined>;
}

export interface ConsoleCommand {
  name: string;
  /** Its arguments as the help shows them (`--file F`). */
  args?: string;
  /** What it does, for the help. */
  summary: string;
  /** The string options it takes (`--reason`, `--file`…). */
  options?: readonly string[];
  /** Prints without touching stored data: the key ring is not loaded. */
  offline?: boolean;
  /** Resolves to false when the command failed (exit code 1). */
  run(run: CommandRun): Promise<boolean | void>;
}

/** How `node(id)`/`nodes(ids)` read one Node type: exactly as that type's own query reads it
 * (same action check, same row rule; the type's field guards apply anyway). Null for an id
 * that does not exist or that the caller may not see. Batched: one call per type per
 * request tick (a DataLoader), so it must read all `ids` in a set-based statement. */
export interface NodeSource {
  type: string;
  load(ctx: RequestContext, ids: readonly string[]): Promise<readonly (object | null | undefined)[]>;
}
