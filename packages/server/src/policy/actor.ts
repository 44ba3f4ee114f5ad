import type { Role } from './role.js';

/** Who is making a request: checked against the database once per operation. */
export interface Actor {
  userId: string;
  role: Role;
  email: string;
}

/** What the policy needs to know of a request: who is asking (null before sign-in). */
export interface Subject {
  actor: Actor | null;
}

/** A subject whose full reads of personal data are logged. */
export interface LoggedSubject extends Subject {
  accessLog: { record(entityType: string, field: string, id: string): void };
}
