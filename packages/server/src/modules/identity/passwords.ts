import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, t=3, p=4): ~130 ms a hash here. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

// Verifying against this when the email is unknown keeps the response time the same,
// so timing does not tell which emails have accounts.
let dummy: Promise<string> | undefined;

export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    dummy ??= hashPassword('custos-dummy-password');
    await argon2.verify(await dummy, password).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
