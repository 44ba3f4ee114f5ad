import pg from 'pg';
import { hashPassword } from '../identity/passwords.js';
import { isDatabaseEmpty, seedDemoData } from './seed.service.js';
import { connectClient } from '../../db/pg-client.js';

export interface SeedSize {
  customers: number;
  interactions: number;
}

/** Prints progress as one updating line on a terminal, one line per step otherwise. */
export function progressPrinter(say: (msg: string) => void) {
  const tty = process.stdout.isTTY;
  return (p: { phase: string; done: number; total: number }) => {
    const pct = p.total ? Math.floor((p.done / p.total) * 100) : 100;
    const line = `seeding ${p.phase}: ${p.done.toLocaleString('en')} / ${p.total.toLocaleString('en')} (${pct}%)`;
    if (tty) process.stdout.write(`\r[custos] ${line}   ${p.done === p.total ? '\n' : ''}`);
    else say(line);
  };
}

/** The demo users' shared password (development data only; API.md lists the users). */
export const DEMO_PASSWORD = 'custos-demo';

/** Gives demo users without a password the demo password, so they can sign in. */
async function setDemoPasswords(client: pg.ClientBase, hash: string): Promise<void> {
  await client.query(`update app_user set password_hash = $1 where password_hash is null and email like '%@example.com'`, [hash]);
}

export async function seedDatabase(url: string, size: SeedSize, say: (msg: string) => void) {
  // The password's hash (argon2: 0.7–1.2 s on a busy machine) is computed on libuv's
  // threads while PostgreSQL does the seeding, not after it, on a first start's path.
  const hashing = hashPassword(DEMO_PASSWORD);
  hashing.catch(() => undefined); // awaited below; not an unhandled rejection should the seed fail first
  const client = await connectClient(url, 'custos-seed');
  try {
    const result = await seedDemoData(client, { ...size, onProgress: progressPrinter(say) });
    await setDemoPasswords(client, await hashing);
    say(`seeded ${result.customers} customers and ${result.interactions} interactions in ${result.ms} ms`);
    return result;
  } finally {
    await client.end();
  }
}

/** Seeds demo data into an empty development database; an existing one is left alone. */
export async function seedIfEmpty(url: string, size: SeedSize, say: (msg: string) => void): Promise<void> {
  const client = await connectClient(url, 'custos-seed');
  let empty: boolean;
  try {
    empty = await isDatabaseEmpty(client);
  } finally {
    await client.end();
  }
  if (!empty) return;
  say('empty database: seeding demo data (development only)');
  await seedDatabase(url, size, say);
}
