import { describe, expect, it } from 'vitest';
import { formatPlate, parsePlate } from '../../src/domain/plate';

describe('parsePlate', () => {
  it.each([
    { name: 'an ordinary Beijing plate', input: '京A12345', kind: 'ordinary' },
    { name: 'an ordinary plate with letters in the serial', input: '苏E8Z9K2', kind: 'ordinary' },
    { name: 'an ordinary Guangdong plate', input: '粤B3C8D7', kind: 'ordinary' },
    { name: 'a small new-energy plate with D third', input: '沪AD12345', kind: 'new_energy' },
    { name: 'a small new-energy plate with F third', input: '京AF08765', kind: 'new_energy' },
    { name: 'a small new-energy plate with a letter fourth', input: '浙ADA1234', kind: 'new_energy' },
    { name: 'a large new-energy plate ending in D', input: '粤B12345D', kind: 'new_energy' },
    { name: 'a large new-energy plate ending in F', input: '川A00321F', kind: 'new_energy' },
    { name: 'a driving-school plate (学)', input: '京A1234学', kind: 'special' },
    { name: 'a trailer plate (挂)', input: '粤B1234挂', kind: 'special' },
    { name: 'a police plate (警)', input: '京A0123警', kind: 'special' },
    { name: 'a consulate plate (领)', input: '沪A0023领', kind: 'special' },
    { name: 'a Hong Kong cross-border plate (港)', input: '粤Z1234港', kind: 'special' },
    { name: 'an embassy plate (使)', input: '使014578', kind: 'special' },
  ])('accepts $name', ({ input, kind }) => {
    expect(parsePlate(input)).toEqual({ ok: true, plate: input, kind });
  });

  it.each([
    { name: 'the middle dot', input: '京A·12345' },
    { name: 'a bullet', input: '京A•12345' },
    { name: 'the katakana middle dot', input: '京A・12345' },
    { name: 'the half-width katakana middle dot', input: '京A･12345' },
    { name: 'a space', input: '京A 12345' },
    { name: 'an ideographic space', input: '京A\u300012345' },
    { name: 'a hyphen', input: '京A-12345' },
    { name: 'lower case', input: '京a12345' },
    { name: 'full-width letters and digits', input: '京Ａ１２３４５' },
    { name: 'full-width lower case with a middle dot', input: '京ａ·１２３４５' },
    { name: 'surrounding spaces', input: ' 京A12345 ' },
  ])('normalizes $name to the stored form', ({ input }) => {
    expect(parsePlate(input)).toEqual({ ok: true, plate: '京A12345', kind: 'ordinary' });
  });

  it('normalizes a new-energy plate typed in lower case with a middle dot', () => {
    expect(parsePlate('沪a·d12345')).toEqual({ ok: true, plate: '沪AD12345', kind: 'new_energy' });
  });

  it('normalizes an embassy plate typed with a middle dot', () => {
    expect(parsePlate('使014·578')).toEqual({ ok: true, plate: '使014578', kind: 'special' });
  });

  it.each([
    { name: 'an empty string', input: '' },
    { name: 'a character that is no province', input: '中A12345' },
    { name: 'a Latin letter in place of the province', input: 'JA12345' },
    { name: 'a traditional-script province character', input: '滬A12345' },
    { name: 'a digit as the issuing authority', input: '京112345' },
    { name: 'I as the issuing authority', input: '京I12345' },
    { name: 'O in the serial', input: '京A1O345' },
    { name: 'a serial one character short', input: '京A1234' },
    { name: 'a serial one character too long for a petrol plate', input: '京A123456' },
    { name: 'a small new-energy plate with L third', input: '沪AL12345' },
    { name: 'a small new-energy plate with a letter in the last four', input: '沪AD1234A' },
    { name: 'a large new-energy plate ending in E', input: '粤B12345E' },
    { name: 'an unknown suffix', input: '京A1234车' },
    { name: 'an embassy plate with five digits', input: '使01457' },
  ])('rejects $name', ({ input }) => {
    expect(parsePlate(input)).toEqual({ ok: false, error: 'plate_format' });
  });
});

describe('formatPlate', () => {
  it.each([
    { name: 'an ordinary plate', plate: '京A12345', shown: '京A·12345' },
    { name: 'a new-energy plate', plate: '沪AD12345', shown: '沪A·D12345' },
    { name: 'a plate with a suffix', plate: '京A1234学', shown: '京A·1234学' },
  ])('puts the middle dot after the issuing authority of $name', ({ plate, shown }) => {
    expect(formatPlate(plate)).toBe(shown);
  });

  it('leaves an embassy plate as stored', () => {
    expect(formatPlate('使014578')).toBe('使014578');
  });

  it('round-trips through parsePlate', () => {
    expect(parsePlate(formatPlate('粤B12345D'))).toEqual({ ok: true, plate: '粤B12345D', kind: 'new_energy' });
  });
});
