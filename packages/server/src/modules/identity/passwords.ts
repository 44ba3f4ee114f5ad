import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, t=3, p=4), in this process: for the
 * console and the seed. The server hashes in its niced child process (hash-process.ts). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}
