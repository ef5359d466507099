import type { Context } from 'hono';
import type { AccessClaims } from '../auth/tokens';
import { ApiError } from './apiError';

/** Hono environment of the app: the verified access-token claims, once the auth middleware ran. */
export interface AppEnv {
  Variables: {
    auth?: AccessClaims;
    /** Dealer of a request without an access token (a log-in or refresh), for the request log line. */
    loggedDealerId?: string;
  };
}

export type AppContext = Context<AppEnv>;

/** Returns the caller's verified claims; the routes that call this sit behind the auth middleware. */
export function requireClaims(c: AppContext): AccessClaims {
  const claims = c.get('auth');
  if (!claims) throw new ApiError(401, 'missing_token', 'Authorization header with a Bearer access token is required.');
  return claims;
}
