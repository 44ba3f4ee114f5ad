import { ConfigError } from '../../config.js';
import type { ModuleManifest } from '../../core/module.js';
import { seedDatabase } from './seed.runner.js';

/** Demo data for development. */
export const seedModule: ModuleManifest = {
  name: 'seed',
  commands: [
    {
      name: 'seed',
      args: '[--customers N] [--interactions M]',
      summary: 'add demo data (development only; default 2000 / 50000)',
      options: ['customers', 'interactions'],
      async run({ options, config, say, database }) {
        if (config.isProduction) throw new ConfigError('seed refuses to run with NODE_ENV=production');
        const customers = Number(options.customers ?? config.SEED_CUSTOMERS);
        const interactions = Number(options.interactions ?? (options.customers ? customers * 10 : config.SEED_INTERACTIONS));
        if (!Number.isInteger(customers) || customers < 0 || !Number.isInteger(interactions) || interactions < 0) {
          throw new ConfigError('--customers and --interactions must be non-negative whole numbers');
        }
        await seedDatabase((await database()).url, { customers, interactions }, say);
      },
    },
  ],
};
