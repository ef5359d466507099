import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/app/i18n/en';
import { zhCN } from '../../src/app/i18n/zh-CN';
import { launchTablet, screenshot, startTestServer, textOf, waitFor, type Tablet, type TestServer } from './harness';

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

/** Waits until a service worker is active for the page, then reloads until it controls the page. */
async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The worker does not claim open pages (clientsClaim is off), so the first visit is never controlled.
  await waitFor(async () => {
    if (await page.evaluate(() => navigator.serviceWorker.controller !== null)) return true;
    await page.reload();
    return false;
  }, { timeoutMs: 30_000, intervalMs: 200, description: 'a service worker controlling the page' });
}

describe('server', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('health answers 200 JSON', async () => {
    const response = await fetch(`${server.url}/api/health`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('unknown API path answers 404 JSON', async () => {
    const response = await fetch(`${server.url}/api/nope`);

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { error?: unknown; message?: unknown };
    expect(typeof body.error).toBe('string');
    expect(typeof body.message).toBe('string');
  });

  it('deep link answers the app shell', async () => {
    const response = await fetch(`${server.url}/some/deep/link`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<div id="root">');
  });

  it('serves the web manifest and the service worker', async () => {
    const manifest = await fetch(`${server.url}/manifest.webmanifest`);
    const worker = await fetch(`${server.url}/sw.js`);

    expect(manifest.status).toBe(200);
    expect(await manifest.json()).toMatchObject({
      name: zhCN['app.name'],
      short_name: zhCN['app.shortName'],
      display: 'standalone',
      start_url: '/',
      scope: '/',
      theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
    });
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toMatch(/javascript/);
  });

  it('manifest icons cover 192 px, 512 px and maskable', async () => {
    const manifest = (await (await fetch(`${server.url}/manifest.webmanifest`)).json()) as {
      icons: Array<{ src: string; sizes: string; purpose?: string }>;
    };

    expect(manifest.icons.some((icon) => icon.sizes === '192x192')).toBe(true);
    expect(manifest.icons.some((icon) => icon.sizes === '512x512')).toBe(true);
    expect(manifest.icons.some((icon) => icon.purpose?.split(' ').includes('maskable'))).toBe(true);
    for (const icon of manifest.icons) {
      const response = await fetch(new URL(icon.src, server.url));
      expect(response.status, icon.src).toBe(200);
      expect(response.headers.get('content-type'), icon.src).toBe('image/png');
    }
  });
});

describe('installable app', () => {
  let server: TestServer;
  let tablet: Tablet;

  beforeAll(async () => {
    server = await startTestServer();
    tablet = await launchTablet({ size: 'landscape' });
    await tablet.page.goto(server.url);
    await waitForServiceWorkerControl(tablet.page);
  });

  afterAll(async () => {
    await tablet?.close();
    await server?.close();
  });

  it('has no installability errors', async () => {
    const session = await tablet.context.newCDPSession(tablet.page);
    const { installabilityErrors } = await session.send('Page.getInstallabilityErrors');
    await session.detach();

    expect(installabilityErrors).toEqual([]);
  });

  it('links the manifest with the zh-CN name', async () => {
    const session = await tablet.context.newCDPSession(tablet.page);
    const { url, errors } = await session.send('Page.getAppManifest');
    await session.detach();

    expect(url).toBe(`${server.url}/manifest.webmanifest`);
    expect(errors).toEqual([]);
  });

  it('starts in zh-CN', async () => {
    await tablet.page.getByText(zhCN['login.title'], { exact: true }).first().waitFor();

    expect(await tablet.page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await visibleText(tablet.page)).toContain(zhCN['app.name']);
    expect(await visibleText(tablet.page)).toContain(zhCN['login.subtitle']);
    expect(await visibleText(tablet.page)).not.toContain(en['login.title']);
    await screenshot(tablet.page, 'pwa-login-zh-CN-landscape');
  });

  it('reloads and renders with the network off', async () => {
    await tablet.context.setOffline(true);
    // Stopping the server too makes sure only the service worker can respond.
    await server.close();

    await tablet.page.reload();
    await tablet.page.getByText(zhCN['login.title'], { exact: true }).first().waitFor();

    expect(await tablet.page.evaluate(() => navigator.onLine)).toBe(false);
    expect(await visibleText(tablet.page)).toContain(zhCN['app.name']);
    expect(await visibleText(tablet.page)).toContain(zhCN['login.subtitle']);
    await screenshot(tablet.page, 'pwa-login-offline-landscape');
  });
});

describe('language switch', () => {
  let server: TestServer;
  let tablet: Tablet;

  beforeAll(async () => {
    server = await startTestServer();
    tablet = await launchTablet({ size: 'portrait' });
    await tablet.page.goto(server.url);
  });

  afterAll(async () => {
    await tablet?.close();
    await server?.close();
  });

  it('shows English after the switch', async () => {
    await tablet.page.getByRole('button', { name: textOf('language.switchLabel') }).click();
    await tablet.page.getByText(en['login.title'], { exact: true }).first().waitFor();

    expect(await tablet.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await visibleText(tablet.page)).toContain(en['login.subtitle']);
    expect(await visibleText(tablet.page)).not.toContain(zhCN['login.subtitle']);
    await screenshot(tablet.page, 'pwa-login-en-portrait');
  });

  it('keeps English after a reload', async () => {
    await tablet.page.reload();
    await tablet.page.getByText(en['login.title'], { exact: true }).first().waitFor();

    expect(await visibleText(tablet.page)).toContain(en['login.subtitle']);
    expect(await visibleText(tablet.page)).not.toContain(zhCN['login.subtitle']);
  });
});
