import { describe, expect, it } from 'vitest';
import { parseVin, vinCheckDigit, vinTail } from '../../src/domain/vin';

/*
 * An independent check-digit computation (ISO 3779 / FMVSS 115, the rule GB 16735 adopts),
 * written differently from src/domain/vin.ts so that a shared mistake is unlikely: a letter's
 * value is its index in this 40-character string modulo 10, with gaps where I, O and Q would be.
 */
const TRANSLITERATION = '0123456789.ABCDEFGH..JKLMN.P.R..STUVWXYZ';

function positionWeight(index: number): number {
  if (index < 7) return 8 - index;
  if (index === 7) return 10;
  if (index === 8) return 0;
  return 18 - index;
}

function expectedCheckDigit(vin: string): string {
  let sum = 0;
  [...vin].forEach((char, index) => {
    sum += (TRANSLITERATION.indexOf(char) % 10) * positionWeight(index);
  });
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/** Puts the correct check digit into position 9 of a 17-character VIN. */
function withCheckDigit(vin: string): string {
  return vin.slice(0, 8) + expectedCheckDigit(vin) + vin.slice(9);
}

/** Puts a wrong check digit into position 9. */
function withWrongCheckDigit(vin: string): string {
  const right = expectedCheckDigit(vin);
  const wrong = right === 'X' ? '0' : right === '9' ? 'X' : String(Number(right) + 1);
  return vin.slice(0, 8) + wrong + vin.slice(9);
}

// Published examples whose check digit is known to be right.
const PUBLISHED_VALID_VINS = [
  { name: 'the FMVSS 115 worked example (check digit X)', vin: '1M8GDM9AXKP042788' },
  { name: 'a Honda Accord VIN used in many VIN decoders', vin: '1HGCM82633A004352' },
  { name: 'seventeen ones, whose check digit is 1', vin: '11111111111111111' },
];

// Chinese-market and imported VIN shapes; the position-9 placeholder is replaced by the computed digit.
const VIN_SHAPES = [
  { name: 'a BMW Brilliance 5 Series built in Shenyang (LBV)', shape: 'LBV5S3104MSX12345' },
  { name: 'a BMW X3 built in Shenyang (LBV)', shape: 'LBVTY9100NS123456' },
  { name: 'an imported BMW X5 (WBA)', shape: 'WBACV6106L9B47812' },
  { name: 'a FAW-Volkswagen Magotan (LFV)', shape: 'LFV3A23C0K3012345' },
  { name: 'a SAIC-Volkswagen Passat (LSV)', shape: 'LSVAU4BR0MN098765' },
  { name: 'a GAC Honda Accord (LHG)', shape: 'LHGCV1658P8045678' },
];

describe('parseVin', () => {
  it.each(PUBLISHED_VALID_VINS)('accepts $name', ({ vin }) => {
    expect(parseVin(vin)).toEqual({ ok: true, vin });
  });

  it.each(PUBLISHED_VALID_VINS)('rejects $name with its check digit changed', ({ vin }) => {
    expect(parseVin(withWrongCheckDigit(vin))).toEqual({ ok: false, error: 'vin_check_digit' });
  });

  it.each(VIN_SHAPES)('accepts $name with the computed check digit', ({ shape }) => {
    const vin = withCheckDigit(shape);

    expect(parseVin(vin)).toEqual({ ok: true, vin });
  });

  it.each(VIN_SHAPES)('rejects $name with a wrong check digit', ({ shape }) => {
    expect(parseVin(withWrongCheckDigit(shape))).toEqual({ ok: false, error: 'vin_check_digit' });
  });

  it.each([
    { name: 'lower case', input: '1m8gdm9axkp042788' },
    { name: 'full-width characters from a Chinese input method', input: '１Ｍ８ＧＤＭ９ＡＸＫＰ０４２７８８' },
    { name: 'spaces between groups', input: '1M8 GDM9AX KP 042788' },
    { name: 'leading and trailing spaces', input: '  1M8GDM9AXKP042788 ' },
    { name: 'an ideographic space', input: '1M8GDM9AX\u3000KP042788' },
    { name: 'a middle dot', input: '1M8GDM9AX·KP042788' },
    { name: 'a bullet', input: '1M8GDM9AX•KP042788' },
    { name: 'a katakana middle dot', input: '1M8GDM9AX・KP042788' },
    { name: 'hyphens', input: '1M8-GDM9AX-KP042788' },
  ])('normalizes $name to the stored form', ({ input }) => {
    expect(parseVin(input)).toEqual({ ok: true, vin: '1M8GDM9AXKP042788' });
  });

  it.each([
    { name: 'I', letter: 'I' },
    { name: 'O', letter: 'O' },
    { name: 'Q', letter: 'Q' },
    { name: 'a lower-case o', letter: 'o' },
  ])('rejects a VIN containing $name', ({ letter }) => {
    const vin = `1M8GDM9AXKP${letter}42788`;

    expect(parseVin(vin)).toEqual({ ok: false, error: 'vin_characters' });
  });

  it.each([
    { name: 'a Chinese character', input: '1M8GDM9AXKP04278京' },
    { name: 'punctuation that is not a separator', input: '1M8GDM9AXKP04278!' },
  ])('rejects a VIN containing $name', ({ input }) => {
    expect(parseVin(input)).toEqual({ ok: false, error: 'vin_characters' });
  });

  it.each([
    { name: 'an empty string', input: '' },
    { name: 'sixteen characters', input: '1M8GDM9AXKP04278' },
    { name: 'eighteen characters', input: '1M8GDM9AXKP0427881' },
    { name: 'only the last six characters', input: '042788' },
  ])('rejects $name as the wrong length', ({ input }) => {
    expect(parseVin(input)).toEqual({ ok: false, error: 'vin_length' });
  });
});

describe('vinCheckDigit', () => {
  it.each(VIN_SHAPES)('agrees with the independent computation for $name', ({ shape }) => {
    expect(vinCheckDigit(shape)).toBe(expectedCheckDigit(shape));
  });

  it('returns undefined for a character outside the VIN alphabet', () => {
    expect(vinCheckDigit('1M8GDM9AXKPI42788')).toBeUndefined();
  });
});

describe('vinTail', () => {
  it('returns the last six characters', () => {
    expect(vinTail('1M8GDM9AXKP042788')).toBe('042788');
  });
});
