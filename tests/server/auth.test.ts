import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_FAILURES_BEFORE_LOCK } from '../../src/server/auth/loginThrottle';
import { ACCESS_TOKEN_TTL_MS, REFRESH_TOKEN_TTL_MS } from '../../src/server/auth/tokens';
import { STORE_KINDS } from './helpers/stores';
import { authInit, createAccount, createTestApp, jsonInit, logIn, TEST_PASSWORD, type Account, type TestApp } from './helpers/testApp';

describe('authentication', () => {
  let test: TestApp;
  let account: Account;

  beforeAll(async () => {
    test = await createTestApp();
    account = await createAccount(test.store, 'A01', 'li.wei', 'advisor');
  });

  afterAll(async () => {
    await test?.dispose();
  });

  function login(dealer: string, username: string, password: string): Promise<Response> {
    return test.request('/api/auth/login', jsonInit('POST', { dealer, username, password }));
  }

  function pull(token: string): Promise<Response> {
    return test.request('/api/sync/customers/pull', authInit(token));
  }

  it('login returns tokens, user and dealer', async () => {
    const response = await login('a01', 'LI.WEI', TEST_PASSWORD);
    expect(response.status).toBe(200);
    const session = (await response.json()) as Record<string, unknown>;

    expect(session).toMatchObject({
      user: { id: account.user.id, username: 'li.wei', displayName: '李伟', role: 'advisor' },
      dealer: { id: account.dealer.id, code: 'A01', name: 'A01 4S店' },
    });
    expect(typeof session.accessToken).toBe('string');
    expect(typeof session.refreshToken).toBe('string');
    expect(Date.parse(String(session.accessTokenExpiresAt)) - test.clock.nowMs).toBeLessThanOrEqual(ACCESS_TOKEN_TTL_MS);
  });

  it('stores the password as an argon2id hash', () => {
    expect(account.user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it.each([
    { name: 'wrong password', dealer: 'A01', username: 'li.wei', password: 'Wrong-2024' },
    { name: 'unknown user', dealer: 'A01', username: 'nobody', password: TEST_PASSWORD },
    { name: 'unknown dealer', dealer: 'ZZ9', username: 'li.wei', password: TEST_PASSWORD },
  ])('login with $name gets 401 JSON', async ({ dealer, username, password }) => {
    const response = await login(dealer, username, password);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'invalid_credentials', message: expect.any(String) });
  });

  it('request without a token gets 401', async () => {
    const response = await test.request('/api/sync/customers/pull');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'missing_token' });
  });

  it('tampered token gets 401', async () => {
    const { accessToken } = await logIn(test, 'A01', 'li.wei');
    const [header, payload, signature] = accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, dealer: 'another-dealer' })).toString('base64url');

    const response = await pull(`${header}.${forged}.${signature}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_token' });
  });

  it('token with alg none gets 401', async () => {
    const { accessToken } = await logIn(test, 'A01', 'li.wei');
    const payload = accessToken.split('.')[1]!;
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expect((await pull(unsigned)).status).toBe(401);
  });

  it('expired token gets 401 token_expired', async () => {
    const { accessToken } = await logIn(test, 'A01', 'li.wei');
    expect((await pull(accessToken)).status).toBe(200);

    test.clock.nowMs += ACCESS_TOKEN_TTL_MS + 1000;
    try {
      const response = await pull(accessToken);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'token_expired' });
    } finally {
      test.clock.nowMs -= ACCESS_TOKEN_TTL_MS + 1000;
    }
  });

  it('refresh rotates the refresh token', async () => {
    const first = await logIn(test, 'A01', 'li.wei');

    const refreshed = await test.request('/api/auth/refresh', jsonInit('POST', { refreshToken: first.refreshToken }));
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as { accessToken: string; refreshToken: string; user: { id: string } };
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user.id).toBe(account.user.id);
    expect((await pull(second.accessToken)).status).toBe(200);

    const reused = await test.request('/api/auth/refresh', jsonInit('POST', { refreshToken: first.refreshToken }));
    expect(reused.status).toBe(401);
    expect(await reused.json()).toMatchObject({ error: 'invalid_refresh_token' });
  });

  it('expired refresh token gets 401', async () => {
    const { refreshToken } = await logIn(test, 'A01', 'li.wei');
    test.clock.nowMs += REFRESH_TOKEN_TTL_MS + 1000;
    try {
      const response = await test.request('/api/auth/refresh', jsonInit('POST', { refreshToken }));
      expect(response.status).toBe(401);
    } finally {
      test.clock.nowMs -= REFRESH_TOKEN_TTL_MS + 1000;
    }
  });

  it('never stores the refresh token itself', async () => {
    const { refreshToken } = await logIn(test, 'A01', 'li.wei');
    const rotation = await test.store.rotateRefreshToken(refreshToken, { tokenHash: 'f'.repeat(64), expiresAtMs: test.clock.nowMs + 60_000 }, test.clock.nowMs);
    expect(rotation).toEqual({ status: 'unknown' });
  });
});

describe.each(STORE_KINDS)('refresh token families on %s', (kind) => {
  let test: TestApp;

  beforeAll(async () => {
    test = await createTestApp({ kind });
    await createAccount(test.store, 'F01', 'li.wei');
  });

  afterAll(async () => {
    await test?.dispose();
  });

  async function refresh(refreshToken: string): Promise<{ status: number; body: { refreshToken: string; error?: string } }> {
    const response = await test.request('/api/auth/refresh', jsonInit('POST', { refreshToken }));
    return { status: response.status, body: (await response.json()) as { refreshToken: string; error?: string } };
  }

  it('reused refresh token revokes its family', async () => {
    const first = (await logIn(test, 'F01', 'li.wei')).refreshToken;
    const second = (await refresh(first)).body.refreshToken;
    const third = (await refresh(second)).body.refreshToken;

    const reuse = await refresh(first);

    expect(reuse).toEqual({ status: 401, body: { error: 'invalid_refresh_token', message: expect.any(String) } });
    expect((await refresh(third)).status).toBe(401);
    expect((await refresh(second)).status).toBe(401);
    expect(test.logs.find((record) => record.event === 'refresh_token_reused')).toMatchObject({ level: 'warn', dealer: expect.any(String) });
  });

  it('revoking a family leaves other log-ins valid', async () => {
    const stolen = (await logIn(test, 'F01', 'li.wei')).refreshToken;
    const otherTablet = (await logIn(test, 'F01', 'li.wei')).refreshToken;
    await refresh(stolen);

    expect((await refresh(stolen)).status).toBe(401);
    expect((await refresh(otherTablet)).status).toBe(200);
  });

  it('concurrent refreshes with one token leave no valid token', async () => {
    const token = (await logIn(test, 'F01', 'li.wei')).refreshToken;

    const results = await Promise.all([refresh(token), refresh(token)]);

    expect(results.map((result) => result.status).sort()).toEqual([200, 401]);
    const issued = results.find((result) => result.status === 200)!.body.refreshToken;
    expect((await refresh(issued)).status).toBe(401);
  });
});

describe('failed log-in slowdown', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await createTestApp();
    await createAccount(test.store, 'S01', 'wang.fang');
  });

  afterAll(async () => {
    await test?.dispose();
  });

  function login(password: string): Promise<Response> {
    return test.request('/api/auth/login', jsonInit('POST', { dealer: 'S01', username: 'wang.fang', password }));
  }

  it('locks with a growing Retry-After and resets on success', async () => {
    for (let attempt = 1; attempt <= LOGIN_FAILURES_BEFORE_LOCK; attempt++) {
      expect((await login('Wrong-2024')).status).toBe(401);
    }

    const locked = await login(TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ error: 'too_many_attempts' });
    const firstWaitS = Number(locked.headers.get('Retry-After'));
    expect(firstWaitS).toBeGreaterThanOrEqual(1);

    test.clock.nowMs += firstWaitS * 1000;
    expect((await login('Wrong-2024')).status).toBe(401);
    const lockedAgain = await login('Wrong-2024');
    expect(lockedAgain.status).toBe(429);
    const secondWaitS = Number(lockedAgain.headers.get('Retry-After'));
    expect(secondWaitS).toBeGreaterThan(firstWaitS);

    test.clock.nowMs += secondWaitS * 1000;
    expect((await login(TEST_PASSWORD)).status).toBe(200);
    expect((await login('Wrong-2024')).status).toBe(401);
    expect((await login(TEST_PASSWORD)).status).toBe(200);
  });

  it('failures of one account do not lock another', async () => {
    await createAccount(test.store, 'S01', 'zhao.lei');
    for (let attempt = 1; attempt <= LOGIN_FAILURES_BEFORE_LOCK + 1; attempt++) {
      await test.request('/api/auth/login', jsonInit('POST', { dealer: 'S01', username: 'ghost', password: 'Wrong-2024' }));
    }
    const response = await test.request('/api/auth/login', jsonInit('POST', { dealer: 'S01', username: 'zhao.lei', password: TEST_PASSWORD }));
    expect(response.status).toBe(200);
  });
});
