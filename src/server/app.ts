import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { createAuthRoutes } from './auth/authRoutes';
import { requireAuth } from './auth/requireAuth';
import { AccessTokens, generateSigningKey, SIGNING_KEY_SECRET } from './auth/tokens';
import { createBlobRoutes } from './blobs/blobRoutes';
import { ApiError } from './http/apiError';
import type { AppEnv } from './http/env';
import { consoleLog, describeError, type Log } from './http/log';
import { securityHeaders } from './http/securityHeaders';
import { createStaticHandler } from './http/staticFiles';
import type { Store } from './store/store';
import { DEFAULT_SYNC_COLLECTIONS, type SyncCollections } from './sync/syncCollections';
import { createSyncRoutes } from './sync/syncRoutes';
import { PullStreamHub } from './sync/pullStreamHub';

export interface AppOptions {
  store: Store;
  /** Log of request lines and errors; the console when omitted. */
  log?: Log;
  /** Clock in epoch milliseconds, injectable so tests can expire tokens and locks without waiting. */
  now?: () => number;
  /** Built app to serve for every non-API path; no static files when omitted. */
  distDir?: string;
  /** Collections the sync endpoints serve; the product's collections when omitted. */
  collections?: SyncCollections;
  /** Interval of the keep-alive comment on pull streams. */
  heartbeatMs?: number;
}

export interface ServerApp {
  app: Hono<AppEnv>;
  /** Ends every open pull stream, so the HTTP server can close. */
  closeStreams(): void;
  /** Number of open pull streams. */
  openStreamCount(): number;
}

/** Creates the HTTP app: the JSON API under /api and, when `distDir` is given, the built PWA. */
export async function createApp(options: AppOptions): Promise<ServerApp> {
  const { store } = options;
  const log = options.log ?? consoleLog;
  const now = options.now ?? Date.now;
  const signingKey = await store.getOrCreateSecret(SIGNING_KEY_SECRET, generateSigningKey);
  const tokens = new AccessTokens(signingKey, now);
  const streams = new PullStreamHub({ store, log, now, heartbeatMs: options.heartbeatMs });
  const app = new Hono<AppEnv>();

  // One structured line per request: never the body, the query string or a token.
  app.use('*', async (c, next) => {
    const startedAt = performance.now();
    await next();
    log({
      level: 'info',
      event: 'request',
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
      dealer: c.get('auth')?.dealerId ?? c.get('loggedDealerId') ?? null,
    });
  });

  app.use('*', securityHeaders());

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.toBody(), error.status, error.headers);
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      return c.json({ error: status === 413 ? 'payload_too_large' : 'invalid_request', message: error.message || 'Request failed.' }, status);
    }
    log({ level: 'error', event: 'unhandled_error', method: c.req.method, path: c.req.path, dealer: c.get('auth')?.dealerId ?? null, ...describeError(error) });
    return c.json({ error: 'internal', message: 'Internal server error; the server log has the details.' }, 500);
  });

  app.notFound((c) => c.json({ error: 'not_found', message: `No route for ${c.req.method} ${c.req.path}.` }, 404));

  app.get('/api/health', async (c) => {
    try {
      await store.ping();
    } catch (error) {
      log({ level: 'error', event: 'health_check_failed', ...describeError(error) });
      throw new ApiError(503, 'store_unavailable', `The ${store.kind} store does not respond.`);
    }
    return c.json({ status: 'ok', store: store.kind, time: new Date(now()).toISOString() });
  });

  app.route('/api/auth', createAuthRoutes({ store, tokens, now, log }));

  app.use('/api/sync/*', requireAuth(tokens));
  app.route('/api/sync', createSyncRoutes({ store, streams, collections: options.collections ?? DEFAULT_SYNC_COLLECTIONS, log }));

  app.use('/api/blobs/*', requireAuth(tokens));
  app.route('/api/blobs', createBlobRoutes({ store }));

  app.all('/api/*', (c) => {
    throw new ApiError(404, 'not_found', `No API endpoint ${c.req.method} ${c.req.path}.`);
  });

  if (options.distDir) {
    const serveStatic = createStaticHandler(options.distDir);
    app.get('*', (c) => serveStatic(c));
  }

  return { app, closeStreams: () => streams.closeAll(), openStreamCount: () => streams.size };
}
