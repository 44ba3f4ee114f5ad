import { identityNodes } from './identity.nodes.js';
import { PublicErrorCode } from '../../common/domain-error.js';
import type { ModuleManifest } from '../../core/module.js';
import { IdentityErrorCode } from './identity.errors.js';
import { createAdminCommand, readPassword } from './user.cli.js';
import { AuditEventActorResolver, UserResolver } from './user.resolver.js';

/** Staff users, sign-in, sessions. */
export const identityModule: ModuleManifest = {
  name: 'identity',
  resolvers: [UserResolver, AuditEventActorResolver],
  nodes: identityNodes,
  errors: {
    [IdentityErrorCode.INVALID_TOKEN]: PublicErrorCode.UNAUTHENTICATED,
    [IdentityErrorCode.LOGIN_FAILED]: PublicErrorCode.UNAUTHENTICATED,
    [IdentityErrorCode.USER_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
    [IdentityErrorCode.EMAIL_TAKEN]: PublicErrorCode.BAD_USER_INPUT,
    [IdentityErrorCode.LAST_ADMIN]: PublicErrorCode.INVALID_STATE,
    [IdentityErrorCode.SIGN_IN_THROTTLED]: PublicErrorCode.TOO_MANY_REQUESTS,
    [IdentityErrorCode.SIGN_IN_LOCKED]: PublicErrorCode.TOO_MANY_REQUESTS,
    [IdentityErrorCode.SIGN_IN_BUSY]: PublicErrorCode.TOO_MANY_REQUESTS,
    [IdentityErrorCode.ANONYMOUS_RATE]: PublicErrorCode.TOO_MANY_REQUESTS,
  } satisfies Record<IdentityErrorCode, PublicErrorCode>,
  commands: [
    {
      name: 'users:create-admin',
      args: '--email E --name N',
      summary: 'create an ADMIN user; the password is read from standard input',
      options: ['email', 'name'],
      async run({ options, config, say, database }) {
        const password = await readPassword();
        await createAdminCommand((await database()).orm, config, options.email, options.name, password, say);
      },
    },
  ],
};
