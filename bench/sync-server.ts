/**
 * The sync server of `npm run bench:sync`, run as a child process as `npm start` runs it, so
 * the load generator and the server compete for the machine's cores as two programs do.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword } from '../src/server/auth/passwords';
import { openStore } from '../src/server/store/store';

const ROOT = join(import.meta.dirname, '..');

export interface BenchAccount {
  dealer: string;
  username: string;
  password: string;
}

export const BENCH_PASSWORD = 'Bench-sync-2026';

/**
 * Creates the dealers and users the benchmark logs in with, before the server starts (a store
 * with a dealer gets no demo seed). All users share one password hash: hashing is slow by design.
 */
export async function createBenchAccounts(dataDir: string, dealers: Array<{ code: string; usernames: string[] }>): Promise<BenchAccount[]> {
  const store = await openStore({ dataDir });
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const accounts: BenchAccount[] = [];
  try {
    for (const { code, usernames } of dealers) {
      const dealer = await store.createDealer({ code, name: `基准测试经销商 ${code}` });
      for (const username of usernames) {
        await store.createUser({ dealerId: dealer.id, username, displayName: username, role: 'advisor', passwordHash });
        accounts.push({ dealer: code, username, password: BENCH_PASSWORD });
      }
    }
  } finally {
    await store.close();
  }
  return accounts;
}

/** One request line of the server's log. */
export interface ServerRequest {
  method: string;
  path: string;
  status: number;
  durationMs: number;
  /** Epoch milliseconds when the line was read. */
  loggedAt: number;
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Request lines the server logged so far. */
  readonly requests: ServerRequest[];
  /** CPU seconds the server process used so far (user + system), from /proc. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** Starts `src/server/main.ts` with tsx on a free loopback port; resolves when it listens. */
export async function startServerProcess(dataDir: string): Promise<ServerProcess> {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'server', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  const requests: ServerRequest[] = [];
  let partialLine = '';
  // Every stdout line is read, so the pipe never fills and blocks the server.
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partialLine + chunk.toString()).split('\n');
    partialLine = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      const record = JSON.parse(line) as { event?: string; method?: string; path?: string; status?: number; durationMs?: number };
      if (record.event !== 'request') continue;
      requests.push({ method: record.method ?? '', path: record.path ?? '', status: record.status ?? 0, durationMs: record.durationMs ?? 0, loggedAt: Date.now() });
    }
  });

  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match?.[1]) {
        child.stdout?.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.once('exit', (code) => reject(new Error(`server exited with code ${code} before listening: ${output.slice(-500)}`)));
  });

  // tsx runs the server in a child node process of its own; its CPU counts are the ones to read.
  const serverPid = (): number => {
    try {
      const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
      return Number(children[0] ?? child.pid);
    } catch {
      return child.pid ?? 0;
    }
  };
  const pid = serverPid();

  return {
    url,
    child,
    requests,
    cpuSeconds() {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        // Fields 14 and 15 of /proc/PID/stat (utime, stime), counted after the command name.
        return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
      } catch {
        return Number.NaN;
      }
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
