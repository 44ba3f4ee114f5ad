import type { Role } from './role.js';

/** Who is making a request: checked against the database once per operation. */
export interface Actor {
  userId: string;
  role: Role;
  email: string;
}

/** What a verified access token says, before the database confirms the user. */
export interface TokenClaims {
  userId: string;
  tokenVersion: number;
  /** The session (sign-in) the token belongs to; tokens minted by tools carry none and
   * are bound to the token version alone. */
  sessionId?: string;
}
