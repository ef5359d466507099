import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../src/db/http';
import { saveDocument } from '../../src/db/repository';
import { loadSession, login, SESSION_STORAGE_KEY, SessionExpiredError, SessionManager } from '../../src/db/session';
import { walkaround } from './support/fixtures';
import { DEMO_LOGIN, memoryStorage, openTablet, removeTestServer, startTestServer, statusWhere, waitFor, type Tablet, type TestServer } from './support/harness';
import { createSwitchableNetwork } from './support/network';

let server: TestServer;
const tablets: Tablet[] = [];

beforeAll(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await Promise.all(tablets.splice(0).map((tablet) => tablet.close()));
});

afterAll(async () => {
  await removeTestServer(server);
});

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** Replaces the stored access token (and optionally the refresh token) with tampered ones the server rejects. */
function tamperTokens(storage: ReturnType<typeof memoryStorage>, refreshToo: boolean): void {
  const session = loadSession(storage);
  if (!session) throw new Error('no session stored');
  storage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ ...session, accessToken: 'not-a-token', ...(refreshToo ? { refreshToken: 'not-a-refresh-token' } : {}) }));
}

describe('session', () => {
  it('restores the last session without the server', async () => {
    const storage = memoryStorage();
    const stored = await login(server.url, DEMO_LOGIN, { storage });
    const offline = createSwitchableNetwork();
    offline.setOnline(false);

    const restored = new SessionManager({ storage, fetch: offline.fetch });

    expect(restored.state.status).toBe('active');
    expect(restored.session?.user.username).toBe('demo');
    expect(restored.session?.dealer.id).toBe(stored.dealer.id);
    expect(await rejectionOf(restored.fetch('/api/sync/checkins/pull'))).toBeInstanceOf(NetworkError);
  });

  it('rejects a wrong password with the server code', async () => {
    const storage = memoryStorage();

    const error = await rejectionOf(login(server.url, { ...DEMO_LOGIN, password: 'wrong-password' }, { storage }));

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).code).toBe('invalid_credentials');
    expect(loadSession(storage)).toBeNull();
  });

  it('refreshes once for concurrent 401s', async () => {
    const storage = memoryStorage();
    const network = createSwitchableNetwork();
    await login(server.url, DEMO_LOGIN, { storage, fetch: network.fetch });
    const refreshTokenBefore = loadSession(storage)?.refreshToken;
    tamperTokens(storage, false);
    const restarted = new SessionManager({ storage, fetch: network.fetch });

    const responses = await Promise.all([
      restarted.fetch('/api/sync/checkins/pull?limit=1'),
      restarted.fetch('/api/sync/orders/pull?limit=1'),
      restarted.fetch('/api/sync/settings/pull?limit=1'),
    ]);

    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(network.requests.filter((request) => request === 'POST /api/auth/refresh')).toHaveLength(1);
    expect(loadSession(storage)?.refreshToken).not.toBe(refreshTokenBefore);
    expect(restarted.state.status).toBe('active');
  });

  it('expires on a rejected refresh and keeps local data', async () => {
    const tablet = await openTablet({ baseUrl: server.url });
    tablets.push(tablet);
    const { checkin } = walkaround();
    await saveDocument(tablet.db, 'checkins', checkin, tablet.writer);
    await statusWhere(tablet, (status) => status.state === 'synced');
    await tablet.replication.cancel();

    tamperTokens(tablet.storage, true);
    const expiredManager = new SessionManager({ storage: tablet.storage, fetch: tablet.network.fetch });
    const error = await rejectionOf(expiredManager.fetch('/api/sync/checkins/pull'));

    expect(error).toBeInstanceOf(SessionExpiredError);
    expect(expiredManager.state.status).toBe('expired');
    expect(loadSession(tablet.storage)?.expired).toBe(true);
    expect(loadSession(tablet.storage)?.user.username).toBe('demo');
    expect(await tablet.db.checkins.findOne(checkin.id).exec()).not.toBeNull();
  });

  it('resumes sync after logging in again', async () => {
    const ownServer = await startTestServer();
    try {
      await resumesAfterLogin(ownServer);
    } finally {
      await removeTestServer(ownServer);
    }
  });
});

async function resumesAfterLogin(ownServer: TestServer): Promise<void> {
  // A long maximum back-off: were the expired session retried with growing waits, the
  // replication would sleep for tens of seconds after the new login.
  const tablet = await openTablet({ baseUrl: ownServer.url, replication: { backoff: { initialMs: 100, maxMs: 120_000 } } });
  tablets.push(tablet);
  let expiredPushes = 0;
  tablet.replication.outcomes$.subscribe(({ collection, outcome }) => {
    if (collection === 'checkins' && !outcome.ok && outcome.code === 'session_expired') expiredPushes += 1;
  });
  await statusWhere(tablet, (status) => status.state === 'synced');
  // Past the lifetime of the refresh token, so both tokens of the tablet are rejected.
  ownServer.advanceClock(31 * 24 * 60 * 60 * 1000);
  const { checkin } = walkaround();

  await saveDocument(tablet.db, 'checkins', checkin, tablet.writer);
  const expired = await statusWhere(tablet, (status) => status.error === 'session_expired');
  expect(expired.state).toBe('error');
  expect(expired.pendingChanges).toBe(1);
  await waitFor('the check-ins replication retried the expired session several times', () => expiredPushes >= 8);
  await tablet.session.login(ownServer.url, DEMO_LOGIN);

  await statusWhere(tablet, (status) => status.state === 'synced' && status.pendingChanges === 0);
  await waitFor('the server stored the check-in', async () => {
    const stored = await ownServer.running.store.pullDocuments(tablet.writer.dealerId, 'checkins', 0, 1000);
    return stored.some((document) => document.id === checkin.id);
  });
}
