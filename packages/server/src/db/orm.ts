import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, defineConfig } from '@mikro-orm/postgresql';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { CustomerEntity } from '../modules/customer/customer.entity.js';
import { UserEntity } from '../modules/identity/user.entity.js';
import { migrationsList } from './migrations/index.js';

export const entities = [UserEntity, CustomerEntity];

export function ormOptions(url: string, poolMax: number, debug = false) {
  return defineConfig({
    clientUrl: url,
    entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    migrations: { migrationsList, snapshot: false, transactional: true, allOrNothing: true, silent: true },
    pool: { min: 0, max: poolMax },
    // Lists are read with hand-written SQL; entities serve writes only, so nothing
    // should be loaded implicitly behind a resolver's back.
    forceUndefined: false,
    debug,
    discovery: { warnWhenNoEntities: true },
  });
}

/** Opens the ORM and migrates: to the latest migration, or only up to `migrateTo` (a
 * restore recreates the schema a backup was taken at). */
export async function openOrm(url: string, poolMax: number, options: { migrateTo?: string } = {}): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(url, poolMax));
  try {
    await orm.migrator.up(options.migrateTo ? { to: options.migrateTo } : undefined);
  } catch (error) {
    await orm.close(true);
    throw error;
  }
  return orm;
}
