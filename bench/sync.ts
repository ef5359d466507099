/**
 * `npm run bench:sync`: sync throughput and server load, against the real server started as
 * a child process on loopback with a temporary SQLite folder.
 *
 * 1. Check-ins with a signature and four ~200 KB photos each are recorded offline on tablet A,
 *    pushed through the server and pulled by tablet B. Figures: documents/s, MB/s, and the
 *    ratio to a raw bulk upload of the same bytes to the same server in the same run.
 * 2. Simulated tablets pushing and pulling at once: push latency percentiles and errors.
 *
 * Prints the figures and writes them into docs/benchmarks.md. Sizes: BENCH_SYNC_CHECKINS
 * (default 1000), BENCH_SYNC_TABLETS (200), BENCH_SYNC_DEALERS (10), BENCH_SYNC_SECONDS (60).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureLoad, type LoadResult } from './sync-load';
import { createBenchAccounts, startServerProcess } from './sync-server';
import { UPLOAD_CONCURRENCY } from '../src/db/blobs';
import { measureThroughput, PHOTOS_PER_CHECKIN, RAW_UPLOAD_CONCURRENCY, type ThroughputResult } from './sync-throughput';

const ROOT = join(import.meta.dirname, '..');
const BENCHMARKS_DOC = join(ROOT, 'docs', 'benchmarks.md');
const SECTION_START = '<!-- sync-benchmark:start -->';
const SECTION_END = '<!-- sync-benchmark:end -->';

const CHECKINS = Number(process.env.BENCH_SYNC_CHECKINS ?? 1_000);
const TABLETS = Number(process.env.BENCH_SYNC_TABLETS ?? 200);
const DEALERS = Number(process.env.BENCH_SYNC_DEALERS ?? 10);
const LOAD_SECONDS = Number(process.env.BENCH_SYNC_SECONDS ?? 60);
const RATIO_BUDGET = 1.5;
const P99_BUDGET_MS = 300;
const MB = 1024 * 1024;

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 1024 ** 3)} GiB, ${platform()} ${release()}, Node ${process.version}`;
}

function fixed(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

function throughputSection(result: ThroughputResult): string {
  const totalMb = (result.documentBytes + result.blobBytes) / MB;
  const [rawBefore, rawAfter] = result.rawUploadSeconds;
  const rawMean = (rawBefore + rawAfter) / 2;
  const ratio = result.pushSeconds / rawMean;
  const endToEndRatio = result.everythingOnSecondTabletSeconds / rawMean;
  const row = (label: string, seconds: number, megabytes: string) =>
    `| ${label} | ${fixed(seconds)} | ${fixed(result.checkins / seconds)} | ${megabytes} |`;
  return [
    `${result.checkins} check-ins, each with a signature (strokes in the document, a 24 KB image) and ${PHOTOS_PER_CHECKIN} photos of 200 KB:`,
    `${result.blobs} images, ${fixed(result.blobBytes / MB)} MB, and ${fixed(result.documentBytes / MB)} MB of document JSON.`,
    'Tablet A recorded them offline, then reconnected; tablet B was online and idle. Both',
    'tablets are the product client (RxDB on Dexie storage over fake-indexeddb, replication,',
    `blob upload queue with ${UPLOAD_CONCURRENCY} uploads at a time) in the benchmark process. The raw upload sends the`,
    `same images and documents with plain \`fetch\` calls, ${RAW_UPLOAD_CONCURRENCY} at a time, to another dealer of the same`,
    'server, once before and once after the sync, so that neither side gets the warmer or the emptier disk.',
    '',
    '| measure | seconds | documents/s | MB/s |',
    '| --- | ---: | ---: | ---: |',
    row('raw bulk upload, before the sync', rawBefore, fixed(totalMb / rawBefore)),
    row('raw bulk upload, after the sync', rawAfter, fixed(totalMb / rawAfter)),
    row('sync: tablet A pushed every document and image', result.pushSeconds, fixed(totalMb / result.pushSeconds)),
    row('sync: tablet B has every check-in', result.documentsOnSecondTabletSeconds, ''),
    row('sync: tablet B also downloaded every image', result.everythingOnSecondTabletSeconds, `${fixed((2 * totalMb) / result.everythingOnSecondTabletSeconds)} (up and down)`),
    '',
    `Push time / mean raw upload time: **${fixed(ratio, 2)}** (budget ≤ ${RATIO_BUDGET}: ${ratio <= RATIO_BUDGET ? 'met' : 'missed'}).`,
    `Until tablet B also has every image / mean raw upload time: ${fixed(endToEndRatio, 2)}.`,
    `The two raw runs differ by ${fixed(Math.max(rawBefore, rawAfter) / Math.min(rawBefore, rawAfter))}×, which shows how much the shared machine's disk and load moved during the run.`,
    `Server CPU: ${fixed(result.rawServerCpuSeconds)} s during the raw upload, ${fixed(result.serverCpuSeconds)} s during the sync (until tablet B had every image).`,
  ].join('\n');
}

function loadSection(result: LoadResult): string {
  const { pushLatencyMs: latency, serverPushMs: server } = result;
  return [
    `${result.tablets} simulated tablets of ${result.dealers} dealers for ${result.seconds} s. Each keeps a live pull stream of`,
    'check-ins open, pulls after RESYNC, and every 2–6 s pushes an edit of its own check-in with',
    'the previous version as the assumed master state (a protocol client, not RxDB, so that',
    'this process can drive them all). Server and load generator share the machine.',
    '',
    '| pushes | push errors | pulls | pull errors | stream events | stream errors | server CPU s |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${result.pushes} | ${result.pushErrors} | ${result.pulls} | ${result.pullErrors} | ${result.streamEvents} | ${result.streamErrors} | ${fixed(result.serverCpuSeconds)} |`,
    '',
    '| push latency | p50 ms | p95 ms | p99 ms | max ms |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| seen by the simulated tablets | ${fixed(latency.p50)} | ${fixed(latency.p95)} | ${fixed(latency.p99)} | ${fixed(latency.max)} |`,
    `| inside the server (its request log) | ${fixed(server.p50)} | ${fixed(server.p95)} | ${fixed(server.p99)} | ${fixed(server.max)} |`,
    '',
    `p99 push latency budget < ${P99_BUDGET_MS} ms: ${latency.p99 < P99_BUDGET_MS ? 'met' : 'missed'} as seen by the tablets.`,
    `Event-loop delay of the load generator: p99 ${fixed(result.generatorLoopDelayMs.p99)} ms, max ${fixed(result.generatorLoopDelayMs.max)} ms.`,
    `Load average of the machine at the end (1 and 5 minutes): ${fixed(result.loadAverage[0], 2)}, ${fixed(result.loadAverage[1], 2)}.`,
  ].join('\n');
}

function writeSection(body: string): void {
  const section = `${SECTION_START}\n## Sync (\`npm run bench:sync\`)\n\n${body}\n\n${SECTION_END}`;
  const current = existsSync(BENCHMARKS_DOC) ? readFileSync(BENCHMARKS_DOC, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(SECTION_START);
  const end = current.indexOf(SECTION_END);
  const next = start >= 0 && end > start ? `${current.slice(0, start)}${section}${current.slice(end + SECTION_END.length)}` : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(BENCHMARKS_DOC, next);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'service-lane-bench-sync-'));
  const loadDealers = Array.from({ length: DEALERS }, (_, dealer) => ({
    code: `LOAD${String(dealer + 1).padStart(2, '0')}`,
    usernames: Array.from({ length: Math.ceil(TABLETS / DEALERS) }, (_, user) => `tablet.${user + 1}`),
  }));
  const accounts = await createBenchAccounts(dataDir, [
    { code: 'SYNC', usernames: ['tablet.a', 'tablet.b'] },
    { code: 'RAW1', usernames: ['raw'] },
    { code: 'RAW2', usernames: ['raw'] },
    ...loadDealers,
  ]);
  const account = (dealer: string, username: string) => accounts.find((entry) => entry.dealer === dealer && entry.username === username)!;

  const server = await startServerProcess(dataDir);
  log(`server ${server.url}, data in ${dataDir}`);
  try {
    const throughput = await measureThroughput({
      url: server.url,
      checkins: CHECKINS,
      writer: account('SYNC', 'tablet.a'),
      reader: account('SYNC', 'tablet.b'),
      raw: [account('RAW1', 'raw'), account('RAW2', 'raw')],
      serverCpuSeconds: () => server.cpuSeconds(),
      log,
    });
    const throughputText = throughputSection(throughput);
    log(`\n${throughputText}\n`);

    const loadAccounts = accounts.filter((entry) => entry.dealer.startsWith('LOAD')).slice(0, TABLETS);
    const load = await measureLoad({
      url: server.url,
      accounts: loadAccounts,
      seconds: LOAD_SECONDS,
      serverCpuSeconds: () => server.cpuSeconds(),
      serverRequests: () => server.requests,
      log,
    });
    const loadText = loadSection(load);
    log(`\n${loadText}\n`);

    const measuredOn = `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}, SQLite store. Scripts: \`bench/sync.ts\`, \`bench/sync-throughput.ts\`, \`bench/sync-load.ts\`.`;
    writeSection(`${measuredOn}\n\n### Throughput\n\n${throughputText}\n\n### ${TABLETS} tablets at once\n\n${loadText}`);
    log(`figures written to ${BENCHMARKS_DOC}`);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`sync benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
