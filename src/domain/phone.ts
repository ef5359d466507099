import { toHalfWidth } from './normalize';

export type MobileResult = { ok: true; mobile: string } | { ok: false; error: 'mobile_format' };

/** Normalizes a mainland mobile number: half-width digits, no separators, no +86 or 0086 prefix. */
export function normalizeMobile(input: string): string {
  const digits = toHalfWidth(input).replace(/[\s\-()（）]/g, '');
  return digits.replace(/^(?:\+|00)?86(?=1\d{10}$)/, '');
}

/** Validates a mainland mobile number: 11 digits starting 13 to 19. */
export function parseMobile(input: string): MobileResult {
  const mobile = normalizeMobile(input);
  return /^1[3-9]\d{9}$/.test(mobile) ? { ok: true, mobile } : { ok: false, error: 'mobile_format' };
}

/** Masks the middle four digits for lists the customer may see: 138****5678. */
export function maskMobile(mobile: string): string {
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : mobile;
}
