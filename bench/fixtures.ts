/**
 * Realistic, reproducible documents for the benchmarks: vehicles with unique valid plates,
 * VINs and mobiles, their customers, and today's check-ins. Runs in Node and in the browser.
 */
import { contentHash } from '../src/domain/signing';
import { CHECKIN_UNSIGNED_FIELDS, checkinSchema, type Checkin } from '../src/domain/schemas/checkin';
import { customerSchema, type Customer } from '../src/domain/schemas/customer';
import { vehicleSchema, type Vehicle } from '../src/domain/schemas/vehicle';
import { vinCheckDigit, vinTail } from '../src/domain/vin';

// Plate provinces weighted toward Beijing, as at a Beijing dealership where most cars carry local plates.
const PROVINCES = '京京京京京京京京京冀冀津沪沪苏浙粤鲁豫川';
const AUTHORITIES = 'ABCDEFGHJKLMNPQ';
const SERIAL_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const VIN_CHARACTERS = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
const WORLD_MANUFACTURER_IDS = ['LBV', 'LBV', 'LBV', 'WBA', 'WBS', 'LFV', 'LSV', 'LHG'];
const MOBILE_PREFIXES = ['133', '135', '136', '138', '139', '150', '152', '158', '166', '177', '180', '186', '189', '191', '199'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN_NAMES = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞'];
const MODELS = [
  { make: 'BMW', model: '530Li', series: '5' },
  { make: 'BMW', model: '325Li', series: '3' },
  { make: 'BMW', model: 'X3 xDrive30i', series: 'X3' },
  { make: 'BMW', model: 'X5 xDrive40Li', series: 'X5' },
  { make: 'BMW', model: 'i3 eDrive35L', series: 'i3' },
];
const COLOURS = ['矿石白', '宝石青', '碳黑', '雪山白', '曼哈顿灰'];
const REQUESTS = ['常规保养，更换机油机滤', '刹车时有异响', '空调制冷效果差', '仪表胎压报警', '右前门有划痕需要补漆', '检查左后轮异常磨损'];
const FIXED_NOW = new Date('2026-12-04T02:00:00.000Z');
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Mulberry32: a small seeded generator, so every run builds the same documents. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pick<T>(random: () => number, items: ArrayLike<T>): T {
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

function randomMobile(random: () => number): string {
  return pick(random, MOBILE_PREFIXES) + randomString(random, '0123456789', 8);
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

function documentId(kind: string, index: number): string {
  return `bench-${kind}-${String(index).padStart(6, '0')}`;
}

/** Builds `count` distinct vehicles (unique plate, VIN and mobile), each parsed with the domain schema as every tablet write is. */
export function buildVehicles(count: number, dealerId: string): Vehicle[] {
  const random = createRandom(20_261_204);
  const plates = new Set<string>();
  const vins = new Set<string>();
  const mobiles = new Set<string>();
  const vehicles: Vehicle[] = [];

  for (let i = 0; i < count; i++) {
    const vin = uniqueValue(random, vins, randomVin);
    const model = pick(random, MODELS);
    const createdAt = new Date(FIXED_NOW.getTime() - Math.floor(random() * 3 * 365 * 86_400_000)).toISOString();
    vehicles.push(vehicleSchema.parse({
      id: documentId('vehicle', i),
      dealerId,
      createdAt,
      updatedAt: createdAt,
      updatedBy: 'bench',
      mergeConflicts: [],
      customerId: documentId('customer', i),
      customerMobile: uniqueValue(random, mobiles, randomMobile),
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

/** Builds the owner of each vehicle. */
export function buildCustomers(vehicles: readonly Vehicle[]): Customer[] {
  const random = createRandom(7_919);
  return vehicles.map((vehicle) => customerSchema.parse({
    id: vehicle.customerId,
    dealerId: vehicle.dealerId,
    createdAt: vehicle.createdAt,
    updatedAt: vehicle.updatedAt,
    updatedBy: 'bench',
    mergeConflicts: [],
    name: pick(random, SURNAMES) + pick(random, GIVEN_NAMES),
    mobile: vehicle.customerMobile,
    note: '',
  }));
}

/**
 * Builds `count` check-ins created earlier today (Asia/Shanghai), every second one signed
 * with a matching content hash, so the list shows it as signed.
 */
export async function buildTodaysCheckins(count: number, vehicles: readonly Vehicle[], customers: readonly Customer[]): Promise<Checkin[]> {
  const random = createRandom(4_242);
  const now = Date.now();
  // Asia/Shanghai is UTC+8 all year; the check-ins fall in the last hour, but never before midnight there.
  const sinceShanghaiMidnightMs = (now + SHANGHAI_OFFSET_MS) % DAY_MS;
  const spreadMs = Math.min(3_600_000, sinceShanghaiMidnightMs);
  const checkins: Checkin[] = [];

  for (let i = 0; i < count; i++) {
    const vehicle = vehicles[i % vehicles.length]!;
    const customer = customers[i % customers.length]!;
    const createdAt = new Date(now - Math.floor(random() * spreadMs)).toISOString();
    const draft: Checkin = {
      id: documentId('checkin', i),
      dealerId: vehicle.dealerId,
      createdAt,
      updatedAt: createdAt,
      updatedBy: 'bench',
      mergeConflicts: [],
      number: `JC${createdAt.slice(0, 10).replaceAll('-', '')}${String(i + 1).padStart(3, '0')}`,
      customerId: customer.id,
      vehicleId: vehicle.id,
      customerName: customer.name,
      customerMobile: customer.mobile,
      plate: vehicle.plate,
      vin: vehicle.vin,
      vehicleModel: `${vehicle.make} ${vehicle.model}`,
      mileageKm: vehicle.lastMileageKm + Math.floor(random() * 8_000),
      fuelEighths: Math.floor(random() * 9),
      protectiveKit: { seatCover: true, steeringWheelCover: true, floorMat: true, gearLeverCover: true },
      valuablesReminded: true,
      itemsLeftInCar: '',
      warningLights: [],
      customerRequests: [pick(random, REQUESTS), pick(random, REQUESTS)],
      offeredServices: [],
      damageMarks: [],
      photos: [],
      signatures: [],
      advisorName: '演示顾问',
      orderId: null,
    };
    if (i % 2 === 0) {
      draft.signatures = [{
        id: documentId('signature', i),
        signerName: customer.name,
        signedAt: createdAt,
        contentHash: await contentHash(draft, CHECKIN_UNSIGNED_FIELDS),
        padAspectRatio: 2.5,
        strokes: [{ points: [{ x: 0.1, y: 0.5, pressure: 0.5, time: 0 }, { x: 0.6, y: 0.4, pressure: 0.6, time: 120 }] }],
        image: { sha256: 'a'.repeat(64), mimeType: 'image/png', bytes: 4_096, width: 1_000, height: 400 },
      }];
    }
    checkins.push(checkinSchema.parse(draft));
  }
  return checkins;
}
