import { v7 as uuidv7 } from 'uuid';
import { toHalfWidth } from '../../domain/normalize';
import { DIAGRAM_VIEWS, type Checkin } from '../../domain/schemas/checkin';
import type { Customer } from '../../domain/schemas/customer';
import type { Vehicle } from '../../domain/schemas/vehicle';

/** The steps of the walkaround, in order. */
export const CHECKIN_STEPS = ['intake', 'damage', 'requests', 'sign'] as const;
export type CheckinStep = (typeof CHECKIN_STEPS)[number];
export type DiagramViewName = (typeof DIAGRAM_VIEWS)[number];

export function isCheckinStep(value: unknown): value is CheckinStep {
  return typeof value === 'string' && (CHECKIN_STEPS as readonly string[]).includes(value);
}

/**
 * Builds a sheet number such as JC20261204-3F9A from the Shanghai date and the last four
 * hex digits of the id. NOTE: two sheets of one day can get the same number (1 in 65,536
 * per pair), which is acceptable because the id is the key and the number is for people.
 */
export function checkinNumber(id: string, now: Date): string {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now)
    .replaceAll('-', '');
  const suffix = id.replaceAll('-', '').slice(-4).toUpperCase();
  return `JC${date}-${suffix}`;
}

export interface NewCheckinInput {
  customer: Pick<Customer, 'id' | 'name' | 'mobile'>;
  vehicle: Vehicle;
  dealerId: string;
  advisorName: string;
  updatedBy: string;
  now: Date;
}

/** Creates an empty draft sheet for a customer's vehicle, copying the fields the sheet shows. */
export function newCheckin(input: NewCheckinInput): Checkin {
  const id = uuidv7();
  const at = input.now.toISOString();
  return {
    id,
    dealerId: input.dealerId,
    createdAt: at,
    updatedAt: at,
    updatedBy: input.updatedBy,
    mergeConflicts: [],
    number: checkinNumber(id, input.now),
    customerId: input.customer.id,
    vehicleId: input.vehicle.id,
    customerName: input.customer.name,
    customerMobile: input.customer.mobile,
    plate: input.vehicle.plate,
    vin: input.vehicle.vin,
    vehicleModel: `${input.vehicle.make} ${input.vehicle.model}`.trim().slice(0, 120),
    mileageKm: null,
    fuelEighths: null,
    protectiveKit: { seatCover: false, steeringWheelCover: false, floorMat: false, gearLeverCover: false },
    valuablesReminded: false,
    itemsLeftInCar: '',
    warningLights: [],
    customerRequests: [],
    offeredServices: [],
    damageMarks: [],
    photos: [],
    signatures: [],
    advisorName: input.advisorName,
    orderId: null,
  };
}

/** Splits a text area into its non-empty lines, each trimmed: one customer request a line. */
export function textToLines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);
}

const POSITION_STORAGE_PREFIX = 'service-lane.checkin-position.';

/** Position of the advisor on a sheet: the step and the diagram view shown. */
export interface SheetPosition {
  step: CheckinStep;
  view: DiagramViewName;
}

export const START_POSITION: SheetPosition = { step: 'intake', view: 'left' };

/** Returns where the advisor was on this sheet on this tablet, so a reopened draft continues there. */
export function loadPosition(checkinId: string): SheetPosition {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(POSITION_STORAGE_PREFIX + checkinId) ?? 'null');
    if (saved === null || typeof saved !== 'object') return START_POSITION;
    const { step, view } = saved as Record<string, unknown>;
    return {
      step: isCheckinStep(step) ? step : START_POSITION.step,
      view: (DIAGRAM_VIEWS as readonly unknown[]).includes(view) ? (view as DiagramViewName) : START_POSITION.view,
    };
  } catch {
    return START_POSITION;
  }
}

export function savePosition(checkinId: string, position: SheetPosition): void {
  try {
    localStorage.setItem(POSITION_STORAGE_PREFIX + checkinId, JSON.stringify(position));
  } catch {
    // Private mode may refuse storage; the sheet itself is in IndexedDB, only the position is lost.
  }
}

export const MILEAGE_MAX_KM = 2_000_000;

export type MileageInput = { ok: true; km: number | null } | { ok: false };

/** Parses typed mileage: half- or full-width digits with optional separators; empty means not recorded. */
export function parseMileageInput(text: string): MileageInput {
  const digits = toHalfWidth(text).replace(/[\s,，_]/g, '');
  if (digits === '') return { ok: true, km: null };
  if (!/^\d{1,7}$/.test(digits)) return { ok: false };
  const km = Number(digits);
  return km <= MILEAGE_MAX_KM ? { ok: true, km } : { ok: false };
}
