import { validate } from 'class-validator';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ConfigError, type Config } from '../../config.js';
import { createRequestContext, inTransaction } from '../../core/context.js';
import { jwtSecret } from '../../secrets.js';
import { hashPassword } from './passwords.js';
import { Role } from '../../policy/role.js';
import { TokenSigner } from '../../core/tokens.js';
import { CreateUserInput } from './user.inputs.js';
import { insertUser } from './user.service.js';

/** Reads the password from standard input, so it never shows in `ps` or shell history. */
export async function readPassword(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  let text = '';
  for await (const chunk of stdin) text += chunk.toString();
  return text.replace(/\r?\n$/, '');
}

/**
 * `users:create-admin --email E --name N < password`: the first ADMIN of a production
 * database (which has no demo users), or a new one when every admin is locked out. The
 * same rules as the createUser mutation; audited as the system with the console as reason.
 */
export async function createAdminCommand(
  orm: MikroORM,
  config: Config,
  email: string | undefined,
  displayName: string | undefined,
  password: string,
  say: (m: string) => void,
): Promise<string> {
  const input = Object.assign(new CreateUserInput(), { email: email ?? '', displayName: displayName ?? '', role: Role.ADMIN, password });
  const problems = (await validate(input)).flatMap((e) => Object.values(e.constraints ?? {}));
  if (problems.length > 0) throw new ConfigError(`users:create-admin: ${problems.join('; ')} (the password is read from standard input)`);
  const ctx = createRequestContext(orm, config, new TokenSigner(jwtSecret(config), config.ACCESS_TOKEN_TTL_SECONDS), `cli:users:create-admin:${process.pid}`);
  const user = await inTransaction(ctx, async (tx) => insertUser(tx, input, await hashPassword(password), 'created from the console (users:create-admin)'));
  say(`admin ${user.email} created (user ${user.id})`);
  return user.id;
}
