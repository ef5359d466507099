import { describe, expect, it } from 'vitest';
import { MAX_FEN, parseHundredthsInput, parseQuantityInput, parseYuanInput, type NumberInput } from '../../src/app/orders/fields/parsers';

const HOURS: ReadonlyArray<[string, NumberInput]> = [
  ['0.5', { ok: true, value: 0.5 }],
  ['200', { ok: true, value: 200 }],
  ['１２.２５', { ok: true, value: 12.25 }],
  ['999', { ok: false, error: 'number_too_large' }],
  ['200.5', { ok: false, error: 'number_too_large' }],
  ['1e9', { ok: false, error: 'number_format' }],
  ['-1', { ok: false, error: 'number_negative' }],
  ['1.255', { ok: false, error: 'at_most_two_decimals' }],
  ['', { ok: false, error: 'number_format' }],
];

const YUAN: ReadonlyArray<[string, NumberInput]> = [
  ['', { ok: true, value: 0 }],
  ['128', { ok: true, value: 12_800 }],
  ['¥1,234.5', { ok: true, value: 123_450 }],
  ['10000000', { ok: true, value: MAX_FEN }],
  ['10000000.01', { ok: false, error: 'number_too_large' }],
  ['1000000000', { ok: false, error: 'number_too_large' }],
  ['99999999', { ok: false, error: 'number_too_large' }],
  ['99999999999999999999', { ok: false, error: 'number_too_large' }],
  ['-5', { ok: false, error: 'number_negative' }],
  ['1.234', { ok: false, error: 'at_most_two_decimals' }],
  ['12a', { ok: false, error: 'number_format' }],
];

describe('labor hours input', () => {
  it.each(HOURS)('%j parses to %j', (text, expected) => {
    expect(parseHundredthsInput(text, 200)).toEqual(expected);
  });
});

describe('yuan input', () => {
  it.each(YUAN)('%j parses to %j', (text, expected) => {
    expect(parseYuanInput(text)).toEqual(expected);
  });
});

describe('part quantity input', () => {
  it('zero quantity is rejected', () => {
    expect(parseQuantityInput('0', 1000)).toEqual({ ok: false, error: 'number_zero' });
  });

  it('quantity over the max is too large', () => {
    expect(parseQuantityInput('1001', 1000)).toEqual({ ok: false, error: 'number_too_large' });
  });
});
