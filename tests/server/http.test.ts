import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMITS } from '../../src/server/http/body';
import type { Store } from '../../src/server/store/store';
import { authInit, createAccount, createTestApp, jsonInit, logIn, type TestApp } from './helpers/testApp';

function expectJsonError(response: Response): void {
  expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
}

describe('HTTP basics', () => {
  let test: TestApp;
  let distDir: string;
  let token: string;

  beforeAll(async () => {
    distDir = mkdtempSync(path.join(tmpdir(), 'service-lane-dist-'));
    mkdirSync(path.join(distDir, 'assets'));
    writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(path.join(distDir, 'sw.js'), 'self.addEventListener("install", () => {});');
    writeFileSync(path.join(distDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    test = await createTestApp({ distDir });
    await createAccount(test.store, 'H01');
    token = (await logIn(test, 'H01', 'li.wei')).accessToken;
  });

  afterAll(async () => {
    await test?.dispose();
    rmSync(distDir, { recursive: true, force: true });
  });

  it('health answers ok with the store kind', async () => {
    const response = await test.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', store: 'sqlite' });
  });

  it('unknown API path gets 404 JSON', async () => {
    const response = await test.request('/api/does/not/exist?x=1', { method: 'DELETE' });
    expect(response.status).toBe(404);
    expectJsonError(response);
    expect(await response.json()).toMatchObject({ error: 'not_found' });
  });

  it('malformed JSON gets 400 JSON', async () => {
    const response = await test.request('/api/auth/login', { method: 'POST', body: '{"dealer": "H01",' });
    expect(response.status).toBe(400);
    expectJsonError(response);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe('malformed_json');
    expect(body.message).not.toMatch(/\n\s+at /);
  });

  it('request body of the wrong shape names the field', async () => {
    const response = await test.request('/api/auth/login', jsonInit('POST', { dealer: 'H01', username: 'li.wei', password: 42 }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request', field: 'password' });
  });

  it('oversized body with a declared length gets 413 JSON', async () => {
    const body = JSON.stringify({ dealer: 'H01', username: 'x', password: 'y'.repeat(BODY_LIMITS.smallJson) });
    const response = await test.request('/api/auth/login', { method: 'POST', body, headers: { 'Content-Length': String(body.length) } });
    expect(response.status).toBe(413);
    expectJsonError(response);
    const error = (await response.json()) as { error: string; message: string };
    expect(error.error).toBe('payload_too_large');
    expect(error.message).toContain('16 KB');
  });

  it('oversized streamed body without a length gets 413 JSON', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= BODY_LIMITS.push + chunk.byteLength) controller.close();
        else {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        }
      },
    });
    const init = authInit(token, { method: 'POST', body, headers: { 'Transfer-Encoding': 'chunked' }, duplex: 'half' } as RequestInit);
    const response = await test.request('/api/sync/customers/push', init);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: 'payload_too_large' });
  });

  it('serves index.html for app routes', async () => {
    const response = await test.request('/checkins/today');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<title>app</title>');
  });

  it('app page carries the security headers', async () => {
    const response = await test.request('/checkins/today');
    const policy = response.headers.get('Content-Security-Policy') ?? '';

    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(response.headers.get('X-Frame-Options')).toBe('DENY');
    expect(response.headers.get('Strict-Transport-Security')).toBeNull();
  });

  it('API errors carry the security headers', async () => {
    const response = await test.request('/api/does/not/exist');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
  });

  it('serves the service worker uncached', async () => {
    const response = await test.request('/sw.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
    expect(response.headers.get('Content-Type')).toMatch(/^text\/javascript/);
  });

  it('serves hashed assets as immutable', async () => {
    const response = await test.request('/assets/index-abc123.js');
    expect(response.headers.get('Cache-Control')).toContain('immutable');
  });

  it('missing asset gets 404 JSON, not the app page', async () => {
    const response = await test.request('/assets/gone-123.js');
    expect(response.status).toBe(404);
    expectJsonError(response);
  });

  it('path traversal stays inside the app folder', async () => {
    const response = await test.request('/..%2f..%2fetc%2fpasswd');
    expect(response.status).toBe(404);
    expectJsonError(response);
  });

  it('logs one line per request without query, body or token', async () => {
    test.logs.length = 0;
    await test.request('/api/sync/customers/pull?checkpoint=&limit=5', authInit(token));

    const lines = test.logs.filter((record) => record.event === 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ method: 'GET', path: '/api/sync/customers/pull', status: 200 });
    expect(typeof lines[0]!.durationMs).toBe('number');
    expect(typeof lines[0]!.dealer).toBe('string');
    expect(JSON.stringify(test.logs)).not.toContain(token);
    expect(JSON.stringify(test.logs)).not.toContain('limit=5');
  });
});

describe('HTTP failures', () => {
  it('an unexpected error gets 500 JSON without a stack trace', async () => {
    const test = await createTestApp();
    try {
      await createAccount(test.store, 'E01');
      const { accessToken } = await logIn(test, 'E01', 'li.wei');
      const failing: Store['pullDocuments'] = async () => {
        throw new Error('disk on fire');
      };
      test.store.pullDocuments = failing;

      const response = await test.request('/api/sync/customers/pull', authInit(accessToken));
      const text = await response.text();

      expect(response.status).toBe(500);
      expect(JSON.parse(text)).toMatchObject({ error: 'internal' });
      expect(text).not.toContain('disk on fire');
      expect(text).not.toMatch(/\bat .*\.ts/);
      expect(test.logs.find((record) => record.event === 'unhandled_error')).toMatchObject({ errorMessage: 'disk on fire' });
    } finally {
      await test.dispose();
    }
  });

  it('health gets 503 JSON when the store fails', async () => {
    const test = await createTestApp();
    try {
      test.store.ping = async () => {
        throw new Error('connection refused');
      };
      const response = await test.request('/api/health');
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: 'store_unavailable' });
    } finally {
      await test.dispose();
    }
  });

  it('app route without a built app gets 404 JSON', async () => {
    const emptyDist = mkdtempSync(path.join(tmpdir(), 'service-lane-empty-dist-'));
    const test = await createTestApp({ distDir: emptyDist });
    try {
      const response = await test.request('/');
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'app_not_built' });
    } finally {
      await test.dispose();
      rmSync(emptyDist, { recursive: true, force: true });
    }
  });
});
