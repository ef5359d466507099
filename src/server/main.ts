import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { seedDemoDealer } from './demoSeed';
import { consoleLog, describeError, type Log } from './http/log';
import { openStore, type Store } from './store/store';
import type { SyncCollections } from './sync/syncCollections';

export interface StartOptions {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Interface to listen on; loopback when omitted, `0.0.0.0` for tablets on the dealership's network. */
  host?: string;
  dataDir: string;
  databaseUrl?: string | undefined;
  /** Built app to serve; only the API when omitted. */
  distDir?: string;
  log?: Log;
  now?: () => number;
  heartbeatMs?: number;
  collections?: SyncCollections;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  /** Ends the pull streams, stops listening and closes the store. */
  close(): Promise<void>;
}

/** Opens the store (seeding a demo dealership into an empty one) and serves the API and the app. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const log = options.log ?? consoleLog;
  const host = options.host ?? '127.0.0.1';
  const store = await openStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });

  try {
    await seedDemoDealer(store, log);
    const { app, closeStreams } = await createApp({
      store,
      log,
      ...(options.now ? { now: options.now } : {}),
      ...(options.distDir ? { distDir: options.distDir } : {}),
      ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
      ...(options.collections ? { collections: options.collections } : {}),
    });

    const server = serve({ fetch: app.fetch, port: options.port, hostname: host });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
    log({ level: 'info', event: 'server_started', port, store: store.kind, text: `Service lane server listening on ${url} (${store.kind} store)` });

    return {
      url,
      port,
      store,
      async close() {
        closeStreams();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
        await store.close();
        log({ level: 'info', event: 'server_stopped', port });
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && path.resolve(entry) === fileURLToPath(import.meta.url);
}

function portFromEnvironment(): number {
  const raw = process.env.PORT ?? '8080';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`Invalid PORT ${raw}: expected an integer from 0 to 65535.`);
  return port;
}

async function main(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const running = await startServer({
    port: portFromEnvironment(),
    host: process.env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(process.env.DATA_DIR ?? './data'),
    databaseUrl: process.env.DATABASE_URL || undefined,
    distDir: path.join(root, 'dist'),
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      running.close().then(
        () => process.exit(0),
        (error: unknown) => {
          consoleLog({ level: 'error', event: 'shutdown_failed', ...describeError(error) });
          process.exit(1);
        },
      );
    });
  }
}

if (isMainModule()) {
  main().catch((error: unknown) => {
    consoleLog({ level: 'error', event: 'start_failed', ...describeError(error) });
    process.exit(1);
  });
}
