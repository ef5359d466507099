import { BehaviorSubject, type Observable } from 'rxjs';
// zod/mini keeps the sign-in path small: full zod loads only with the forms and sync.
import { z } from 'zod/mini';
import { ApiError, apiErrorFrom, apiUrl, readJson, send } from './http';

/** The response body of POST /api/auth/login and /api/auth/refresh. */
const tokenResponseSchema = z.object({
  accessToken: z.string().check(z.minLength(1)),
  refreshToken: z.string().check(z.minLength(1)),
  accessTokenExpiresAt: z.union([z.string(), z.number()]),
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.string(),
  }),
  dealer: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
  }),
});

const storedSessionSchema = z.extend(tokenResponseSchema, {
  baseUrl: z.string(),
  /** Set when the refresh token was rejected: the advisor must log in again, local data stays. */
  expired: z.boolean(),
});

/** The signed-in advisor, the dealership and the tokens, as kept in localStorage. */
export type Session = z.infer<typeof storedSessionSchema>;
export type SessionUser = Session['user'];
export type SessionDealer = Session['dealer'];

export interface Credentials {
  /** Dealer code, for example D01. */
  dealer: string;
  username: string;
  password: string;
}

/** The refresh token was rejected (expired or revoked): the advisor must log in again. Local data is kept. */
export class SessionExpiredError extends Error {
  readonly code = 'session_expired';

  constructor() {
    super('session expired: the server rejected the refresh token; log in again (data on this tablet is kept)');
    this.name = 'SessionExpiredError';
  }
}

/** The part of the Web Storage API the session uses, so tests can pass a Map-backed one. */
export type SessionStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const SESSION_STORAGE_KEY = 'service-lane.session';

export interface SessionOptions {
  /** Storage of the session; localStorage by default. */
  storage?: SessionStorage;
  fetch?: typeof fetch;
}

function defaultStorage(): SessionStorage {
  if (typeof localStorage === 'undefined') throw new Error('no localStorage in this environment: pass options.storage');
  return localStorage;
}

/** Reads the last session from storage; null when none is stored or it is unreadable. */
export function loadSession(storage: SessionStorage = defaultStorage()): Session | null {
  const text = storage.getItem(SESSION_STORAGE_KEY);
  if (text === null) return null;
  try {
    const parsed = storedSessionSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function saveSession(storage: SessionStorage, session: Session): void {
  storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
}

async function postForTokens(baseUrl: string, path: string, body: unknown, fetchImpl: typeof fetch): Promise<z.infer<typeof tokenResponseSchema>> {
  const response = await send(fetchImpl, apiUrl(baseUrl, path), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await apiErrorFrom(response, 'POST');
  return tokenResponseSchema.parse(await readJson(response));
}

/**
 * Logs in and stores the session. Raises ApiError with the server's code for wrong
 * credentials (401) or too many attempts (429), and NetworkError when the server is unreachable.
 */
export async function login(baseUrl: string, credentials: Credentials, options: SessionOptions = {}): Promise<Session> {
  const tokens = await postForTokens(baseUrl, '/api/auth/login', credentials, options.fetch ?? fetch);
  const session: Session = { ...tokens, baseUrl, expired: false };
  saveSession(options.storage ?? defaultStorage(), session);
  return session;
}

/**
 * Exchanges the refresh token for new tokens (the server rotates the refresh token) and
 * stores them. A rejected refresh token marks the stored session expired and raises
 * SessionExpiredError; an unreachable server raises NetworkError and changes nothing.
 */
export async function refreshSession(session: Session, options: SessionOptions = {}): Promise<Session> {
  const storage = options.storage ?? defaultStorage();
  try {
    const tokens = await postForTokens(session.baseUrl, '/api/auth/refresh', { refreshToken: session.refreshToken }, options.fetch ?? fetch);
    const renewed: Session = { ...tokens, baseUrl: session.baseUrl, expired: false };
    saveSession(storage, renewed);
    return renewed;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 400 || error.status === 401 || error.status === 403)) {
      saveSession(storage, { ...session, expired: true });
      throw new SessionExpiredError();
    }
    throw error;
  }
}

/** Forgets the session on this tablet. The local database and blobs are kept for the next login. */
export function logout(options: Pick<SessionOptions, 'storage'> = {}): void {
  (options.storage ?? defaultStorage()).removeItem(SESSION_STORAGE_KEY);
}

export type SessionState =
  | { status: 'signed_out' }
  | { status: 'active'; session: Session }
  /** The refresh token was rejected; the app keeps working on local data until the advisor logs in again. */
  | { status: 'expired'; session: Session };

function stateOf(session: Session | null): SessionState {
  if (!session) return { status: 'signed_out' };
  return session.expired ? { status: 'expired', session } : { status: 'active', session };
}

/**
 * The tablet's session: restored from localStorage at start (so the app opens offline with
 * the last session), renewed on a 401, and shared by replication and blob transfers through
 * `fetch`, which adds the access token.
 */
export class SessionManager {
  private readonly storage: SessionStorage;
  private readonly fetchImpl: typeof fetch;
  private readonly stateSubject: BehaviorSubject<SessionState>;
  private refreshing: Promise<Session> | null = null;

  /** The session state: signed out, active, or expired (log in again). */
  readonly state$: Observable<SessionState>;

  constructor(options: SessionOptions = {}) {
    this.storage = options.storage ?? defaultStorage();
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.stateSubject = new BehaviorSubject(stateOf(loadSession(this.storage)));
    this.state$ = this.stateSubject.asObservable();

    // Another tab that logs in, refreshes or logs out writes localStorage; follow it.
    if (typeof window !== 'undefined' && options.storage === undefined) {
      window.addEventListener('storage', (event) => {
        if (event.key === SESSION_STORAGE_KEY) this.stateSubject.next(stateOf(loadSession(this.storage)));
      });
    }
  }

  /** The current session, expired or not; null when signed out. */
  get session(): Session | null {
    const state = this.stateSubject.value;
    return state.status === 'signed_out' ? null : state.session;
  }

  get state(): SessionState {
    return this.stateSubject.value;
  }

  async login(baseUrl: string, credentials: Credentials): Promise<Session> {
    const session = await login(baseUrl, credentials, { storage: this.storage, fetch: this.fetchImpl });
    this.stateSubject.next(stateOf(session));
    return session;
  }

  logout(): void {
    logout({ storage: this.storage });
    this.stateSubject.next(stateOf(null));
  }

  /**
   * Renews the access token. Concurrent callers share one request, because the server
   * rotates the refresh token and a second request with the old one would be rejected.
   * When another tab stored newer tokens than the ones that failed, those are taken instead.
   */
  refresh(failedAccessToken?: string): Promise<Session> {
    if (this.refreshing) return this.refreshing;

    const stored = loadSession(this.storage);
    const current = this.session;
    if (stored && !stored.expired && failedAccessToken !== undefined && stored.accessToken !== failedAccessToken) {
      this.stateSubject.next(stateOf(stored));
      return Promise.resolve(stored);
    }
    if (!current || current.expired) return Promise.reject(new SessionExpiredError());

    this.refreshing = refreshSession(current, { storage: this.storage, fetch: this.fetchImpl })
      .then((renewed) => {
        this.stateSubject.next(stateOf(renewed));
        return renewed;
      })
      .catch((error: unknown) => {
        if (error instanceof SessionExpiredError) this.stateSubject.next(stateOf({ ...current, expired: true }));
        throw error;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  /**
   * Sends an authorized request to `path` on the session's server. On a 401 it refreshes the
   * tokens once and repeats the request. Raises SessionExpiredError when there is no usable
   * session or the refresh is rejected, and NetworkError when the server is unreachable.
   */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const session = this.session;
    if (!session || session.expired) throw new SessionExpiredError();

    const first = await this.sendWithToken(session, path, init);
    if (first.status !== 401) return first;
    await first.body?.cancel().catch(() => undefined);

    const renewed = await this.refresh(session.accessToken);
    const second = await this.sendWithToken(renewed, path, init);
    if (second.status !== 401) return second;

    await second.body?.cancel().catch(() => undefined);
    const expired = { ...renewed, expired: true };
    saveSession(this.storage, expired);
    this.stateSubject.next(stateOf(expired));
    throw new SessionExpiredError();
  }

  private sendWithToken(session: Session, path: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${session.accessToken}`);
    return send(this.fetchImpl, apiUrl(session.baseUrl, path), { ...init, headers });
  }
}
