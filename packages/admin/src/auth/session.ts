/**
 * The signed-in session: access token, refresh token and the user's role and
 * permissions, kept in localStorage so a reload or a second tab stays signed in.
 * Access tokens are short-lived (15 minutes by default); they are renewed with the
 * single-use refresh token shortly before they expire.
 */
import type { Access, Role } from './access.ts';
import type { SignInMutation } from '@custos/schema';
import { GRAPHQL_URL } from '../data-provider/schema.ts';
import { DOCUMENTS } from '../data-provider/generated/documents.ts';
import type { OperationResult, OperationVariables } from '../data-provider/operations.ts';
import { ApiError, normalizeError, toApiError, type GraphQLErrorLike } from '../data-provider/errors.ts';

const KEY = 'custos.session';
/** Renew this long before expiry, so a request never leaves with a token about to lapse. */
const RENEW_BEFORE_MS = 60_000;

export interface SessionUser extends Access {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

export interface Session {
  token: string;
  refreshToken?: string;
  /** Epoch milliseconds; absent when the server does not say. */
  expiresAt?: number;
  user: SessionUser;
}

export function loadSession(): Session | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : undefined;
  } catch {
    return undefined;
  }
}

function saveSession(session: Session): void {
  localStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}

/**
 * Ends the session on the server too (its access and refresh tokens stop working at once,
 * so a copied token is of no use after sign-out), then forgets it here. Signing out never
 * fails: a session the server already ended, or a server out of reach, still clears.
 */
export async function signOut(): Promise<void> {
  if (!loadSession()) return;
  try {
    const token = await validToken();
    if (token) await post('SignOut', {}, token);
  } catch {
    // Nothing to do: the local session is cleared below either way.
  } finally {
    clearSession();
  }
}

export function currentAccess(): Access | undefined {
  return loadSession()?.user;
}

type SessionOperation = 'SignIn' | 'RenewSession' | 'Me' | 'SignOut';

/**
 * Auth calls go around Apollo: they must not wait for (or trigger) a token renewal. They
 * send the registered documents (packages/schema/operations/dashboard/session.graphql)
 * as registered, so a server running registered operations only accepts them.
 */
async function post<N extends SessionOperation>(name: N, variables: OperationVariables<N>, token?: string): Promise<OperationResult<N>> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: DOCUMENTS[name], variables }),
    });
  } catch (error) {
    throw normalizeError(error);
  }
  let body: { data?: OperationResult<N>; errors?: GraphQLErrorLike[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(response.status === 401 ? 'UNAUTHENTICATED' : 'NETWORK', `HTTP ${response.status}`);
  }
  const first = body.errors?.[0];
  if (first?.extensions?.['code'] === 'TOO_MANY_REQUESTS') throw SignInRefused.from(first);
  if (first) throw toApiError(first);
  if (!body.data) throw new ApiError('NETWORK', `HTTP ${response.status}`);
  return body.data;
}

/**
 * The server asked to come back later (HTTP 429): too many failed sign-ins for the email or
 * from this address, or every password check busy. The message is a catalogue key, shown
 * with the wait in `messageArgs`.
 */
export class SignInRefused extends Error {
  readonly messageArgs: { seconds: number; minutes: number };

  constructor(message: string, messageArgs: { seconds: number; minutes: number }) {
    super(message);
    this.name = 'SignInRefused';
    this.messageArgs = messageArgs;
  }

  static from(error: GraphQLErrorLike): SignInRefused {
    const reason = error.extensions?.['reason'];
    const retryAfter = Number(error.extensions?.['retryAfter']);
    const seconds = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : 1;
    const key = reason === 'SIGN_IN_LOCKED' ? 'custos.auth.locked' : reason === 'SIGN_IN_BUSY' ? 'custos.auth.busy' : 'custos.auth.throttled';
    return new SignInRefused(key, { seconds, minutes: Math.ceil(seconds / 60) });
  }
}

type SessionPayload = SignInMutation['login'];

function fromPayload(p: SessionPayload): Session {
  return {
    token: p.token,
    ...(p.refreshToken ? { refreshToken: p.refreshToken } : {}),
    ...(p.expiresAt ? { expiresAt: Date.parse(p.expiresAt) } : {}),
    user: p.user,
  };
}

export async function signIn(email: string, password: string): Promise<Session> {
  const data = await post('SignIn', { input: { email, password } });
  const session = fromPayload(data.login);
  saveSession(session);
  return session;
}

let renewing: Promise<Session | undefined> | undefined;

/**
 * Trades the refresh token for a new session. Refresh tokens are single-use, so
 * concurrent callers share one renewal, and a renewal another tab already made (the
 * stored token changed) is taken instead of spending the old token twice.
 */
function renew(stale: Session): Promise<Session | undefined> {
  renewing ??= (async () => {
    try {
      const latest = loadSession();
      if (latest && latest.token !== stale.token) return latest;
      if (!stale.refreshToken) return undefined;
      const data = await post('RenewSession', { input: { refreshToken: stale.refreshToken } });
      const session = fromPayload(data.refreshToken);
      saveSession(session);
      return session;
    } catch (error) {
      if (normalizeError(error).code === 'UNAUTHENTICATED') clearSession();
      return undefined;
    } finally {
      renewing = undefined;
    }
  })();
  return renewing;
}

/** A token fit to send now, renewed first when it is about to expire; undefined when signed out. */
export async function validToken(): Promise<string | undefined> {
  const session = loadSession();
  if (!session) return undefined;
  if (session.expiresAt !== undefined && session.expiresAt - Date.now() < RENEW_BEFORE_MS) {
    return (await renew(session))?.token;
  }
  return session.token;
}

/** Re-reads role and permissions (an admin may have changed the role since sign-in). */
export async function refreshUser(): Promise<SessionUser | undefined> {
  const token = await validToken();
  if (!token) return undefined;
  const data = await post('Me', {}, token);
  const session = loadSession();
  if (session) saveSession({ ...session, user: data.me });
  return data.me;
}
