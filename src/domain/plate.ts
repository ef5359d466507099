import { toHalfWidth } from './normalize';

/** Licence plate kinds: blue petrol plates, green new-energy plates and plates with a special suffix or prefix. */
export type PlateKind = 'ordinary' | 'new_energy' | 'special';

export type PlateError = 'plate_format';

export type PlateResult = { ok: true; plate: string; kind: PlateKind } | { ok: false; error: PlateError };

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const AUTHORITY = '[A-HJ-NP-Z]';
const SERIAL_CHAR = '[A-HJ-NP-Z0-9]';
const SPECIAL_SUFFIXES = '学挂警港澳领试超';

const ORDINARY = new RegExp(`^[${PROVINCES}]${AUTHORITY}${SERIAL_CHAR}{5}$`);
// Small new-energy cars carry a letter third (D and F first, A–K since 2024); large ones end in D or F.
const NEW_ENERGY_SMALL = new RegExp(`^[${PROVINCES}]${AUTHORITY}[A-HJK]${SERIAL_CHAR}\\d{4}$`);
const NEW_ENERGY_LARGE = new RegExp(`^[${PROVINCES}]${AUTHORITY}\\d{5}[DF]$`);
const WITH_SUFFIX = new RegExp(`^[${PROVINCES}]${AUTHORITY}${SERIAL_CHAR}{4}[${SPECIAL_SUFFIXES}]$`);
const EMBASSY = /^使\d{6}$/;

const SEPARATORS = /[\s\u00b7\u2022\u2027\u2219\u30fb\uff65.\-_]/g;

/** Returns the plate in the stored form: half-width, upper case, without spaces or the middle dot. */
export function normalizePlate(input: string): string {
  return toHalfWidth(input).replace(SEPARATORS, '').toUpperCase();
}

/** Normalizes and validates a mainland Chinese licence plate. */
export function parsePlate(input: string): PlateResult {
  const plate = normalizePlate(input);
  if (NEW_ENERGY_SMALL.test(plate) || NEW_ENERGY_LARGE.test(plate)) {
    return { ok: true, plate, kind: 'new_energy' };
  }
  if (ORDINARY.test(plate)) return { ok: true, plate, kind: 'ordinary' };
  if (WITH_SUFFIX.test(plate) || EMBASSY.test(plate)) return { ok: true, plate, kind: 'special' };
  return { ok: false, error: 'plate_format' };
}

/** Formats a stored plate for display with the middle dot after the issuing authority: 京A·12345. */
export function formatPlate(plate: string): string {
  if (plate.length < 3 || !PROVINCES.includes(plate[0] ?? '')) return plate;
  return `${plate.slice(0, 2)}·${plate.slice(2)}`;
}
