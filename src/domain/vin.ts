import { compactUpper } from './normalize';

/** Why a VIN was rejected; the UI turns each code into a translated message. */
export type VinError = 'vin_length' | 'vin_characters' | 'vin_check_digit';

export type VinResult = { ok: true; vin: string } | { ok: false; error: VinError };

const VIN_LENGTH = 17;
const CHECK_DIGIT_INDEX = 8;
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;

// ISO 3779 transliteration; I, O and Q are not allowed in a VIN.
const LETTER_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};

function characterValue(char: string): number | undefined {
  if (char >= '0' && char <= '9') return Number(char);
  return LETTER_VALUES[char];
}

/** Computes the check digit (position 9) of a 17-character VIN, or undefined when a character is not allowed. */
export function vinCheckDigit(vin: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < VIN_LENGTH; i++) {
    const value = characterValue(vin[i] ?? '');
    if (value === undefined) return undefined;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/**
 * Normalizes and validates a VIN: 17 characters, no I, O or Q, and the check digit at
 * position 9 (GB 16735 uses the same rule as North America's FMVSS 115).
 */
export function parseVin(input: string): VinResult {
  const vin = compactUpper(input);
  if (vin.length !== VIN_LENGTH) return { ok: false, error: 'vin_length' };
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) return { ok: false, error: 'vin_characters' };
  if (vinCheckDigit(vin) !== vin[CHECK_DIGIT_INDEX]) return { ok: false, error: 'vin_check_digit' };
  return { ok: true, vin };
}

/** The last six characters, which advisors read off the windscreen to find a car. */
export function vinTail(vin: string): string {
  return vin.slice(-6);
}
