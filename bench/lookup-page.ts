/**
 * Browser side of the look-up benchmark: bundled by bench/lookup.ts and loaded into headless
 * Chromium, where it fills the tablet's real RxDB database (Dexie storage over Chromium's
 * IndexedDB) with realistic vehicles and times look-ups on the indexed fields.
 */
import type { MangoQuerySelector } from 'rxdb';
import { openDatabase, type ServiceLaneDatabase } from '../src/db/database';
import { vehicleSchema, type Vehicle } from '../src/domain/schemas/vehicle';
import { vinCheckDigit, vinTail } from '../src/domain/vin';

const DEALER_ID = 'bench-dealer';
const INSERT_BATCH_SIZE = 2_000;
const RESULT_LIMIT = 20;

// Plate provinces weighted roughly by car ownership; Beijing and Shanghai dealers see mostly local plates.
const PROVINCES = '京京京京京京京京京冀冀津沪沪苏浙粤鲁豫川';
const AUTHORITIES = 'ABCDEFGHJKLMNPQ';
const SERIAL_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const VIN_CHARACTERS = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
const WORLD_MANUFACTURER_IDS = ['LBV', 'LBV', 'LBV', 'WBA', 'WBS', 'LFV', 'LSV', 'LHG'];
const MOBILE_PREFIXES = ['133', '135', '136', '138', '139', '150', '152', '158', '166', '177', '180', '186', '189', '191', '199'];
const MODELS = [
  { make: 'BMW', model: '530Li', series: '5' },
  { make: 'BMW', model: '325Li', series: '3' },
  { make: 'BMW', model: 'X3 xDrive30i', series: 'X3' },
  { make: 'BMW', model: 'X5 xDrive40Li', series: 'X5' },
  { make: 'BMW', model: 'i3 eDrive35L', series: 'i3' },
];
const COLOURS = ['矿石白', '宝石青', '碳黑', '雪山白', '曼哈顿灰'];

/** Mulberry32: a small seeded generator, so every run stores the same vehicles. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: () => number, items: ArrayLike<T>): T {
  return items[Math.floor(random() * items.length)]!;
}

function randomString(random: () => number, alphabet: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += pick(random, alphabet);
  return text;
}

function randomPlate(random: () => number): string {
  const prefix = pick(random, PROVINCES) + pick(random, AUTHORITIES);
  // About one car in five carries a green new-energy plate.
  if (random() < 0.2) return `${prefix}${pick(random, 'DF')}${pick(random, SERIAL_CHARACTERS)}${randomString(random, '0123456789', 4)}`;
  return prefix + randomString(random, SERIAL_CHARACTERS, 5);
}

function randomVin(random: () => number): string {
  const draft = `${pick(random, WORLD_MANUFACTURER_IDS)}${randomString(random, VIN_CHARACTERS, 5)}0${randomString(random, VIN_CHARACTERS, 2)}${randomString(random, '0123456789', 6)}`;
  return draft.slice(0, 8) + vinCheckDigit(draft)! + draft.slice(9);
}

function uniqueValue(random: () => number, seen: Set<string>, make: (random: () => number) => string): string {
  for (;;) {
    const value = make(random);
    if (!seen.has(value)) {
      seen.add(value);
      return value;
    }
  }
}

/** Builds `count` distinct, valid vehicles (unique plate, VIN and mobile). */
function buildVehicles(count: number): Vehicle[] {
  const random = createRandom(20_261_204);
  const plates = new Set<string>();
  const vins = new Set<string>();
  const mobiles = new Set<string>();
  const now = new Date('2026-12-04T02:00:00.000Z');
  const vehicles: Vehicle[] = [];

  for (let i = 0; i < count; i++) {
    const vin = uniqueValue(random, vins, randomVin);
    const model = pick(random, MODELS);
    const createdAt = new Date(now.getTime() - Math.floor(random() * 3 * 365 * 86_400_000)).toISOString();
    // Parsed like every tablet write, so the benchmark stores only documents the app would accept.
    vehicles.push(vehicleSchema.parse({
      id: `vehicle-${String(i).padStart(6, '0')}`,
      dealerId: DEALER_ID,
      createdAt,
      updatedAt: createdAt,
      updatedBy: 'bench',
      mergeConflicts: [],
      customerId: `customer-${String(i).padStart(6, '0')}`,
      customerMobile: uniqueValue(random, mobiles, (next) => pick(next, MOBILE_PREFIXES) + randomString(next, '0123456789', 8)),
      plate: uniqueValue(random, plates, randomPlate),
      vin,
      vinTail: vinTail(vin),
      make: model.make,
      model: model.model,
      series: model.series,
      color: pick(random, COLOURS),
      lastMileageKm: Math.floor(random() * 150_000),
    }));
  }
  return vehicles;
}

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

/** Fills the vehicles collection, unless it already holds the vehicles of an earlier call; returns timings. */
async function seed(count: number): Promise<{ vehicles: number; insertMs: number; openMs: number }> {
  const openStarted = performance.now();
  const db = await open();
  const openMs = performance.now() - openStarted;

  vehicles = buildVehicles(count);
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

/** The query an advisor's search box runs for each kind, on the indexed fields only. */
function lookupSelector(kind: LookupKind, vehicle: Vehicle, random: () => number): MangoQuerySelector<Vehicle> {
  switch (kind) {
    case 'platePrefix': {
      // Advisors type the first three to five characters of the plate (京A1…).
      const prefix = vehicle.plate.slice(0, 3 + Math.floor(random() * 3));
      return { plate: { $gte: prefix, $lt: `${prefix}\uffff` } };
    }
    case 'vinTail':
      return { vinTail: vehicle.vinTail };
    case 'mobile':
      return { customerMobile: vehicle.customerMobile };
    case 'mobilePrefix': {
      const prefix = vehicle.customerMobile.slice(0, 7);
      return { customerMobile: { $gte: prefix, $lt: `${prefix}\uffff` } };
    }
  }
}

/** Runs `count` different look-ups of one kind and returns their timings. */
async function run(kind: LookupKind, count: number): Promise<TimingSummary> {
  const db = await open();
  const random = createRandom(kind.length * 7919 + count);
  const durations: number[] = [];
  const resultCounts: number[] = [];

  for (let i = 0; i < count; i++) {
    const vehicle = pick(random, vehicles);
    const selector = lookupSelector(kind, vehicle, random);
    const started = performance.now();
    const found = await db.vehicles.find({ selector, limit: RESULT_LIMIT }).exec();
    durations.push(performance.now() - started);
    resultCounts.push(found.length);
    if (!found.some((document) => document.id === vehicle.id) && found.length < RESULT_LIMIT) {
      throw new Error(`${kind} look-up for ${vehicle.id} did not find it: ${JSON.stringify(selector)}`);
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
