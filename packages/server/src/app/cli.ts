import { parseArgs } from 'node:util';
import { printSchema } from 'graphql';
import { startTracing } from '../telemetry/tracing.js';
import { loadConfig, type Config } from '../config.js';
import type { ConsoleCommand, CommandRun } from '../core/module.js';
import { installKeyRing, loadKeyRing } from '../crypto/keyring.js';
import { openDatabase, type Database } from '../db/database.js';
import { onShutdownSignal } from '../shutdown-signals.js';
import { createJobWorker, runJobInForeground } from './jobs.js';
import { MODULES } from './modules.js';
import { buildAppSchema } from './schema.js';

/** Commands of the application as a whole; the modules contribute the rest. */
const APP_COMMANDS: ConsoleCommand[] = [
  {
    name: 'migrate',
    summary: 'apply pending migrations',
    async run({ database, say }) {
      await database();
      say('migrations applied');
    },
  },
  {
    name: 'schema:print',
    summary: 'print the GraphQL schema (SDL) to stdout',
    offline: true,
    async run() {
      process.stdout.write(`${printSchema(await buildAppSchema())}\n`);
    },
  },
  {
    name: 'permissions:print',
    summary: 'print docs/api-clients/permissions.md, from the permission policy',
    offline: true,
    async run() {
      const { permissionsDoc } = await import('../policy/permissions-doc.js');
      process.stdout.write(permissionsDoc());
    },
  },
  {
    name: 'policy:fields',
    summary: "print each guarded field's access per role (JSON) to stdout",
    offline: true,
    async run() {
      const { printFieldAccess } = await import('../policy/permissions.js');
      process.stdout.write(printFieldAccess());
    },
  },
  {
    name: 'jobs:work',
    summary: 'run a job worker (and the schedules) until SIGINT/SIGTERM',
    async run({ database, config, say }) {
      const worker = createJobWorker((await database()).orm, config, { log: say });
      worker.start();
      say(`job worker ${worker.id} started`);
      await new Promise<void>((resolve) => onShutdownSignal(() => resolve()));
      say('stopping: finishing the current batch');
      await worker.stop();
      say('stopped');
    },
  },
];

export const COMMANDS: readonly ConsoleCommand[] = [...APP_COMMANDS, ...MODULES.flatMap((m) => m.commands ?? [])];

export function usage(): string {
  const lines = COMMANDS.map((c) => {
    const head = `  ${c.name}${c.args ? ` ${c.args}` : ''}`;
    return head.length < 34 ? `${head.padEnd(35)}${c.summary}` : `${head}\n${' '.repeat(35)}${c.summary}`;
  });
  return `Usage: custos <command> [options]\n\nCommands:\n${lines.join('\n')}\n`;
}

const say = (msg: string) => process.stderr.write(`[custos] ${msg}\n`);

/** Runs one console command; sets the exit code when it failed. */
export async function runCli(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(usage());
    process.exitCode = name ? 1 : 0;
    return;
  }
  const config: Config = loadConfig();
  if (!command.offline) installKeyRing(loadKeyRing(config));
  // `jobs:work` and the commands that run jobs trace them like the server does.
  const tracing = command.offline ? undefined : startTracing(config);
  const { values } = parseArgs({
    args: rest,
    options: Object.fromEntries((command.options ?? []).map((o) => [o, { type: 'string' as const }])),
  });
  let db: Promise<Database> | undefined;
  const run: CommandRun = {
    options: values as Record<string, string | undefined>,
    config,
    say,
    database: async () => {
      const opened = await (db ??= openDatabase(config, say));
      return { orm: opened.orm, url: opened.url };
    },
    runJob: async (job, unit) => runJobInForeground((await run.database()).orm, config, job, unit, say),
  };
  try {
    if ((await command.run(run)) === false) process.exitCode = 1;
  } finally {
    if (db) await (await db).close();
    await tracing?.shutdown();
  }
}

