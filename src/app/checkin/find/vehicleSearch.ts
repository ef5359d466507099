import type { MangoQuerySelector } from 'rxdb';
import { compactUpper } from '../../../domain/normalize';
import { normalizeMobile } from '../../../domain/phone';
import type { Vehicle } from '../../../domain/schemas/vehicle';
import type { ServiceLaneDatabase } from '../../../db/database';

/** Most vehicles one look-up shows; a longer query narrows it. */
export const SEARCH_RESULT_LIMIT = 20;

const VIN_LENGTH = 17;
const VIN_TAIL_LENGTH = 6;
const MIN_PLATE_PREFIX = 2;
const MIN_MOBILE_PREFIX = 3;
const PROVINCE = /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使]/;

function prefixRange(prefix: string) {
  return { $gte: prefix, $lt: `${prefix}\uffff` };
}

/**
 * Builds the index-range queries a search text can mean: a plate prefix, a VIN or its last
 * six characters, a mobile number or its prefix. Each selector uses one indexed field only
 * (plate, vinTail, customerMobile), so a look-up among 20,000 vehicles reads one index range.
 */
export function vehicleSelectors(text: string): Array<MangoQuerySelector<Vehicle>> {
  const compact = compactUpper(text);
  const selectors: Array<MangoQuerySelector<Vehicle>> = [];
  if (compact.length === 0) return selectors;

  const mobile = normalizeMobile(text);
  if (/^1\d*$/.test(mobile) && mobile.length >= MIN_MOBILE_PREFIX && mobile.length <= 11) {
    selectors.push({ customerMobile: mobile.length === 11 ? mobile : prefixRange(mobile) });
  }
  if (compact.length === VIN_LENGTH && /^[A-Z0-9]+$/.test(compact)) {
    selectors.push({ vinTail: compact.slice(-VIN_TAIL_LENGTH), vin: compact });
  }
  if (compact.length === VIN_TAIL_LENGTH && /^[A-Z0-9]+$/.test(compact)) {
    selectors.push({ vinTail: compact });
  }
  if (PROVINCE.test(compact) && compact.length >= MIN_PLATE_PREFIX) {
    selectors.push({ plate: prefixRange(compact) });
  }
  return selectors;
}

/** Finds the vehicles stored on the tablet that match a search text, without duplicates, plates in order. */
export async function searchVehicles(database: ServiceLaneDatabase, text: string): Promise<Vehicle[]> {
  const selectors = vehicleSelectors(text);
  const results = await Promise.all(
    selectors.map((selector) => database.vehicles.find({ selector, limit: SEARCH_RESULT_LIMIT }).exec()),
  );

  const byId = new Map<string, Vehicle>();
  for (const documents of results) {
    for (const document of documents) byId.set(document.id, document.toJSON() as Vehicle);
  }
  return [...byId.values()].sort((a, b) => a.plate.localeCompare(b.plate)).slice(0, SEARCH_RESULT_LIMIT);
}
