import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHECKIN_UNSIGNED_FIELDS } from '../../src/domain/schemas/checkin';
import type { Signature } from '../../src/domain/schemas/common';
import { contentHash, findRewrittenSignature, signingState } from '../../src/domain/signing';

const content = {
  id: 'c1',
  plate: '京A12345',
  mileageKm: 32000,
  customerRequests: ['更换机油', '检查异响'],
  updatedAt: '2026-12-04T01:00:00.000Z',
  signatures: [],
};

function signature(id: string, hash: string): Signature {
  return {
    id,
    signerName: '张伟',
    signedAt: '2026-12-04T02:00:00.000Z',
    contentHash: hash,
    padAspectRatio: 2.5,
    strokes: [{ points: [{ x: 0.1, y: 0.5, pressure: 0.5, time: 0 }] }],
    image: { sha256: 'a'.repeat(64), mimeType: 'image/png', bytes: 1200, width: 600, height: 240 },
  };
}

describe('contentHash', () => {
  it('gives the same hash for the same content in any key order', async () => {
    const reordered = { signatures: [], customerRequests: ['更换机油', '检查异响'], mileageKm: 32000, updatedAt: '2026-12-04T01:00:00.000Z', plate: '京A12345', id: 'c1' };

    expect(await contentHash(reordered, CHECKIN_UNSIGNED_FIELDS)).toBe(await contentHash(content, CHECKIN_UNSIGNED_FIELDS));
  });

  it('gives another hash when any covered field changes', async () => {
    const original = await contentHash(content, CHECKIN_UNSIGNED_FIELDS);

    expect(await contentHash({ ...content, mileageKm: 32001 }, CHECKIN_UNSIGNED_FIELDS)).not.toBe(original);
    expect(await contentHash({ ...content, customerRequests: ['更换机油'] }, CHECKIN_UNSIGNED_FIELDS)).not.toBe(original);
  });

  it('ignores bookkeeping fields a signature does not cover', async () => {
    const original = await contentHash(content, CHECKIN_UNSIGNED_FIELDS);
    const touched = { ...content, updatedAt: '2026-12-05T00:00:00.000Z', signatures: [signature('s1', 'b'.repeat(64))] };

    expect(await contentHash(touched, CHECKIN_UNSIGNED_FIELDS)).toBe(original);
  });

  it('is the SHA-256 of the canonical JSON', async () => {
    const expected = createHash('sha256').update('{"a":"京","b":1}', 'utf8').digest('hex');

    expect(await contentHash({ b: 1, a: '京' }, [])).toBe(expected);
  });
});

describe('signingState', () => {
  it('is unsigned without signatures', () => {
    expect(signingState([], 'a'.repeat(64))).toBe('unsigned');
  });

  it('is signed when the latest signature covers the current content', () => {
    expect(signingState([signature('s1', 'c'.repeat(64)), signature('s2', 'a'.repeat(64))], 'a'.repeat(64))).toBe('signed');
  });

  it('is changed after signing when the content moved on', () => {
    expect(signingState([signature('s1', 'a'.repeat(64))], 'd'.repeat(64))).toBe('changed_after_signing');
  });
});

describe('findRewrittenSignature', () => {
  it('accepts an appended signature', () => {
    const first = signature('s1', 'a'.repeat(64));

    expect(findRewrittenSignature([first], [first, signature('s2', 'b'.repeat(64))])).toBeNull();
  });

  it('reports a removed signature', () => {
    expect(findRewrittenSignature([signature('s1', 'a'.repeat(64))], [])).toBe('s1');
  });

  it('reports a changed signature', () => {
    const first = signature('s1', 'a'.repeat(64));

    expect(findRewrittenSignature([first], [{ ...first, signerName: '李四' }])).toBe('s1');
  });
});
