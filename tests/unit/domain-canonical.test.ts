import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../src/domain/canonical';

describe('canonicalJson', () => {
  it('gives the same text for the same content in any key order', () => {
    const first = { plate: '京A12345', mileageKm: 32000, kit: { seatCover: true, floorMat: false } };
    const second = { kit: { floorMat: false, seatCover: true }, mileageKm: 32000, plate: '京A12345' };

    expect(canonicalJson(second)).toBe(canonicalJson(first));
  });

  it('sorts keys at every depth, inside arrays too', () => {
    expect(canonicalJson({ b: [{ z: 1, a: 2 }], a: { y: 1, x: { q: 1, p: 2 } } })).toBe(
      '{"a":{"x":{"p":2,"q":1},"y":1},"b":[{"a":2,"z":1}]}',
    );
  });

  it('keeps the order of array items', () => {
    expect(canonicalJson(['更换机油', '检查异响'])).not.toBe(canonicalJson(['检查异响', '更换机油']));
  });

  it('drops undefined object values', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('writes undefined array items as null, as JSON.stringify does', () => {
    expect(canonicalJson([1, undefined, 2])).toBe('[1,null,2]');
  });

  it('keeps Chinese text as characters, not escapes', () => {
    expect(canonicalJson({ name: '张伟' })).toBe('{"name":"张伟"}');
  });

  it.each([
    { name: 'NaN', value: Number.NaN },
    { name: 'Infinity', value: Number.POSITIVE_INFINITY },
  ])('rejects $name', ({ value }) => {
    expect(() => canonicalJson({ mileageKm: value })).toThrow(TypeError);
  });
});

describe('sha256Hex', () => {
  it.each([
    { name: 'the empty string', input: '', hex: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    { name: '"abc" (FIPS 180-2 example)', input: 'abc', hex: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
  ])('matches the published digest of $name', async ({ input, hex }) => {
    expect(await sha256Hex(input)).toBe(hex);
  });

  it('hashes a string as UTF-8', async () => {
    const expected = createHash('sha256').update('接车单 京A·12345', 'utf8').digest('hex');

    expect(await sha256Hex('接车单 京A·12345')).toBe(expected);
  });

  it('hashes bytes the same as node:crypto', async () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, index) => (index * 31) % 256);
    const expected = createHash('sha256').update(bytes).digest('hex');

    expect(await sha256Hex(bytes)).toBe(expected);
    expect(await sha256Hex(bytes.buffer)).toBe(expected);
  });

  it('gives the same hash of canonical JSON whatever the key order', async () => {
    const first = await sha256Hex(canonicalJson({ a: 1, b: { c: 2, d: 3 } }));
    const second = await sha256Hex(canonicalJson({ b: { d: 3, c: 2 }, a: 1 }));

    expect(second).toBe(first);
  });
});
