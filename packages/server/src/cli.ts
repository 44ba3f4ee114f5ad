import 'reflect-metadata';
import { runCli } from './app/cli.js';
import { DomainError } from './common/domain-error.js';
import { ConfigError } from './config.js';

runCli(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof ConfigError || error instanceof DomainError ? error.message : error);
  process.exit(1);
});
