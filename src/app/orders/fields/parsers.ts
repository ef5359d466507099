import { toHalfWidth } from '../../../domain/normalize';

/** The largest money amount a document stores, in fen (the max of fenSchema): ¥10,000,000.00. */
export const MAX_FEN = 1_000_000_000;

/** Why a typed number is invalid; each is an `orders.input.<code>` message key. */
export type NumberInputError = 'number_format' | 'number_negative' | 'number_too_large' | 'at_most_two_decimals' | 'number_zero';

export type NumberInput = { ok: true; value: number } | { ok: false; error: NumberInputError };

interface DecimalText {
  negative: boolean;
  whole: string;
  fraction: string;
}

/** Splits a typed decimal ("１２.５", "-3", "1,200.50") into sign, whole digits and fraction digits, or null. */
function splitDecimal(text: string, allowGrouping: boolean): DecimalText | null {
  let compact = toHalfWidth(text).replace(/\s/g, '');
  if (allowGrouping) compact = compact.replace(/[,，¥￥]/g, '');
  const match = /^([-−]?)(\d+)(?:\.(\d*))?$/.exec(compact) ?? /^([-−]?)()\.(\d+)$/.exec(compact);
  if (!match) return null;
  return { negative: match[1] !== '', whole: match[2] || '0', fraction: match[3] ?? '' };
}

/**
 * Parses hours or a quantity: at most two decimals, from 0 up to `max`. Each kind of invalid
 * text gets its own error, checked in this order: format, sign, decimals, range.
 */
export function parseHundredthsInput(text: string, max: number): NumberInput {
  const parts = splitDecimal(text, false);
  if (!parts) return { ok: false, error: 'number_format' };
  if (parts.negative && /[1-9]/.test(parts.whole + parts.fraction)) return { ok: false, error: 'number_negative' };
  if (parts.fraction.length > 2) return { ok: false, error: 'at_most_two_decimals' };

  const value = Number(parts.whole) + Number(parts.fraction.padEnd(2, '0')) / 100;
  if (value > max) return { ok: false, error: 'number_too_large' };
  return { ok: true, value: Math.round(value * 100) / 100 };
}

/** Parses yuan typed by the advisor into fen, up to `maxFen`; an empty field is zero. */
export function parseYuanInput(text: string, maxFen: number = MAX_FEN): NumberInput {
  if (text.trim() === '') return { ok: true, value: 0 };
  const parts = splitDecimal(text, true);
  if (!parts) return { ok: false, error: 'number_format' };
  if (parts.negative && /[1-9]/.test(parts.whole + parts.fraction)) return { ok: false, error: 'number_negative' };
  if (parts.fraction.length > 2) return { ok: false, error: 'at_most_two_decimals' };

  // More than 13 digits of yuan is beyond any limit and beyond exact doubles in fen.
  const whole = parts.whole.replace(/^0+(?=\d)/, '');
  if (whole.length > 13) return { ok: false, error: 'number_too_large' };
  const fen = Number(whole) * 100 + Number(parts.fraction.padEnd(2, '0'));
  if (fen > maxFen) return { ok: false, error: 'number_too_large' };
  return { ok: true, value: fen };
}

/** Parses a part quantity: like hours, and more than zero. */
export function parseQuantityInput(text: string, max: number): NumberInput {
  const result = parseHundredthsInput(text, max);
  if (result.ok && result.value === 0) return { ok: false, error: 'number_zero' };
  return result;
}

/** Formats fen for a yuan input field, with two decimals and no currency sign: 128.00. */
export function formatYuanInput(fen: number): string {
  return (fen / 100).toFixed(2);
}

/** Formats hours or a quantity for an input field without trailing zeros: 0.5, 1.25, 4. */
export function formatDecimalInput(value: number): string {
  return String(Math.round(value * 100) / 100);
}
