import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEMO_ADVISOR, DEMO_DEALER } from '../../src/server/demoSeed';
import { customerDocument } from './helpers/documents';
import { createTestSchema, type TestSchema } from './helpers/postgres';
import { startServerProcess, type ServerProcess } from './helpers/serverProcess';
import { readSse } from './helpers/sse';
import { STORE_KINDS, waitFor } from './helpers/stores';

interface Session {
  accessToken: string;
  dealer: { id: string };
}

async function logInDemo(url: string): Promise<Session> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ dealer: DEMO_DEALER.code, username: DEMO_ADVISOR.username, password: DEMO_ADVISOR.password }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Session;
}

async function pullAllIds(url: string, token: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let checkpoint = '';
  for (;;) {
    const response = await fetch(`${url}/api/sync/customers/pull?checkpoint=${encodeURIComponent(checkpoint)}&limit=1000`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const page = (await response.json()) as { documents: Array<{ id: string }>; checkpoint: { seq: number } | null };
    for (const doc of page.documents) ids.add(doc.id);
    if (page.documents.length === 0) return ids;
    checkpoint = JSON.stringify(page.checkpoint);
  }
}

const servers: ServerProcess[] = [];
const dataDirs: string[] = [];

function newDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'service-lane-process-'));
  dataDirs.push(dir);
  return dir;
}

async function start(env: { DATA_DIR: string; DATABASE_URL?: string }): Promise<ServerProcess> {
  const server = await startServerProcess(env);
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe('server process', () => {
  it('first start seeds the demo dealership once', async () => {
    const dataDir = newDataDir();
    const first = await start({ DATA_DIR: dataDir });
    expect(first.output()).toContain(`经销商代码 ${DEMO_DEALER.code}`);
    expect(first.output()).toContain(`dealer code ${DEMO_DEALER.code}, username ${DEMO_ADVISOR.username}, password ${DEMO_ADVISOR.password}`);
    const session = await logInDemo(first.url);
    await first.stop();

    const second = await start({ DATA_DIR: dataDir });
    expect(second.output()).not.toContain('demo dealership');
    const health = await fetch(`${second.url}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', store: 'sqlite' });

    // The signing key is stored, so a token from before the restart still works.
    const pulled = await fetch(`${second.url}/api/sync/customers/pull`, { headers: { Authorization: `Bearer ${session.accessToken}` } });
    expect(pulled.status).toBe(200);
  });

  it('pull stream ends with a restart and resumes with RESYNC', async () => {
    const dataDir = newDataDir();
    const first = await start({ DATA_DIR: dataDir });
    const { accessToken } = await logInDemo(first.url);
    const stream = readSse(await fetch(`${first.url}/api/sync/customers/pull-stream`, { headers: { Authorization: `Bearer ${accessToken}` } }));
    expect(await stream.waitForEvents(1)).toEqual(['RESYNC']);

    await first.stop();
    await waitFor(() => stream.ended, 10_000, 'the stream to end');

    const second = await start({ DATA_DIR: dataDir });
    const resumed = readSse(await fetch(`${second.url}/api/sync/customers/pull-stream`, { headers: { Authorization: `Bearer ${accessToken}` } }));
    expect(await resumed.waitForEvents(1)).toEqual(['RESYNC']);
    await resumed.close();
  });
});

describe.each(STORE_KINDS)('server killed during pushes on %s', (kind) => {
  let schema: TestSchema | null = null;

  afterAll(async () => {
    await schema?.drop();
  });

  it('keeps every acknowledged push', async () => {
    schema = kind === 'postgres' ? await createTestSchema() : null;
    const env = { DATA_DIR: newDataDir(), ...(schema ? { DATABASE_URL: schema.databaseUrl } : {}) };
    const server = await start(env);
    const session = await logInDemo(server.url);
    const acknowledged: string[] = [];
    let killed = false;

    // Four tablets push small batches one after the other until the server dies under them.
    const tablet = async () => {
      while (!killed) {
        const docs = [customerDocument(session.dealer.id), customerDocument(session.dealer.id)];
        try {
          const response = await fetch(`${server.url}/api/sync/customers/push`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.accessToken}` },
            body: JSON.stringify(docs.map((doc) => ({ newDocumentState: { ...doc, _deleted: false } }))),
          });
          if (response.status === 200 && ((await response.json()) as unknown[]).length === 0) {
            acknowledged.push(...docs.map((doc) => doc.id as string));
          }
        } catch {
          return;
        }
      }
    };
    const tablets = [tablet(), tablet(), tablet(), tablet()];
    await waitFor(() => acknowledged.length >= 200, 30_000, '200 acknowledged documents');
    killed = true;
    await server.kill();
    await Promise.all(tablets);

    const restarted = await start(env);
    const { accessToken } = await logInDemo(restarted.url);
    const stored = await pullAllIds(restarted.url, accessToken);

    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  });
});
