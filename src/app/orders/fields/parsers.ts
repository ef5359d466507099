import { parseYuan } from '../../../domain/money';
import { toHalfWidth } from '../../../domain/normalize';

/** Parses hours or a quantity: a number with at most two decimals up to `max`, or null. */
export function parseHundredthsText(text: string, max: number): number | null {
  const compact = toHalfWidth(text).replace(/\s/g, '');
  const match = /^(\d{1,7})(?:\.(\d{0,2}))?$/.exec(compact);
  if (!match) return null;
  const value = (Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))) / 100;
  return value <= max ? value : null;
}

/** Parses yuan typed by the advisor into fen; an empty field is zero. */
export function parseYuanText(text: string): number | null {
  if (text.trim() === '') return 0;
  const result = parseYuan(text);
  return result.ok ? result.fen : null;
}

/** Formats fen for a yuan input field, with two decimals and no currency sign: 128.00. */
export function formatYuanInput(fen: number): string {
  return (fen / 100).toFixed(2);
}

/** Formats hours or a quantity for an input field without trailing zeros: 0.5, 1.25, 4. */
export function formatDecimalInput(value: number): string {
  return String(Math.round(value * 100) / 100);
}
