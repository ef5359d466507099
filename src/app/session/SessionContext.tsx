import { createContext, useCallback, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { SessionManager, type Credentials, type Session, type SessionState } from '../../db/session';
import type { WriteContext } from '../../db/repository';

interface SessionContextValue {
  manager: SessionManager;
  state: SessionState;
  /** Signs in against the server that served the app; raises ApiError or NetworkError. */
  signIn: (credentials: Credentials) => Promise<Session>;
  /** Forgets the session on this tablet; the local database stays for the next sign-in. */
  signOut: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

interface SessionProviderProps {
  children: ReactNode;
  /** For tests; by default a manager over localStorage. */
  manager?: SessionManager;
}

/** Holds the tablet's session, restored from localStorage so the app opens offline. */
export function SessionProvider({ children, manager: given }: SessionProviderProps) {
  const [manager] = useState(() => given ?? new SessionManager());

  const subscribe = useCallback((onChange: () => void) => {
    const subscription = manager.state$.subscribe(onChange);
    return () => subscription.unsubscribe();
  }, [manager]);
  const state = useSyncExternalStore(subscribe, () => manager.state, () => manager.state);

  const value = useMemo<SessionContextValue>(() => ({
    manager,
    state,
    signIn: (credentials) => manager.login(window.location.origin, credentials),
    signOut: () => manager.logout(),
  }), [manager, state]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** Returns the session state and the sign-in and sign-out actions. */
export function useAuth(): SessionContextValue {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useAuth: no SessionProvider above this component');
  return context;
}

/**
 * Returns the signed-in session (the advisor, the dealer, the tokens), only inside the
 * signed-in part of the app. An expired session is still returned, because local work goes on.
 */
export function useSession(): Session {
  const { state } = useAuth();
  if (state.status === 'signed_out') throw new Error('useSession: no advisor is signed in; call it only below the signed-in shell');
  return state.session;
}

/** Returns who writes, for `saveDocument` in src/db/repository.ts: the advisor's username and dealer. */
export function useWriteContext(): WriteContext {
  const session = useSession();
  const username = session.user.username;
  const dealerId = session.dealer.id;
  return useMemo(() => ({ user: username, dealerId }), [username, dealerId]);
}
