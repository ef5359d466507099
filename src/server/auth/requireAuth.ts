import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../http/apiError';
import type { AppEnv } from '../http/env';
import type { AccessTokens } from './tokens';

/** Verifies the Bearer access token and stores its claims; the dealer of every later step comes from them alone. */
export function requireAuth(tokens: AccessTokens): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new ApiError(401, 'missing_token', 'Authorization header with a Bearer access token is required.');

    c.set('auth', await tokens.verify(match[1]));
    await next();
  };
}
