import type { ModuleManifest } from '../../core/module.js';
import { rotateKeysCommand } from './rotation.cli.js';
import { rotateKeysHandler } from './rotation.job.js';
import { KeyRotationResolver } from './rotation.resolver.js';

/** Key rotation of the encrypted values. */
export const encryptionModule: ModuleManifest = {
  name: 'encryption',
  resolvers: [KeyRotationResolver],
  jobs: [rotateKeysHandler],
  commands: [
    {
      name: 'keys:rotate',
      args: '[--reason R]',
      summary: 're-encrypt every sensitive value not under the current ENCRYPTION_KEY (and legacy plaintext) as a job run here; exit 1 unless all done',
      options: ['reason'],
      run: async ({ options, config, say, database, runJob }) => rotateKeysCommand((await database()).orm, config, options.reason, say, runJob),
    },
  ],
};
