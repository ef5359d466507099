/**
 * Load part of `npm run bench:sync`: many tablets syncing at once against one server. Each
 * simulated tablet speaks the sync protocol as the real client does but without RxDB,
 * because hundreds of RxDB databases would measure this process instead of the server. It
 * keeps a live pull stream of check-ins open, pulls after RESYNC, and every few seconds
 * pushes an edit of one of its check-ins with the previous version as the assumed master state.
 */
import { v7 as uuidv7 } from 'uuid';
import { login, type Session } from '../src/db/session';
import { readServerSentEvents } from '../src/db/serverSentEvents';
import { storedCheckin, walkaround } from '../tests/integration/support/fixtures';
import { memoryStorage } from '../tests/integration/support/harness';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { BenchAccount, ServerRequest } from './sync-server';

const PUSH_INTERVAL_MIN_MS = 2_000;
const PUSH_INTERVAL_MAX_MS = 6_000;
const LOGIN_CONCURRENCY = 4;

export interface LoadResult {
  tablets: number;
  dealers: number;
  seconds: number;
  pushes: number;
  pushErrors: number;
  pulls: number;
  pullErrors: number;
  streamEvents: number;
  streamErrors: number;
  pushLatencyMs: { p50: number; p95: number; p99: number; max: number };
  /** The server's own time for the same pushes, from its request log. */
  serverPushMs: { p50: number; p95: number; p99: number; max: number };
  /** Event-loop delay of this load generator; high values mean the client, not the server, was slow. */
  generatorLoopDelayMs: { p99: number; max: number };
  serverCpuSeconds: number;
  loadAverage: [number, number];
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

function summary(values: readonly number[]): LoadResult['pushLatencyMs'] {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? Number.NaN };
}

interface Counters {
  pushLatenciesMs: number[];
  pushErrors: number;
  pulls: number;
  pullErrors: number;
  streamEvents: number;
  streamErrors: number;
}

type CheckinState = ReturnType<typeof storedCheckin>;

/** Runs one simulated tablet until `stopAt`. */
async function runTablet(url: string, session: Session, stopAt: number, counters: Counters): Promise<void> {
  const headers = { Authorization: `Bearer ${session.accessToken}` };
  const stopped = new AbortController();
  let checkpoint: unknown = null;

  const pull = async () => {
    for (;;) {
      const query = new URLSearchParams({ checkpoint: checkpoint ? JSON.stringify(checkpoint) : '', limit: '200' });
      const response = await fetch(`${url}/api/sync/checkins/pull?${query}`, { headers, signal: stopped.signal });
      if (!response.ok) throw new Error(`pull failed with status ${response.status}`);
      const body = (await response.json()) as { documents: unknown[]; checkpoint: unknown };
      counters.pulls += 1;
      checkpoint = body.checkpoint ?? checkpoint;
      if (body.documents.length < 200) return;
    }
  };

  const stream = (async () => {
    try {
      const response = await fetch(`${url}/api/sync/checkins/pull-stream`, { headers, signal: stopped.signal });
      if (!response.ok || !response.body) throw new Error(`pull stream failed with status ${response.status}`);
      for await (const data of readServerSentEvents(response.body)) {
        counters.streamEvents += 1;
        if (data === '"RESYNC"') {
          await pull().catch(() => {
            if (!stopped.signal.aborted) counters.pullErrors += 1;
          });
        } else {
          checkpoint = (JSON.parse(data) as { checkpoint: unknown }).checkpoint;
        }
      }
    } catch {
      if (!stopped.signal.aborted) counters.streamErrors += 1;
    }
  })();

  const { checkin } = walkaround();
  let master: CheckinState | null = null;
  let current: CheckinState = storedCheckin(checkin, { dealerId: session.dealer.id, updatedBy: session.user.username, createdAt: new Date().toISOString() });

  while (Date.now() < stopAt) {
    const wait = PUSH_INTERVAL_MIN_MS + Math.random() * (PUSH_INTERVAL_MAX_MS - PUSH_INTERVAL_MIN_MS);
    await new Promise((resolve) => setTimeout(resolve, Math.min(wait, Math.max(0, stopAt - Date.now()))));
    if (Date.now() >= stopAt) break;

    const next: CheckinState = {
      ...current,
      mileageKm: (current.mileageKm ?? 0) + 1,
      customerRequests: [...current.customerRequests.slice(-3), `客户补充要求 ${uuidv7().slice(-6)}`],
      updatedAt: new Date().toISOString(),
    };
    const started = performance.now();
    try {
      const response = await fetch(`${url}/api/sync/checkins/push`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify([{ assumedMasterState: master, newDocumentState: next }]),
      });
      const answer = (await response.json()) as unknown[];
      counters.pushLatenciesMs.push(performance.now() - started);
      if (!response.ok || answer.length > 0) {
        counters.pushErrors += 1;
      } else {
        master = next;
        current = next;
      }
    } catch {
      counters.pushErrors += 1;
    }
  }

  stopped.abort();
  await stream;
}

export async function measureLoad(options: {
  url: string;
  accounts: BenchAccount[];
  seconds: number;
  serverCpuSeconds: () => number;
  serverRequests: () => readonly ServerRequest[];
  log: (line: string) => void;
}): Promise<LoadResult> {
  const { url, accounts, log } = options;
  // Node's fetch (undici) opens as many connections to one origin as requests need, so every
  // simulated tablet gets its own stream connection, as separate tablets would.
  log(`logging in ${accounts.length} tablets…`);
  const sessions: Session[] = [];
  for (let start = 0; start < accounts.length; start += LOGIN_CONCURRENCY) {
    sessions.push(...(await Promise.all(accounts.slice(start, start + LOGIN_CONCURRENCY).map((account) => login(url, account, { storage: memoryStorage() })))));
  }

  log(`${accounts.length} tablets syncing for ${options.seconds} s…`);
  const counters: Counters = { pushLatenciesMs: [], pushErrors: 0, pulls: 0, pullErrors: 0, streamEvents: 0, streamErrors: 0 };
  const cpuBefore = options.serverCpuSeconds();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const startedAt = Date.now();
  const stopAt = startedAt + options.seconds * 1000;
  await Promise.all(sessions.map((session) => runTablet(url, session, stopAt, counters)));
  loopDelay.disable();
  const serverCpuSeconds = options.serverCpuSeconds() - cpuBefore;
  const [oneMinute, fiveMinutes] = loadavg();

  const serverPushes = options
    .serverRequests()
    .filter((request) => request.method === 'POST' && request.path === '/api/sync/checkins/push' && request.loggedAt >= startedAt);
  return {
    tablets: accounts.length,
    dealers: new Set(accounts.map((account) => account.dealer)).size,
    seconds: options.seconds,
    pushes: counters.pushLatenciesMs.length,
    pushErrors: counters.pushErrors,
    pulls: counters.pulls,
    pullErrors: counters.pullErrors,
    streamEvents: counters.streamEvents,
    streamErrors: counters.streamErrors,
    pushLatencyMs: summary(counters.pushLatenciesMs),
    serverPushMs: summary(serverPushes.map((request) => request.durationMs)),
    generatorLoopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
    serverCpuSeconds,
    loadAverage: [oneMinute ?? Number.NaN, fiveMinutes ?? Number.NaN],
  };
}
