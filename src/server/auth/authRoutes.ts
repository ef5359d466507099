import { Hono } from 'hono';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { limitBody, BODY_LIMITS, readJsonBody } from '../http/body';
import { ApiError } from '../http/apiError';
import type { AppEnv } from '../http/env';
import type { Log } from '../http/log';
import type { Dealer, Store, User } from '../store/store';
import { LoginThrottle, loginThrottleKey } from './loginThrottle';
import { PASSWORD_MAX_LENGTH, verifyDecoyPassword, verifyPassword } from './passwords';
import { AccessTokens, generateRefreshToken, hashRefreshToken, REFRESH_TOKEN_TTL_MS } from './tokens';

const loginRequestSchema = z.strictObject({
  dealer: z.string().trim().min(1).max(40),
  username: z.string().trim().min(1).max(80),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

const refreshRequestSchema = z.strictObject({
  refreshToken: z.string().min(1).max(200),
});

/** The body of a successful log-in or refresh. */
export interface SessionResponse {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: { id: string; username: string; displayName: string; role: User['role'] };
  dealer: { id: string; code: string; name: string };
}

interface AuthRouteOptions {
  store: Store;
  tokens: AccessTokens;
  now: () => number;
  log: Log;
}

/** A new refresh token, not yet stored. */
interface IssuedRefreshToken {
  token: string;
  tokenHash: string;
  expiresAtMs: number;
}

/**
 * Creates the routes under /api/auth: log-in with a password, and refresh with a one-time
 * refresh token. The refresh tokens of one log-in form a family: presenting a token that
 * was already rotated revokes the family, because either the token was stolen or the
 * tablet holding it lost track, and the server cannot tell which.
 */
export function createAuthRoutes({ store, tokens, now, log }: AuthRouteOptions): Hono<AppEnv> {
  const throttle = new LoginThrottle(store, now);
  const routes = new Hono<AppEnv>();

  function issueRefreshToken(): IssuedRefreshToken {
    const token = generateRefreshToken();
    return { token, tokenHash: hashRefreshToken(token), expiresAtMs: now() + REFRESH_TOKEN_TTL_MS };
  }

  async function openSession(user: User, dealer: Dealer, refresh: IssuedRefreshToken): Promise<SessionResponse> {
    const access = await tokens.issue({ userId: user.id, dealerId: dealer.id, username: user.username, role: user.role });

    return {
      accessToken: access.token,
      accessTokenExpiresAt: new Date(access.expiresAtMs).toISOString(),
      refreshToken: refresh.token,
      refreshTokenExpiresAt: new Date(refresh.expiresAtMs).toISOString(),
      user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
      dealer: { id: dealer.id, code: dealer.code, name: dealer.name },
    };
  }

  routes.post('/login', limitBody(BODY_LIMITS.smallJson), async (c) => {
    const request = await readJsonBody(c, loginRequestSchema);
    const key = loginThrottleKey(request.dealer, request.username);
    await throttle.assertAllowed(key);

    const dealer = await store.getDealerByCode(request.dealer.toUpperCase());
    const user = dealer ? await store.getUserByUsername(dealer.id, request.username.toLowerCase()) : null;
    let passwordMatches = false;
    if (user) passwordMatches = await verifyPassword(user.passwordHash, request.password);
    else await verifyDecoyPassword(request.password);

    if (!dealer || !user || !passwordMatches) {
      await throttle.recordFailure(key);
      throw new ApiError(401, 'invalid_credentials', 'Dealer code, username or password is wrong.');
    }
    await throttle.recordSuccess(key);
    c.set('loggedDealerId', dealer.id);

    const refresh = issueRefreshToken();
    await store.saveRefreshToken({ tokenHash: refresh.tokenHash, userId: user.id, dealerId: dealer.id, expiresAtMs: refresh.expiresAtMs, familyId: uuidv7() });
    return c.json(await openSession(user, dealer, refresh));
  });

  routes.post('/refresh', limitBody(BODY_LIMITS.smallJson), async (c) => {
    const request = await readJsonBody(c, refreshRequestSchema);

    // Each refresh token works once: using it stores its successor in the same family.
    const next = issueRefreshToken();
    const rotation = await store.rotateRefreshToken(hashRefreshToken(request.refreshToken), next, now());
    if (rotation.status === 'reused') {
      const { dealerId, userId, familyId } = rotation.previous;
      log({ level: 'warn', event: 'refresh_token_reused', dealer: dealerId, userId, familyId });
      throw new ApiError(401, 'invalid_refresh_token', 'Refresh token was already used, so every token of this log-in is revoked: log in again.');
    }
    if (rotation.status !== 'rotated') {
      throw new ApiError(401, 'invalid_refresh_token', 'Refresh token is unknown, revoked or expired: log in again.');
    }
    const record = rotation.previous;
    const user = await store.getUserById(record.userId);
    const dealer = await store.getDealerById(record.dealerId);
    if (!user || !dealer || user.dealerId !== dealer.id) {
      throw new ApiError(401, 'invalid_refresh_token', 'The account of this refresh token no longer exists: log in again.');
    }
    c.set('loggedDealerId', dealer.id);
    return c.json(await openSession(user, dealer, next));
  });

  return routes;
}
