import pg from 'pg';
import { connectClient } from './pg-client.js';

/**
 * Creates a UTF-8 database whose collation comes from ICU (`und`) and whose ctype is
 * C.utf8: pg_trgm then yields trigrams for Chinese text, and names sort the way
 * people expect (case-insensitive Latin) instead of by code point.
 */
export async function createDatabase(adminUrl: string, name: string): Promise<void> {
  const client = await connectClient(adminUrl, 'custos-admin');
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      await client.query(
        `create database ${pg.escapeIdentifier(name)} template template0 encoding 'UTF8' ` +
          `locale_provider icu icu_locale 'und' locale 'C.utf8'`,
      );
    }
  } finally {
    await client.end();
  }
}

/** Drops a database, ending its sessions first (restore drills clean up after themselves). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = await connectClient(adminUrl, 'custos-admin');
  try {
    await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
  } finally {
    await client.end();
  }
}

/** Drops every database whose name starts with `prefix` (a job's scratch databases). */
export async function dropDatabasesStartingWith(serverUrl: string, prefix: string): Promise<void> {
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const client = await connectClient(admin.toString(), 'custos-admin');
  try {
    const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where left(datname, length($1)) = $1`, [prefix]);
    for (const { datname } of rows) await client.query(`drop database if exists ${pg.escapeIdentifier(datname)} with (force)`);
  } finally {
    await client.end();
  }
}
