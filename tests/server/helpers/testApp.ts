import { createApp, type AppOptions, type ServerApp } from '../../../src/server/app';
import { hashPassword } from '../../../src/server/auth/passwords';
import type { LogRecord } from '../../../src/server/http/log';
import type { Dealer, Store, User, UserRole } from '../../../src/server/store/store';
import { createStoreFixture, type StoreFixture, type StoreKind } from './stores';

export const TEST_PASSWORD = 'Secret-2024';

/** The app under test, in-process (Hono's `app.request`), on a fresh store of its own. */
export interface TestApp {
  app: ServerApp['app'];
  store: Store;
  fixture: StoreFixture;
  logs: LogRecord[];
  /** The app's clock; tests move it forward to expire tokens and locks. */
  clock: { nowMs: number };
  request(path: string, init?: RequestInit): Promise<Response>;
  openStreamCount(): number;
  dispose(): Promise<void>;
}

export interface TestAppOptions extends Partial<Omit<AppOptions, 'store' | 'log' | 'now'>> {
  kind?: StoreKind;
}

/** Creates a fresh store of the given kind and the app on top of it, with a controllable clock and a collected log. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const fixture = await createStoreFixture(options.kind ?? 'sqlite');
  const store = await fixture.open();
  const logs: LogRecord[] = [];
  const clock = { nowMs: Date.now() };
  const { kind: _kind, ...appOptions } = options;
  const server = await createApp({ ...appOptions, store, log: (record) => logs.push(record), now: () => clock.nowMs });

  return {
    app: server.app,
    store,
    fixture,
    logs,
    clock,
    request: async (path, init) => server.app.request(path, init),
    openStreamCount: () => server.openStreamCount(),
    async dispose() {
      server.closeStreams();
      await store.close();
      await fixture.dispose();
    },
  };
}

export interface Account {
  dealer: Dealer;
  user: User;
}

/** Creates a dealer with one user whose password is TEST_PASSWORD. */
export async function createAccount(store: Store, dealerCode: string, username = 'li.wei', role: UserRole = 'advisor'): Promise<Account> {
  const dealer = (await store.getDealerByCode(dealerCode)) ?? (await store.createDealer({ code: dealerCode, name: `${dealerCode} 4S店` }));
  const user = await store.createUser({ dealerId: dealer.id, username, displayName: '李伟', role, passwordHash: await hashPassword(TEST_PASSWORD) });
  return { dealer, user };
}

/** Logs in through the API and returns the session body. */
export async function logIn(test: Pick<TestApp, 'request'>, dealer: string, username: string, password = TEST_PASSWORD): Promise<{
  accessToken: string;
  refreshToken: string;
}> {
  const response = await test.request('/api/auth/login', jsonInit('POST', { dealer, username, password }));
  if (response.status !== 200) throw new Error(`log-in of ${dealer}/${username} failed with ${response.status}: ${await response.text()}`);
  return (await response.json()) as { accessToken: string; refreshToken: string };
}

/** Builds a JSON request. */
export function jsonInit(method: string, body: unknown, token?: string): RequestInit {
  return {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  };
}

/** Builds an authorized GET request. */
export function authInit(token: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { ...(init.headers ?? {}), Authorization: `Bearer ${token}` } };
}
