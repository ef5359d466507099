import { describe, expect, it } from 'vitest';
import { mergeDocuments, sameDocumentState } from '../../src/domain/merge';

const DETECTED_AT = '2026-12-04T08:00:00.000Z';

function sheet(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '0193a1b2-0000-7000-8000-000000000001',
    dealerId: 'dealer-1',
    createdAt: '2026-12-04T01:00:00.000Z',
    updatedAt: '2026-12-04T01:00:00.000Z',
    updatedBy: 'li.wei',
    mergeConflicts: [],
    mileageKm: 32000,
    fuelEighths: 4,
    protectiveKit: { seatCover: false, steeringWheelCover: false, floorMat: false, gearLeverCover: false },
    customerRequests: ['更换机油'],
    damageMarks: [
      { id: 'm1', number: 1, view: 'left', x: 0.2, y: 0.5, kind: 'scratch', note: '', photos: [] },
    ],
    ...overrides,
  };
}

describe('mergeDocuments', () => {
  it('M1 keeps a change made on one side only', () => {
    const base = sheet();
    const local = sheet({ mileageKm: 32150, updatedBy: 'wang.fang' });
    const remote = sheet({ fuelEighths: 6 });

    const merged = mergeDocuments(base, local, remote, DETECTED_AT);

    expect(merged.mileageKm).toBe(32150);
    expect(merged.fuelEighths).toBe(6);
    expect(merged.mergeConflicts).toEqual([]);
  });

  it('M2 merges nested objects key by key', () => {
    const base = sheet();
    const local = sheet({ protectiveKit: { seatCover: true, steeringWheelCover: false, floorMat: false, gearLeverCover: false } });
    const remote = sheet({ protectiveKit: { seatCover: false, steeringWheelCover: false, floorMat: true, gearLeverCover: false } });

    const merged = mergeDocuments(base, local, remote, DETECTED_AT);

    expect(merged.protectiveKit).toEqual({ seatCover: true, steeringWheelCover: false, floorMat: true, gearLeverCover: false });
  });

  it('M3 keeps damage marks added on both tablets', () => {
    const base = sheet();
    const baseMarks = base.damageMarks as object[];
    const local = sheet({ damageMarks: [...baseMarks, { id: 'm2', number: 2, view: 'front', x: 0.5, y: 0.4, kind: 'dent', note: '', photos: [] }] });
    const remote = sheet({ damageMarks: [...baseMarks, { id: 'm3', number: 2, view: 'rear', x: 0.3, y: 0.6, kind: 'crack', note: '', photos: [] }] });

    const merged = mergeDocuments(base, local, remote, DETECTED_AT);

    expect((merged.damageMarks as Array<{ id: string }>).map((mark) => mark.id)).toEqual(['m1', 'm3', 'm2']);
  });

  it('M4 removes an item removed on one side and untouched on the other', () => {
    const base = sheet();
    const local = sheet({ damageMarks: [] });
    const remote = sheet({ fuelEighths: 2 });

    const merged = mergeDocuments(base, local, remote, DETECTED_AT);

    expect(merged.damageMarks).toEqual([]);
  });

  it('M4 keeps an item removed on one side but changed on the other', () => {
    const base = sheet();
    const local = sheet({ damageMarks: [] });
    const remote = sheet({ damageMarks: [{ id: 'm1', number: 1, view: 'left', x: 0.2, y: 0.5, kind: 'dent', note: '后门', photos: [] }] });

    const merged = mergeDocuments(base, local, remote, DETECTED_AT);

    expect(merged.damageMarks).toEqual(remote.damageMarks);
  });

  it('M5 treats a list of plain values as one unit', () => {
    const base = sheet();
    const local = sheet({ customerRequests: ['更换机油', '检查异响'], updatedBy: 'wang.fang' });
    const remote = sheet({ customerRequests: ['更换机油', '空调不凉'] });

    const merged = mergeDocuments(base, local, remote, DETECTED_AT);

    expect(merged.customerRequests).toEqual(['更换机油', '空调不凉']);
    expect(merged.mergeConflicts).toEqual([
      {
        path: 'customerRequests',
        keptValue: ['更换机油', '空调不凉'],
        otherValue: ['更换机油', '检查异响'],
        otherUpdatedBy: 'wang.fang',
        detectedAt: DETECTED_AT,
        dismissed: false,
      },
    ]);
  });

  it('M6 keeps the remote value and records the local one when both changed a field', () => {
    const base = sheet();
    const local = sheet({ mileageKm: 32150, updatedBy: 'wang.fang' });
    const remote = sheet({ mileageKm: 32105 });

    const merged = mergeDocuments(base, local, remote, DETECTED_AT);

    expect(merged.mileageKm).toBe(32105);
    expect(merged.mergeConflicts).toHaveLength(1);
    expect(merged.mergeConflicts).toContainEqual(expect.objectContaining({ path: 'mileageKm', keptValue: 32105, otherValue: 32150 }));
  });

  it('M6 records a conflict inside a damage mark by its id', () => {
    const base = sheet();
    const local = sheet({ damageMarks: [{ id: 'm1', number: 1, view: 'left', x: 0.2, y: 0.5, kind: 'scratch', note: '左前门', photos: [] }] });
    const remote = sheet({ damageMarks: [{ id: 'm1', number: 1, view: 'left', x: 0.2, y: 0.5, kind: 'scratch', note: '左后门', photos: [] }] });

    const merged = mergeDocuments(base, local, remote, DETECTED_AT);

    expect(merged.mergeConflicts).toContainEqual(expect.objectContaining({ path: 'damageMarks[m1].note', keptValue: '左后门', otherValue: '左前门' }));
  });

  it('M7 takes the later updatedAt and keeps conflicts of both sides', () => {
    const earlier = { path: 'fuelEighths', keptValue: 3, otherValue: 5, otherUpdatedBy: 'x', detectedAt: '2026-12-03T00:00:00.000Z', dismissed: false };
    const base = sheet();
    const local = sheet({ updatedAt: '2026-12-04T03:00:00.000Z', mergeConflicts: [earlier] });
    const remote = sheet({ updatedAt: '2026-12-04T02:00:00.000Z' });

    const merged = mergeDocuments(base, local, remote, DETECTED_AT);

    expect(merged.updatedAt).toBe('2026-12-04T03:00:00.000Z');
    expect(merged.mergeConflicts).toEqual([earlier]);
  });

  it('merging in either order converges to the same field values', () => {
    const base = sheet();
    const a = sheet({ mileageKm: 32150, fuelEighths: 5 });
    const b = sheet({ customerRequests: ['检查刹车'], fuelEighths: 5 });

    const ab = mergeDocuments(base, a, b, DETECTED_AT);
    const ba = mergeDocuments(base, b, a, DETECTED_AT);

    expect(sameDocumentState(ab, ba)).toBe(true);
  });

  it('treats a document created on both sides as all fields changed', () => {
    const local = sheet({ mileageKm: 1 });
    const remote = sheet({ mileageKm: 2 });

    const merged = mergeDocuments(undefined, local, remote, DETECTED_AT);

    expect(merged.mileageKm).toBe(2);
    expect(merged.mergeConflicts).toContainEqual(expect.objectContaining({ path: 'mileageKm', otherValue: 1 }));
  });
});

describe('sameDocumentState', () => {
  it('ignores key order and RxDB metadata', () => {
    const a = { id: 'x', a: 1, b: { c: 2, d: 3 }, _rev: '1-a', _meta: { lwt: 1 } };
    const b = { b: { d: 3, c: 2 }, a: 1, id: 'x', _rev: '2-b', _meta: { lwt: 2 } };

    expect(sameDocumentState(a, b)).toBe(true);
  });

  it('sees a changed nested value', () => {
    expect(sameDocumentState({ id: 'x', b: { c: 2 } }, { id: 'x', b: { c: 3 } })).toBe(false);
  });
});

describe('mergeDocuments with deletions', () => {
  it('M8 keeps a document edited offline that another tablet deleted', () => {
    const base = sheet({ _deleted: false });
    const local = sheet({ _deleted: false, mileageKm: 32150, updatedBy: 'wang.fang' });
    const remote = sheet({ _deleted: true, updatedBy: 'li.wei' });

    const merged = mergeDocuments(base, local, remote, DETECTED_AT);

    expect(merged._deleted).toBe(false);
    expect(merged.mileageKm).toBe(32150);
    expect(merged.mergeConflicts).toEqual([
      { path: '_deleted', keptValue: false, otherValue: true, otherUpdatedBy: 'li.wei', detectedAt: DETECTED_AT, dismissed: false },
    ]);
  });

  it('M8 keeps the edit when the local side deleted', () => {
    const base = sheet({ _deleted: false });
    const local = sheet({ _deleted: true, updatedBy: 'wang.fang' });
    const remote = sheet({ _deleted: false, fuelEighths: 7 });

    const merged = mergeDocuments(base, local, remote, DETECTED_AT);

    expect(merged._deleted).toBe(false);
    expect(merged.fuelEighths).toBe(7);
    expect(merged.mergeConflicts).toContainEqual(expect.objectContaining({ path: '_deleted', otherUpdatedBy: 'wang.fang' }));
  });

  it('M8 keeps a deletion of an untouched document', () => {
    const base = sheet({ _deleted: false });
    const local = sheet({ _deleted: true });
    const remote = sheet({ _deleted: false, updatedAt: '2026-12-04T02:00:00.000Z' });

    const merged = mergeDocuments(base, local, remote, DETECTED_AT);

    expect(merged._deleted).toBe(true);
    expect(merged.mergeConflicts).toEqual([]);
  });
});
