/**
 * Browser side of the look-up benchmark: bundled by bench/lookup.ts and loaded into headless
 * Chromium, where it fills the tablet's real RxDB database (Dexie storage over Chromium's
 * IndexedDB) with realistic vehicles and times the app's own vehicle search on them.
 */
import { searchVehicles, SEARCH_RESULT_LIMIT } from '../src/app/checkin/find/vehicleSearch';
import { openDatabase, type ServiceLaneDatabase } from '../src/db/database';
import type { Vehicle } from '../src/domain/schemas/vehicle';
import { buildVehicles, createRandom, pick } from './fixtures';

const DEALER_ID = 'bench-dealer';
const INSERT_BATCH_SIZE = 2_000;

export interface TimingSummary {
  queries: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  meanResults: number;
}

function summarize(durations: number[], resultCounts: number[]): TimingSummary {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    queries: sorted.length,
    medianMs: round(at(0.5)),
    p95Ms: round(at(0.95)),
    maxMs: round(sorted.at(-1)!),
    meanResults: round(resultCounts.reduce((sum, count) => sum + count, 0) / resultCounts.length),
  };
}

let database: ServiceLaneDatabase | undefined;
let vehicles: Vehicle[] = [];

async function open(): Promise<ServiceLaneDatabase> {
  database ??= await openDatabase({ name: 'service-lane-lookup-bench', multiInstance: false });
  return database;
}

/** Fills the vehicles collection, unless it already contains the vehicles of an earlier call, and returns the timings. */
async function seed(count: number): Promise<{ vehicles: number; insertMs: number; openMs: number }> {
  const openStarted = performance.now();
  const db = await open();
  const openMs = performance.now() - openStarted;

  vehicles = buildVehicles(count, DEALER_ID);
  const stored = await db.vehicles.count().exec();
  if (stored === count) return { vehicles: stored, insertMs: 0, openMs };

  const insertStarted = performance.now();
  for (let start = 0; start < vehicles.length; start += INSERT_BATCH_SIZE) {
    const result = await db.vehicles.bulkInsert(vehicles.slice(start, start + INSERT_BATCH_SIZE));
    if (result.error.length > 0) throw new Error(`bulkInsert failed for ${result.error.length} vehicles: ${JSON.stringify(result.error[0])}`);
  }
  return { vehicles: await db.vehicles.count().exec(), insertMs: performance.now() - insertStarted, openMs };
}

type LookupKind = 'platePrefix' | 'vinTail' | 'mobile' | 'mobilePrefix';

/** Returns the text an advisor types into the search box to find a vehicle, for each kind of look-up. */
function searchText(kind: LookupKind, vehicle: Vehicle, random: () => number): string {
  switch (kind) {
    case 'platePrefix':
      // The first three to five characters of the plate (京A1…), as advisors start typing it.
      return vehicle.plate.slice(0, 3 + Math.floor(random() * 3));
    case 'vinTail':
      return vehicle.vinTail;
    case 'mobile':
      return vehicle.customerMobile;
    case 'mobilePrefix':
      return vehicle.customerMobile.slice(0, 7);
  }
}

// RxDB returns a repeated query's result from its query cache, which would time nothing, so no
// search text is used twice in one page, warm-up runs included.
const usedSearchTexts = new Set<string>();
let runNumber = 0;
const MAX_PICKS_PER_SEARCH = 1_000;

function unusedSearch(kind: LookupKind, random: () => number): { vehicle: Vehicle; text: string } {
  for (let attempt = 0; attempt < MAX_PICKS_PER_SEARCH; attempt++) {
    const vehicle = pick(random, vehicles);
    const text = searchText(kind, vehicle, random);
    if (!usedSearchTexts.has(text)) {
      usedSearchTexts.add(text);
      return { vehicle, text };
    }
  }
  throw new Error(`no unused ${kind} search text after ${MAX_PICKS_PER_SEARCH} picks: store more vehicles or run fewer searches`);
}

/** Runs `count` different searches of one kind through the app's own search function and returns their timings. */
async function run(kind: LookupKind, count: number): Promise<TimingSummary> {
  const db = await open();
  runNumber += 1;
  const random = createRandom(runNumber * 7919);
  const durations: number[] = [];
  const resultCounts: number[] = [];

  for (let i = 0; i < count; i++) {
    const { vehicle, text } = unusedSearch(kind, random);
    const started = performance.now();
    const found = await searchVehicles(db, text);
    durations.push(performance.now() - started);
    resultCounts.push(found.length);
    if (!found.some((document) => document.id === vehicle.id) && found.length < SEARCH_RESULT_LIMIT) {
      throw new Error(`${kind} search "${text}" did not find ${vehicle.id}`);
    }
  }
  return summarize(durations, resultCounts);
}

declare global {
  interface Window {
    lookupBench?: { seed: typeof seed; run: typeof run };
  }
}

window.lookupBench = { seed, run };
