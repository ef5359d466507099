import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMITS } from '../../src/server/http/body';
import { STORE_KINDS } from './helpers/stores';
import { authInit, createAccount, createTestApp, logIn, type TestApp } from './helpers/testApp';

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/* Blob rules S13 of docs/sync-protocol.md. */
describe.each(STORE_KINDS)('blobs on %s (S13)', (kind) => {
  let test: TestApp;
  let tokenA: string;
  let tokenB: string;
  const photo = new Uint8Array(randomBytes(50_000));
  const photoHash = sha256(photo);

  beforeAll(async () => {
    test = await createTestApp({ kind });
    await createAccount(test.store, 'A01');
    await createAccount(test.store, 'B01');
    tokenA = (await logIn(test, 'A01', 'li.wei')).accessToken;
    tokenB = (await logIn(test, 'B01', 'li.wei')).accessToken;
  });

  afterAll(async () => {
    await test?.dispose();
  });

  function put(token: string, hash: string, body: Uint8Array<ArrayBuffer>, contentType = 'image/jpeg'): Promise<Response> {
    return test.request(`/api/blobs/${hash}`, authInit(token, { method: 'PUT', body, headers: { 'Content-Type': contentType } }));
  }

  it('upload then download returns the same bytes', async () => {
    const uploaded = await put(tokenA, photoHash, photo);
    expect(uploaded.status).toBe(201);
    expect(await uploaded.json()).toEqual({ sha256: photoHash, mimeType: 'image/jpeg', bytes: photo.byteLength, created: true });

    const downloaded = await test.request(`/api/blobs/${photoHash}`, authInit(tokenA));
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('Content-Type')).toBe('image/jpeg');
    expect(downloaded.headers.get('Cache-Control')).toContain('immutable');
    expect(new Uint8Array(await downloaded.arrayBuffer())).toEqual(photo);
  });

  it('repeated upload is idempotent', async () => {
    await put(tokenA, photoHash, photo);
    const again = await put(tokenA, photoHash, photo);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ created: false });
  });

  it('HEAD tells whether the blob exists', async () => {
    await put(tokenA, photoHash, photo);
    const present = await test.request(`/api/blobs/${photoHash}`, authInit(tokenA, { method: 'HEAD' }));
    const absent = await test.request(`/api/blobs/${'0'.repeat(64)}`, authInit(tokenA, { method: 'HEAD' }));
    expect(present.status).toBe(200);
    expect(absent.status).toBe(404);
  });

  it('bytes that do not match the hash are rejected', async () => {
    const response = await put(tokenA, '1'.repeat(64), photo);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'hash_mismatch' });
    expect(await test.store.hasBlob((await test.store.getDealerByCode('A01'))!.id, '1'.repeat(64))).toBe(false);
  });

  it('malformed hash is rejected', async () => {
    const response = await put(tokenA, 'not-a-hash', photo);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request', field: 'sha256' });
  });

  it.each(['application/pdf', 'image/svg+xml', 'image/gif', 'image/heic', 'text/html'])('%s upload gets 415', async (contentType) => {
    const bytes = new Uint8Array(randomBytes(100));
    const response = await put(tokenA, sha256(bytes), bytes, contentType);

    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: 'unsupported_media_type' });
    expect(await test.store.hasBlob((await test.store.getDealerByCode('A01'))!.id, sha256(bytes))).toBe(false);
  });

  it.each(['image/jpeg', 'image/png', 'image/webp', 'image/PNG; charset=binary'])('%s upload is stored', async (contentType) => {
    const bytes = new Uint8Array(randomBytes(100));
    const response = await put(tokenA, sha256(bytes), bytes, contentType);

    expect(response.status).toBe(201);
    const downloaded = await test.request(`/api/blobs/${sha256(bytes)}`, authInit(tokenA));
    expect(downloaded.headers.get('Content-Type')).toBe(contentType.split(';')[0]!.toLowerCase());
  });

  it('download forbids sniffing and active content', async () => {
    await put(tokenA, photoHash, photo);
    const response = await test.request(`/api/blobs/${photoHash}`, authInit(tokenA));

    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Security-Policy')).toBe("default-src 'none'");
  });

  it('stored blob of another type is served as bytes', async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const dealerId = (await test.store.getDealerByCode('A01'))!.id;
    await test.store.putBlob({ dealerId, sha256: sha256(svg), mimeType: 'image/svg+xml', bytes: svg });

    const response = await test.request(`/api/blobs/${sha256(svg)}`, authInit(tokenA));

    expect(response.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(response.headers.get('Content-Disposition')).toBe('attachment');
    expect(response.headers.get('Content-Security-Policy')).toBe("default-src 'none'");
  });

  it('blob over 15 MB gets 413 JSON', async () => {
    const big = new Uint8Array(BODY_LIMITS.blob + 1);
    const response = await put(tokenA, sha256(big), big);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: 'payload_too_large' });
  });

  it('another dealer cannot read the blob', async () => {
    await put(tokenA, photoHash, photo);
    const get = await test.request(`/api/blobs/${photoHash}`, authInit(tokenB));
    const head = await test.request(`/api/blobs/${photoHash}`, authInit(tokenB, { method: 'HEAD' }));
    expect(get.status).toBe(404);
    expect(await get.json()).toMatchObject({ error: 'not_found' });
    expect(head.status).toBe(404);
  });

  it('blobs need a token', async () => {
    expect((await test.request(`/api/blobs/${photoHash}`)).status).toBe(401);
  });
});
