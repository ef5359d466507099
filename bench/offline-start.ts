/**
 * Offline start: the time from opening the installed app with no network to a usable
 * check-in list, in Chromium with the tablet's database filled through real replication.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import { databaseNameForDealer } from '../src/db/database';
import { startServer } from '../src/server/main';
import { DEMO_LOGIN, DIST_DIR, launchTablet, login, ROOT, textOf, waitFor } from '../tests/e2e/harness';
import { buildCustomers, buildTodaysCheckins, buildVehicles } from './fixtures';

const WRITE_BATCH_SIZE = 2_000;
const SYNC_TIMEOUT_MS = 10 * 60_000;
const START_BUDGET_MS = 1_500;
const FIRST_SCREEN_JS_BUDGET_BYTES = 200 * 1024;

export interface OfflineStartOptions {
  vehicles: number;
  checkins: number;
  runs: number;
}

export interface OfflineStartResult {
  markdown: string[];
}

interface StartTiming {
  throttle: number;
  /** Navigation start to the full check-in list, per run. */
  runsMs: number[];
  /** Navigation start to the first contentful paint, per run. */
  firstPaintMs: number[];
}

interface StartRun {
  listMs: number;
  firstPaintMs: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Counts the stored documents of a collection in RxDB's Dexie database, read with plain IndexedDB. */
async function countLocalDocuments(page: Page, databaseName: string, collection: string): Promise<number> {
  return page.evaluate(async (name) => {
    const known = await indexedDB.databases();
    if (!known.some((database) => database.name === name)) return 0;
    return new Promise<number>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const database = request.result;
        if (!database.objectStoreNames.contains('docs')) {
          database.close();
          resolve(0);
          return;
        }
        const count = database.transaction('docs').objectStore('docs').count();
        count.onsuccess = () => {
          database.close();
          resolve(count.result);
        };
        count.onerror = () => reject(count.error);
      };
    });
  }, `rxdb-dexie-${databaseName}--0--${collection}`);
}

/**
 * Reloads the page and reads the page's own clock (ms since navigation start) when the list
 * shows `expected` rows, and the time of its first contentful paint.
 */
async function timeStartToList(page: Page, expected: number): Promise<StartRun> {
  await page.reload({ waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (rows) => (document.querySelectorAll('.checkin-list > li').length >= rows ? performance.now() : false),
    expected,
    { polling: 'raf', timeout: 60_000 },
  );
  const listMs = Number(await handle.jsonValue());
  const firstPaintMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
  return { listMs, firstPaintMs };
}

/**
 * Lists the paths of the JavaScript files the page has requested so far (the service worker's
 * own script excluded), or only those requested before `beforeMs` on the page's clock.
 */
async function loadedScripts(page: Page, beforeMs = Number.POSITIVE_INFINITY): Promise<string[]> {
  return page.evaluate((limitMs) => performance.getEntriesByType('resource')
    .filter((entry) => entry.startTime <= limitMs)
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.endsWith('.js')), beforeMs);
}

interface ScriptWeight {
  files: number;
  gzipBytes: number;
  /** Each file's path and gzip size, largest first. */
  largest: Array<{ path: string; gzipBytes: number }>;
}

/** Sums the gzip size (default level, as a server or proxy would send them) of built files. */
function gzipWeight(paths: readonly string[]): ScriptWeight {
  const sizes = [...new Set(paths)]
    .map((path) => ({ path, gzipBytes: gzipSync(readFileSync(join(DIST_DIR, path))).length }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const gzipBytes = sizes.reduce((sum, file) => sum + file.gzipBytes, 0);
  return { files: sizes.length, gzipBytes, largest: sizes };
}

function formatKiB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await waitFor(async () => {
    if (await page.evaluate(() => navigator.serviceWorker.controller !== null)) return true;
    await page.reload();
    return false;
  }, { timeoutMs: 30_000, intervalMs: 200, description: 'a service worker controlling the page' });
}

async function measureStarts(page: Page, session: CDPSession, expectedRows: number, runs: number): Promise<StartTiming[]> {
  const timings: StartTiming[] = [];
  for (const throttle of [1, 4]) {
    await session.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    // One unmeasured start per setting, so the service worker and the HTTP cache are warm.
    await timeStartToList(page, expectedRows);
    const runsMs: number[] = [];
    const firstPaintMs: number[] = [];
    for (let run = 0; run < runs; run++) {
      const timing = await timeStartToList(page, expectedRows);
      runsMs.push(timing.listMs);
      firstPaintMs.push(timing.firstPaintMs);
    }
    timings.push({ throttle, runsMs, firstPaintMs });
    console.log(`  offline start, ${throttle}× CPU: list median ${median(runsMs).toFixed(0)} ms (${runsMs.map((ms) => ms.toFixed(0)).join(', ')}), first paint median ${median(firstPaintMs).toFixed(0)} ms`);
  }
  await session.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  return timings;
}

/**
 * Measures offline starts of the built app. The real server's demo dealership gets `vehicles`
 * vehicles, their customers and `checkins` check-ins of today, and Chromium signs in and waits
 * until replication has brought everything to the tablet. Then the server stops, the network
 * is cut, and each run reloads the page until the check-in list shows every row.
 */
export async function measureOfflineStart(options: OfflineStartOptions): Promise<OfflineStartResult> {
  console.log('building the app…');
  await build({ root: ROOT, logLevel: 'warn' });

  const dataDir = mkdtempSync(join(tmpdir(), 'service-lane-bench-data-'));
  const server = await startServer({ port: 0, dataDir, distDir: DIST_DIR, log: () => {} });
  let serverClosing: Promise<void> | undefined;
  const closeServer = () => (serverClosing ??= server.close());
  const url = server.url;
  const tablet = await launchTablet({ size: 'landscape' });

  try {
    const dealer = await server.store.getDealerByCode(DEMO_LOGIN.dealer);
    if (!dealer) throw new Error(`offline-start benchmark: the demo dealer ${DEMO_LOGIN.dealer} was not seeded`);

    const vehicles = buildVehicles(options.vehicles, dealer.id);
    const customers = buildCustomers(vehicles);
    const checkins = await buildTodaysCheckins(options.checkins, vehicles, customers);
    for (const [collection, documents] of [['vehicles', vehicles], ['customers', customers], ['checkins', checkins]] as const) {
      for (let start = 0; start < documents.length; start += WRITE_BATCH_SIZE) {
        await server.store.writeServerDocuments(dealer.id, collection, documents.slice(start, start + WRITE_BATCH_SIZE));
      }
    }

    const page = tablet.page;
    await page.goto(url);
    await page.getByRole('button', { name: textOf('login.submit') }).waitFor();
    const loginScreenScripts = gzipWeight(await loadedScripts(page));
    const syncStarted = Date.now();
    await login(page, DEMO_LOGIN);

    const databaseName = databaseNameForDealer(dealer.id);
    console.log(`waiting for replication of ${vehicles.length} vehicles, ${customers.length} customers, ${checkins.length} check-ins…`);
    await waitFor(async () => {
      const counts = await Promise.all(['vehicles', 'customers', 'checkins'].map((name) => countLocalDocuments(page, databaseName, name)));
      return counts[0]! >= vehicles.length && counts[1]! >= customers.length && counts[2]! >= checkins.length;
    }, { timeoutMs: SYNC_TIMEOUT_MS, intervalMs: 1_000, description: 'replication of the benchmark documents' });
    const initialSyncMs = Date.now() - syncStarted;
    console.log(`  first sync after sign-in: ${(initialSyncMs / 1000).toFixed(1)} s`);

    await waitForServiceWorkerControl(page);
    await closeServer();
    await tablet.context.setOffline(true);

    const session = await tablet.context.newCDPSession(page);
    const timings = await measureStarts(page, session, checkins.length, options.runs);
    await session.detach();
    // The last run ended when the list was complete. The scripts requested until then are the
    // returning advisor's first screen; replication and the update prompt are requested after
    // the list is on screen and are counted apart.
    const listShownMs = timings.at(-1)?.runsMs.at(-1) ?? Number.POSITIVE_INFINITY;
    const homeScreenScripts = gzipWeight(await loadedScripts(page, listShownMs));
    const afterListScripts = gzipWeight((await loadedScripts(page)).filter((path) => !(homeScreenScripts.largest.some((file) => file.path === path))));
    console.log(`  first-screen JavaScript, gzip: sign-in ${formatKiB(loginScreenScripts.gzipBytes)}, check-in list ${formatKiB(homeScreenScripts.gzipBytes)}`);
    for (const file of homeScreenScripts.largest.slice(0, 8)) console.log(`    ${formatKiB(file.gzipBytes).padStart(10)}  ${file.path}`);

    return {
      markdown: [
        '### Offline start to a usable check-in list',
        '',
        `The built app, installed (service worker controlling the page) after signing in to the demo`,
        `dealership, whose ${vehicles.length.toLocaleString('en')} vehicles, ${customers.length.toLocaleString('en')} customers and ${checkins.length} check-ins of today`,
        `reached the tablet through replication (first sync after sign-in: ${(initialSyncMs / 1000).toFixed(1)} s).`,
        'Then the server is stopped and the network cut, and each run reloads the page and waits until',
        `the check-in list shows all ${checkins.length} rows, timed by the page's own clock from navigation start.`,
        `One unmeasured warm-up start per setting, then ${options.runs} measured ones. Budget: ${START_BUDGET_MS} ms at 4× CPU slowdown.`,
        '',
        '| CPU | first contentful paint, median ms | full check-in list, median ms | list, each run ms |',
        '| --- | ---: | ---: | --- |',
        ...timings.map(({ throttle, runsMs, firstPaintMs }) => `| ${throttle === 1 ? 'unthrottled' : `${throttle}× slower`} | ${median(firstPaintMs).toFixed(0)} | ${median(runsMs).toFixed(0)} | ${runsMs.map((ms) => ms.toFixed(0)).join(', ')} |`),
        '',
        '### JavaScript for the first screen',
        '',
        'The JavaScript files the page had requested when the screen was ready (for the check-in list:',
        'when every row showed), each compressed with gzip at the default level from dist/. The scripts',
        'requested after that (replication, the update prompt) are listed apart.',
        `Budget: ${formatKiB(FIRST_SCREEN_JS_BUDGET_BYTES)} gzip.`,
        '',
        '| screen | files | gzip |',
        '| --- | ---: | ---: |',
        `| sign-in (first visit) | ${loginScreenScripts.files} | ${formatKiB(loginScreenScripts.gzipBytes)} |`,
        `| check-in list (returning advisor, offline) | ${homeScreenScripts.files} | ${formatKiB(homeScreenScripts.gzipBytes)} |`,
        `| loaded after the list showed | ${afterListScripts.files} | ${formatKiB(afterListScripts.gzipBytes)} |`,
        '',
      ],
    };
  } finally {
    await tablet.close();
    await closeServer();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
