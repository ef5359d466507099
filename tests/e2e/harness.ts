/**
 * End-to-end harness: the real server on a free loopback port with a temporary data folder,
 * and Debian's Chromium driven by playwright-core as a tablet. No test downloads a browser.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { en } from '../../src/app/i18n/en';
import { zhCN, type MessageKey } from '../../src/app/i18n/zh-CN';
import { startServer } from '../../src/server/main';

export const ROOT = join(import.meta.dirname, '..', '..');
export const DIST_DIR = join(ROOT, 'dist');
export const SCREENSHOT_DIR = '/tmp/shots';
export const DEMO_LOGIN = { dealer: 'DEMO', username: 'demo', password: 'demo1234' } as const;

export const TABLET_VIEWPORTS = {
  landscape: { width: 1180, height: 820 },
  portrait: { width: 800, height: 1280 },
} as const;

// Without the background-networking flags Chromium keeps trying Google's hosts, which this
// machine's closed network refuses; --no-sandbox because tests run as root.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface TestServer {
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Data folder to reuse (for a restart); a new temporary one when omitted. */
  dataDir?: string;
  /** PostgreSQL URL; the SQLite file in dataDir when omitted. */
  databaseUrl?: string;
}

/**
 * Starts the real server in this process on a free loopback port, serving the built app in
 * dist/ (the test command runs `vite build` first). close() stops it and removes a data
 * folder it created.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'service-lane-e2e-data-'));

  const server = await startServer({
    port: 0,
    dataDir,
    databaseUrl: options.databaseUrl,
    distDir: DIST_DIR,
    log: () => {},
  });

  let closing: Promise<void> | undefined;
  return {
    url: server.url,
    dataDir,
    // Idempotent, so a test may stop the server early (to prove the app runs offline) and afterAll still calls it.
    close() {
      closing ??= (async () => {
        await server.close();
        if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}

export interface TabletOptions {
  size: keyof typeof TABLET_VIEWPORTS;
  /** Browser language (navigator.language); the app itself starts in zh-CN regardless. */
  locale?: string;
  /** Profile folder to reuse, so a second launch finds the first one's storage and service worker. */
  userDataDir?: string;
}

export interface Tablet {
  context: BrowserContext;
  page: Page;
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium as a touch tablet. It uses a persistent profile because
 * Chromium reports an incognito context as not installable and keeps no service worker.
 */
export async function launchTablet(options: TabletOptions): Promise<Tablet> {
  const ownsUserDataDir = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'service-lane-e2e-profile-'));

  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: TABLET_VIEWPORTS[options.size],
    hasTouch: true,
    isMobile: false,
    deviceScaleFactor: 2,
    locale: options.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = context.pages()[0] ?? (await context.newPage());

  let closing: Promise<void> | undefined;
  return {
    context,
    page,
    userDataDir,
    close() {
      closing ??= (async () => {
        await context.close();
        if (ownsUserDataDir) rmSync(userDataDir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches a catalog message in either language, so a helper works whatever locale the app shows. */
export function textOf(key: MessageKey): RegExp {
  return new RegExp(`^\\s*(?:${escapeRegExp(zhCN[key])}|${escapeRegExp(en[key])})\\s*$`);
}

export interface LoginCredentials {
  dealer: string;
  username: string;
  password: string;
}

/** Signs in through the login screen and waits until it is gone. */
export async function login(page: Page, credentials: LoginCredentials = DEMO_LOGIN): Promise<void> {
  await page.getByLabel(textOf('login.dealer')).fill(credentials.dealer);
  await page.getByLabel(textOf('login.username')).fill(credentials.username);
  await page.getByLabel(textOf('login.password')).fill(credentials.password);
  await page.getByRole('button', { name: textOf('login.submit') }).click();
  await page.getByLabel(textOf('login.password')).waitFor({ state: 'detached' });
}

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Says what was awaited, for the timeout message. */
  description?: string;
}

/** Polls a condition until it returns a truthy value, and returns that value; throws on timeout. */
export async function waitFor<T>(condition: () => T | Promise<T>, options: WaitOptions = {}): Promise<NonNullable<T>> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const intervalMs = options.intervalMs ?? 50;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;

  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const what = options.description ?? 'condition';
      const cause = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`waitFor: ${what} not met within ${timeoutMs} ms${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Saves a screenshot of the viewport to /tmp/shots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
