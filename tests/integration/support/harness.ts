import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBKeyRange, type IDBFactory } from 'fake-indexeddb';
import { firstValueFrom, filter, type Observable } from 'rxjs';
import { BlobService } from '../../../src/db/blobs';
import type { ServiceLaneDatabase } from '../../../src/db/database';
import { startReplication, type ServiceLaneReplication, type StartReplicationOptions } from '../../../src/db/replication';
import type { WriteContext } from '../../../src/db/repository';
import { SessionManager, type Credentials, type SessionStorage } from '../../../src/db/session';
import { createSyncStatus, type SyncStatus } from '../../../src/db/syncStatus';
import { hashPassword } from '../../../src/server/auth/passwords';
import { DEMO_ADVISOR, DEMO_DEALER } from '../../../src/server/demoSeed';
import type { LogRecord } from '../../../src/server/http/log';
import { startServer, type RunningServer } from '../../../src/server/main';
import { createSwitchableNetwork, type SwitchableNetwork } from './network';
import { createTabletStorage, openTabletDatabase } from './storage';

export const DEMO_LOGIN: Credentials = { dealer: DEMO_DEALER.code, username: DEMO_ADVISOR.username, password: DEMO_ADVISOR.password };
export const SECOND_ADVISOR = { dealer: DEMO_DEALER.code, username: 'wang.fang', password: 'Wang-fang-2026' } as const;

/** Fast retries so that tests reconnect within a fraction of a second. */
export const TEST_BACKOFF = { initialMs: 50, maxMs: 400 } as const;

/** Polls `condition` until it holds; fails with `description` after `timeoutMs`. */
export async function waitFor(description: string, condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Creates the Web Storage API over a Map, one per simulated tablet (Node has no localStorage). */
export function memoryStorage(): SessionStorage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  };
}

export interface TestServer {
  url: string;
  port: number;
  dataDir: string;
  running: RunningServer;
  logs: LogRecord[];
  stop(): Promise<void>;
  /** Starts the server again on the same port and data folder. */
  restart(): Promise<void>;
  /** Moves the server's clock forward, for example past the lifetime of every token. */
  advanceClock(ms: number): void;
}

/** Starts the real server in this process on a loopback port with a temporary SQLite folder. */
export async function startTestServer(options: { heartbeatMs?: number } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'service-lane-sync-'));
  const logs: LogRecord[] = [];
  const log = (record: LogRecord) => void logs.push(record);
  let clockOffsetMs = 0;
  const serverOptions = {
    dataDir,
    log,
    now: () => Date.now() + clockOffsetMs,
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
  };

  let running = await startServer({ port: 0, ...serverOptions });
  const dealer = await running.store.getDealerByCode(DEMO_DEALER.code);
  if (!dealer) throw new Error('the demo dealer was not seeded');
  await running.store.createUser({
    dealerId: dealer.id,
    username: SECOND_ADVISOR.username,
    displayName: '王芳',
    role: 'advisor',
    passwordHash: await hashPassword(SECOND_ADVISOR.password),
  });

  let stopped = false;
  const server: TestServer = {
    url: running.url,
    port: running.port,
    dataDir,
    running,
    logs,
    async stop() {
      if (stopped) return;
      stopped = true;
      await running.close();
    },
    async restart() {
      await server.stop();
      running = await startServer({ port: server.port, ...serverOptions });
      server.running = running;
      stopped = false;
    },
    advanceClock(ms: number) {
      clockOffsetMs += ms;
    },
  };
  return server;
}

export async function removeTestServer(server: TestServer): Promise<void> {
  await server.stop();
  rmSync(server.dataDir, { recursive: true, force: true });
}

/** One simulated tablet: its own IndexedDB, localStorage, network switch, session, replication and blobs. */
export interface Tablet {
  db: ServiceLaneDatabase;
  /** The tablet's fake IndexedDB, to open its stores again as after a reload. */
  indexedDB: IDBFactory;
  storage: ReturnType<typeof memoryStorage>;
  network: SwitchableNetwork;
  session: SessionManager;
  replication: ServiceLaneReplication;
  blobs: BlobService;
  status$: Observable<SyncStatus>;
  /** The latest sync status (the status observable is subscribed for the tablet's life). */
  status(): SyncStatus | undefined;
  writer: WriteContext;
  close(): Promise<void>;
}

export interface TabletOptions {
  baseUrl: string;
  credentials?: Credentials;
  replication?: Partial<StartReplicationOptions>;
}

export async function openTablet(options: TabletOptions): Promise<Tablet> {
  const storage = memoryStorage();
  const network = createSwitchableNetwork();
  const tabletStorage = createTabletStorage();
  const session = new SessionManager({ storage, fetch: network.fetch });
  const loggedIn = await session.login(options.baseUrl, options.credentials ?? DEMO_LOGIN);

  const db = await openTabletDatabase(tabletStorage.rxStorage);
  const replication = startReplication(db, {
    baseUrl: options.baseUrl,
    session,
    storage,
    backoff: TEST_BACKOFF,
    pollIntervalMs: 1_000,
    ...options.replication,
  });
  const blobs = new BlobService({
    dealerId: loggedIn.dealer.id,
    session,
    dexieOptions: { indexedDB: tabletStorage.indexedDB, IDBKeyRange },
    backoff: TEST_BACKOFF,
  });
  const navigatorState = {
    get onLine() {
      return network.online;
    },
  };
  const status$ = createSyncStatus({ replication, blobs, storage, navigator: navigatorState, recountIntervalMs: 500 });
  let latest: SyncStatus | undefined;
  const subscription = status$.subscribe((status) => {
    latest = status;
  });

  return {
    db,
    indexedDB: tabletStorage.indexedDB,
    storage,
    network,
    session,
    replication,
    blobs,
    status$,
    status: () => latest,
    writer: { user: loggedIn.user.username, dealerId: loggedIn.dealer.id },
    async close() {
      subscription.unsubscribe();
      await replication.cancel();
      blobs.close();
      await db.close();
    },
  };
}

/** Resolves with the first status that satisfies `predicate`. */
export function statusWhere(tablet: Tablet, predicate: (status: SyncStatus) => boolean, timeoutMs = 15_000): Promise<SyncStatus> {
  return Promise.race([
    firstValueFrom(tablet.status$.pipe(filter(predicate))),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no matching sync status within ${timeoutMs} ms; last: ${JSON.stringify(tablet.status())}`)), timeoutMs)),
  ]);
}
