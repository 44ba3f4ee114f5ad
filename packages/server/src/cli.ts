import 'reflect-metadata';
import { printFieldAccess } from './policy/permissions.js';
import { parseArgs } from 'node:util';
import { printSchema } from 'graphql';
import { DomainError } from './common/domain-error.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { buildAppSchema } from './graphql/schema.js';
import { installKeyRing, loadKeyRing } from './crypto/keyring.js';

const USAGE = `Usage: custos <command> [options]

Commands:
  migrate                          apply pending migrations
  seed [--customers N] [--interactions M]
                                   add demo data (development only; default 2000 / 50000)
  schema:print                     print the GraphQL schema (SDL) to stdout
  policy:fields                    print each guarded field's access per role (JSON) to stdout
  audit:verify                     re-compute the audit log's hash chain; exit 1 when broken
  archive:verify                   re-compute every archived row's checksum; exit 1 on a mismatch
  archive:run --policy <id>        run an archive policy to completion in the foreground
  jobs:work                        run a job worker (and the schedules) until SIGINT/SIGTERM
  backup:create [--reason R]       write a backup now (then apply the retention rule)
  backup:list                      list finished backups
  backup:restore --file F          restore a backup into the configured database (it must be empty)
  backup:verify --file F           restore drill into a scratch database; exit 1 on any difference
  backup:expire --id ID            hand a manual backup over to the retention rule (it is kept until then)
  reindex                          rebuild the archive search index (a job, run here to the end)
  search:check                     compare the archive with its search index; exit 1 when they differ
  search:sync                      drain the search outbox until SIGINT/SIGTERM
  users:create-admin --email E --name N
                                   create an ADMIN user; the password is read from standard input
  keys:rotate [--reason R]         re-encrypt every sensitive value not under the current ENCRYPTION_KEY
                                   (and legacy plaintext) as a job run here; exit 1 unless all done
`;

const say = (msg: string) => process.stderr.write(`[custos] ${msg}\n`);

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  if (command !== 'schema:print' && command !== 'policy:fields' && command) installKeyRing(loadKeyRing(config));
  switch (command) {
    case 'schema:print': {
      process.stdout.write(`${printSchema(await buildAppSchema())}\n`);
      return;
    }
    case 'policy:fields': {
      process.stdout.write(printFieldAccess());
      return;
    }
    case 'migrate': {
      const db = await openDatabase(config, say);
      await db.close();
      say('migrations applied');
      return;
    }
    case 'seed': {
      if (config.isProduction) throw new ConfigError('seed refuses to run with NODE_ENV=production');
      const { values } = parseArgs({
        args: rest,
        options: { customers: { type: 'string' }, interactions: { type: 'string' } },
      });
      const customers = Number(values.customers ?? config.SEED_CUSTOMERS);
      const interactions = Number(values.interactions ?? (values.customers ? customers * 10 : config.SEED_INTERACTIONS));
      if (!Number.isInteger(customers) || customers < 0 || !Number.isInteger(interactions) || interactions < 0) {
        throw new ConfigError('--customers and --interactions must be non-negative whole numbers');
      }
      const { seedDatabase } = await import('./modules/seed/seed.runner.js');
      const db = await openDatabase(config, say);
      try {
        await seedDatabase(db.url, { customers, interactions }, say);
      } finally {
        await db.close();
      }
      return;
    }
    case 'audit:verify': {
      const db = await openDatabase(config, say);
      try {
        const em = db.orm.em.fork();
        const { verifyAuditChain } = await import('./modules/audit/audit.service.js');
        const { SqlExecutor } = await import('./db/sql.js');
        const result = await verifyAuditChain(new SqlExecutor(em));
        process.stdout.write(`${JSON.stringify(result)}\n`);
        if (!result.ok) process.exitCode = 1;
      } finally {
        await db.close();
      }
      return;
    }
    case 'archive:verify': {
      const db = await openDatabase(config, say);
      try {
        const { verifyArchiveRows } = await import('./modules/archive/archive.store.js');
        const { SqlExecutor } = await import('./db/sql.js');
        const result = await verifyArchiveRows(new SqlExecutor(db.orm.em.fork()));
        process.stdout.write(`${JSON.stringify(result)}\n`);
        if (!result.ok) process.exitCode = 1;
      } finally {
        await db.close();
      }
      return;
    }
    case 'archive:run': {
      const { values } = parseArgs({ args: rest, options: { policy: { type: 'string' } } });
      if (!values.policy) throw new ConfigError('archive:run needs --policy <id>');
      const { runPolicyInForeground } = await import('./modules/job/job.cli.js');
      const db = await openDatabase(config, say);
      try {
        const state = await runPolicyInForeground(db.orm, config, values.policy, say);
        if (state !== 'SUCCEEDED') process.exitCode = 1;
      } finally {
        await db.close();
      }
      return;
    }
    case 'jobs:work': {
      const { workUntilSignalled } = await import('./modules/job/job.cli.js');
      const db = await openDatabase(config, say);
      try {
        await workUntilSignalled(db.orm, config, say);
      } finally {
        await db.close();
      }
      return;
    }
    case 'backup:create':
    case 'backup:list':
    case 'backup:restore':
    case 'backup:verify':
    case 'backup:expire': {
      const { values } = parseArgs({ args: rest, options: { reason: { type: 'string' }, file: { type: 'string' }, id: { type: 'string' } } });
      const cli = await import('./modules/backup/backup.cli.js');
      if (command === 'backup:create') return cli.backupCreateCommand(config, values.reason, say);
      if (command === 'backup:list') return cli.backupListCommand(config);
      if (command === 'backup:expire') {
        if (!values.id) throw new ConfigError('backup:expire needs --id <backup id>');
        return cli.backupExpireCommand(config, values.id, say);
      }
      if (!values.file) throw new ConfigError(`${command} needs --file <backup file>`);
      if (command === 'backup:restore') return cli.backupRestoreCommand(config, values.file, say);
      if (!(await cli.backupVerifyCommand(config, values.file, say))) process.exitCode = 1;
      return;
    }
    case 'reindex':
    case 'search:check':
    case 'search:sync': {
      const { runSearchCommand } = await import('./modules/search/search.cli.js');
      const db = await openDatabase(config, say);
      try {
        if (!(await runSearchCommand(command, db.orm, config, say))) process.exitCode = 1;
      } finally {
        await db.close();
      }
      return;
    }
    case 'users:create-admin': {
      const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' } } });
      const { createAdminCommand, readPassword } = await import('./modules/identity/user.cli.js');
      const password = await readPassword();
      const db = await openDatabase(config, say);
      try {
        await createAdminCommand(db.orm, config, values.email, values.name, password, say);
      } finally {
        await db.close();
      }
      return;
    }
    case 'keys:rotate': {
      const { values } = parseArgs({ args: rest, options: { reason: { type: 'string' } } });
      const { rotateKeysCommand } = await import('./modules/encryption/rotation.cli.js');
      const db = await openDatabase(config, say);
      try {
        if (!(await rotateKeysCommand(db.orm, config, values.reason, say))) process.exitCode = 1;
      } finally {
        await db.close();
      }
      return;
    }
    default:
      process.stderr.write(USAGE);
      process.exitCode = command ? 1 : 0;
  }
}

run(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof ConfigError || error instanceof DomainError ? error.message : error);
  process.exit(1);
});
