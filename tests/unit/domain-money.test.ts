import { describe, expect, it } from 'vitest';
import { formatFen, parseYuan } from '../../src/domain/money';

describe('parseYuan', () => {
  it.each([
    { name: 'whole yuan', input: '88', fen: 8800 },
    { name: 'one decimal', input: '12.5', fen: 1250 },
    { name: 'two decimals', input: '12.05', fen: 1205 },
    { name: 'one fen', input: '0.01', fen: 1 },
    { name: 'zero', input: '0', fen: 0 },
    { name: 'a value that is inexact in binary floating point', input: '0.29', fen: 29 },
    { name: 'another inexact value', input: '1.15', fen: 115 },
    { name: 'thousands separators', input: '1,234.5', fen: 123450 },
    { name: 'a full-width comma', input: '1，234', fen: 123400 },
    { name: 'the yuan sign', input: '¥88', fen: 8800 },
    { name: 'the full-width yuan sign', input: '￥1,000.00', fen: 100000 },
    { name: 'full-width digits and full stop', input: '１２３．４５', fen: 12345 },
    { name: 'surrounding spaces', input: '  12 ', fen: 1200 },
    { name: 'leading zeros', input: '007', fen: 700 },
    { name: 'the largest accepted amount', input: '999999999.99', fen: 99999999999 },
  ])('parses $name', ({ input, fen }) => {
    expect(parseYuan(input)).toEqual({ ok: true, fen });
  });

  it.each([
    { name: 'an empty string', input: '' },
    { name: 'only a yuan sign', input: '¥' },
    { name: 'a negative amount', input: '-5' },
    { name: 'three decimals', input: '1.234' },
    { name: 'a trailing decimal point', input: '1.' },
    { name: 'a leading decimal point', input: '.5' },
    { name: 'two decimal points', input: '1.2.3' },
    { name: 'ten integer digits', input: '1000000000' },
    { name: 'exponent notation', input: '1e3' },
    { name: 'a Chinese numeral', input: '一百' },
  ])('rejects $name', ({ input }) => {
    expect(parseYuan(input)).toEqual({ ok: false, error: 'money_format' });
  });
});

describe('formatFen', () => {
  it.each([
    { name: 'an amount with thousands', fen: 123450, text: '¥1,234.50' },
    { name: 'zero', fen: 0, text: '¥0.00' },
    { name: 'one fen', fen: 1, text: '¥0.01' },
    { name: 'a million yuan', fen: 100_000_000, text: '¥1,000,000.00' },
  ])('formats $name in zh-CN', ({ fen, text }) => {
    expect(formatFen(fen, 'zh-CN')).toBe(text);
  });

  it.each([
    { name: 'an amount with thousands', fen: 123450, text: 'CN¥1,234.50' },
    { name: 'zero', fen: 0, text: 'CN¥0.00' },
    { name: 'five fen', fen: 5, text: 'CN¥0.05' },
  ])('formats $name in English', ({ fen, text }) => {
    expect(formatFen(fen, 'en')).toBe(text);
  });

  it('round-trips every amount it formats in zh-CN through parseYuan', () => {
    for (const fen of [0, 1, 29, 115, 99_999, 123_456_789]) {
      expect(parseYuan(formatFen(fen, 'zh-CN'))).toEqual({ ok: true, fen });
    }
  });
});
