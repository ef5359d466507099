/**
 * `npm run bench`: vehicle look-up times among 20,000 vehicles in the tablet's real database,
 * which is RxDB on Dexie storage over the IndexedDB of headless Chromium, with and without 4×
 * CPU throttling. Then the time from opening the installed app offline to a usable check-in
 * list. Prints the figures and writes them into docs/benchmarks.md.
 */
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { build } from 'vite';
import type { TimingSummary } from './lookup-page';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/harness';
import { measureOfflineStart, type OfflineStartResult } from './offline-start';

const ROOT = join(import.meta.dirname, '..');
const BENCHMARKS_DOC = join(ROOT, 'docs', 'benchmarks.md');
const SECTION_START = '<!-- lookup-benchmark:start -->';
const SECTION_END = '<!-- lookup-benchmark:end -->';

const VEHICLE_COUNT = Number(process.env.BENCH_VEHICLES ?? 20_000);
const QUERIES_PER_KIND = Number(process.env.BENCH_QUERIES ?? 300);
const WARM_UP_QUERIES = 30;
const THROTTLE_RATES = [1, 4];
const LOOKUP_KINDS = [
  { kind: 'platePrefix', label: 'plate prefix (3–5 characters, 京A1…)' },
  { kind: 'vinTail', label: 'VIN tail (last 6)' },
  { kind: 'mobile', label: 'mobile (11 digits)' },
  { kind: 'mobilePrefix', label: 'mobile prefix (first 7 digits)' },
] as const;
const LOOKUP_BUDGET_MS = 50;
const TODAYS_CHECKINS = Number(process.env.BENCH_CHECKINS ?? 30);
const OFFLINE_START_RUNS = Number(process.env.BENCH_START_RUNS ?? 5);

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

/** Bundles the browser side with Vite into a temporary folder. */
async function bundleLookupPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      lib: { entry: join(ROOT, 'bench', 'lookup-page.ts'), formats: ['es'], fileName: () => 'lookup-page.js' },
    },
  });
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="/lookup-page.js"></script>');
}

/** Serves a folder on a free loopback port; IndexedDB needs an http origin, not a file or about:blank. */
async function serveFolder(folder: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(folder, path === '/' ? 'index.html' : path);
    if (!file.startsWith(folder) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('bench server: no TCP address');
  return { server, url: `http://localhost:${address.port}/` };
}

// The throttling lasts only while the CDP session that set it stays attached.
async function setCpuThrottling(session: CDPSession, rate: number): Promise<void> {
  await session.send('Emulation.setCPUThrottlingRate', { rate });
}

interface LookupRow {
  label: string;
  throttle: number;
  summary: TimingSummary;
}

interface LookupResults {
  seed: { vehicles: number; insertMs: number; openMs: number };
  rows: LookupRow[];
}

async function measureLookups(browser: Browser, pageUrl: string): Promise<LookupResults> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(pageUrl);
  await page.waitForFunction(() => window.lookupBench !== undefined);

  console.log(`storing ${VEHICLE_COUNT} vehicles…`);
  const seed = await page.evaluate((count) => window.lookupBench!.seed(count), VEHICLE_COUNT);
  console.log(`  opened in ${seed.openMs.toFixed(0)} ms, stored ${seed.vehicles} in ${(seed.insertMs / 1000).toFixed(1)} s`);

  const rows: LookupRow[] = [];
  for (const throttle of THROTTLE_RATES) {
    await setCpuThrottling(session, throttle);
    for (const { kind, label } of LOOKUP_KINDS) {
      await page.evaluate(({ kind, count }) => window.lookupBench!.run(kind, count), { kind, count: WARM_UP_QUERIES });
      const summary = await page.evaluate(({ kind, count }) => window.lookupBench!.run(kind, count), { kind, count: QUERIES_PER_KIND });
      rows.push({ label, throttle, summary });
      console.log(`  ${label}, ${throttle}× CPU: median ${summary.medianMs} ms, p95 ${summary.p95Ms} ms, max ${summary.maxMs} ms`);
    }
  }
  await session.detach();
  await context.close();
  return { seed, rows };
}

function machineDescription(chromiumVersion: string, loadAtStart: number): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const memoryGiB = Math.round(totalmem() / 2 ** 30);
  return `${cpus().length} × ${cpu}, ${memoryGiB} GiB, ${platform()} ${release()}, Node ${process.version}, Chromium ${chromiumVersion}; 1-minute load average ${loadAtStart.toFixed(1)} at the start`;
}

function formatMarkdown(lookups: LookupResults, offline: OfflineStartResult, machine: string, date: string): string {
  const lines = [
    SECTION_START,
    '## Vehicle look-up and offline start (`npm run bench`)',
    '',
    `Measured ${date} on ${machine}. Script: \`bench/lookup.ts\` (browser side \`bench/lookup-page.ts\`).`,
    '',
    `${lookups.seed.vehicles.toLocaleString('en')} vehicles with unique plates, VINs and mobiles in the tablet's own RxDB`,
    "database (Dexie storage over Chromium's IndexedDB, headless). Each figure is over",
    `${QUERIES_PER_KIND} different searches after ${WARM_UP_QUERIES} warm-up ones, timed in the page around the app's own`,
    '`searchVehicles()` (src/app/checkin/find/vehicleSearch.ts: one index range per meaning of the text, at most 20',
    `results). Budget: ${LOOKUP_BUDGET_MS} ms. Storing the vehicles took`,
    `${(lookups.seed.insertMs / 1000).toFixed(1)} s (bulk inserts of 2,000).`,
    '',
    '| look-up | CPU | median ms | p95 ms | max ms |',
    '| --- | --- | ---: | ---: | ---: |',
    ...lookups.rows.map(({ label, throttle, summary }) => `| ${label} | ${throttle === 1 ? 'unthrottled' : `${throttle}× slower`} | ${summary.medianMs} | ${summary.p95Ms} | ${summary.maxMs} |`),
    '',
    ...offline.markdown,
    SECTION_END,
  ];
  return lines.join('\n');
}

/** Replaces this benchmark's section of docs/benchmarks.md, leaving the other sections as they are. */
function writeSection(section: string): void {
  const current = existsSync(BENCHMARKS_DOC) ? readFileSync(BENCHMARKS_DOC, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(SECTION_START);
  const end = current.indexOf(SECTION_END);
  const next = start >= 0 && end > start
    ? current.slice(0, start) + section + current.slice(end + SECTION_END.length)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(BENCHMARKS_DOC, next);
}

async function main(): Promise<void> {
  // Other work on the machine shows up in the figures, so the section records how busy it was.
  const loadAtStart = loadavg()[0] ?? 0;
  const bundleDir = mkdtempSync(join(tmpdir(), 'service-lane-bench-'));
  let server: Server | undefined;
  let browser: Browser | undefined;
  try {
    await bundleLookupPage(bundleDir);
    const served = await serveFolder(bundleDir);
    server = served.server;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });

    const lookups = await measureLookups(browser, served.url);
    let offline: OfflineStartResult;
    try {
      offline = await measureOfflineStart({ vehicles: VEHICLE_COUNT, checkins: TODAYS_CHECKINS, runs: OFFLINE_START_RUNS });
    } catch (error) {
      // The look-up figures stay worth recording when the app cannot be started.
      console.error('offline start not measured:', error);
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      offline = { markdown: ['### Offline start to a usable check-in list', '', `Not measured in this run: ${reason}`, ''] };
    }

    const date = new Date().toISOString().slice(0, 10);
    const section = formatMarkdown(lookups, offline, machineDescription(browser.version(), loadAtStart), date);
    writeSection(section);
    console.log(`\nwrote ${BENCHMARKS_DOC}\n\n${section}`);
  } finally {
    await browser?.close();
    server?.close();
    rmSync(bundleDir, { recursive: true, force: true });
  }
}

await main();
