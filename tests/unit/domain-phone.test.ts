import { describe, expect, it } from 'vitest';
import { maskMobile, normalizeMobile, parseMobile } from '../../src/domain/phone';

describe('parseMobile', () => {
  it.each(['13', '14', '15', '16', '17', '18', '19'].map((prefix) => ({ prefix, input: `${prefix}912345678` })))(
    'accepts a number starting $prefix',
    ({ input }) => {
      expect(parseMobile(input)).toEqual({ ok: true, mobile: input });
    },
  );

  it.each([
    { name: 'spaces in the 3-4-4 grouping', input: '138 1234 5678' },
    { name: 'hyphens', input: '138-1234-5678' },
    { name: 'the +86 country code', input: '+8613812345678' },
    { name: 'the +86 country code with spaces', input: '+86 138 1234 5678' },
    { name: 'the country code in brackets', input: '(+86) 138-1234-5678' },
    { name: 'full-width brackets', input: '（+86）13812345678' },
    { name: 'the 86 country code without a plus', input: '8613812345678' },
    { name: 'the 0086 international prefix', input: '0086 138 1234 5678' },
    { name: 'full-width digits', input: '１３８１２３４５６７８' },
    { name: 'a full-width plus and an ideographic space', input: '＋８６\u3000１３８１２３４５６７８' },
    { name: 'surrounding spaces', input: '  13812345678 ' },
  ])('normalizes $name to eleven digits', ({ input }) => {
    expect(parseMobile(input)).toEqual({ ok: true, mobile: '13812345678' });
  });

  it.each([
    { name: 'an empty string', input: '' },
    { name: 'a number starting 12', input: '12812345678' },
    { name: 'a number starting 10', input: '10812345678' },
    { name: 'a number starting 2', input: '23812345678' },
    { name: 'ten digits', input: '1381234567' },
    { name: 'twelve digits', input: '138123456789' },
    { name: 'a Beijing landline', input: '010-62345678' },
    { name: 'a letter among the digits', input: '1381234567O' },
    { name: 'another country code', input: '+85213812345678' },
  ])('rejects $name', ({ input }) => {
    expect(parseMobile(input)).toEqual({ ok: false, error: 'mobile_format' });
  });
});

describe('normalizeMobile', () => {
  it('keeps 86 when it is the start of an eleven-digit number', () => {
    expect(normalizeMobile('18612345678')).toBe('18612345678');
  });
});

describe('maskMobile', () => {
  it('hides the middle four digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
  });

  it('leaves a value that is not eleven digits as it is', () => {
    expect(maskMobile('12345')).toBe('12345');
  });
});
