import { describe, expect, it } from 'vitest';
import { checkinSchema, CHECKIN_UNSIGNED_FIELDS, type Checkin } from '../../src/domain/schemas/checkin';
import { contentHash, signingState } from '../../src/domain/signing';
import { vinCheckDigit } from '../../src/domain/vin';
import { checkinNumber, newCheckin, parseMileageInput, textToLines } from '../../src/app/checkin/sheet';
import { dismissConflict, openConflicts, parseConflictPath, setAtConflictPath } from '../../src/app/checkin/conflicts';
import { vehicleSelectors } from '../../src/app/checkin/find/vehicleSearch';
import { toPointGroups, toStrokes } from '../../src/app/checkin/sign/strokes';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);

function bmwVin(): string {
  const draft = 'LBV5S3100ESA12345';
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}

/** Builds a finished walkaround of a BMW 5 Series as an advisor records it. */
function realisticSheet(): Checkin {
  const sheet = newCheckin({
    customer: { id: '0193a1b2-0000-7000-8000-000000000001', name: '王建国', mobile: '13800138000' },
    vehicle: {
      id: '0193a1b2-0000-7000-8000-000000000002',
      dealerId: 'DEMO',
      createdAt: '2026-12-01T02:00:00.000Z',
      updatedAt: '2026-12-01T02:00:00.000Z',
      updatedBy: 'li.wei',
      mergeConflicts: [],
      customerId: '0193a1b2-0000-7000-8000-000000000001',
      customerMobile: '13800138000',
      plate: '京A88K61',
      vin: bmwVin(),
      vinTail: bmwVin().slice(-6),
      make: '宝马',
      model: '5系 530Li',
      series: '5',
      color: '矿石白',
      lastMileageKm: 18_200,
    },
    dealerId: 'DEMO',
    advisorName: '李伟',
    updatedBy: 'li.wei',
    now: new Date('2026-12-04T06:30:00.000Z'),
  });
  return {
    ...sheet,
    mileageKm: 23_456,
    fuelEighths: 5,
    protectiveKit: { seatCover: true, steeringWheelCover: true, floorMat: true, gearLeverCover: true },
    valuablesReminded: true,
    itemsLeftInCar: '行车记录仪、儿童座椅',
    warningLights: ['tyre_pressure', 'service_due'],
    customerRequests: ['刹车时前轮有异响', '空调出风不凉'],
    offeredServices: ['空调清洗'],
    damageMarks: [
      {
        id: '0193a1b2-0000-7000-8000-0000000000a1',
        number: 1,
        view: 'left',
        x: 0.45,
        y: 0.62,
        kind: 'dent',
        note: '左前门凹陷约3厘米',
        photos: [{ sha256: SHA_A, mimeType: 'image/jpeg', bytes: 245_000, width: 1600, height: 1067 }],
      },
      {
        id: '0193a1b2-0000-7000-8000-0000000000a2',
        number: 2,
        view: 'front',
        x: 0.5,
        y: 0.72,
        kind: 'scratch',
        note: '',
        photos: [],
      },
    ],
    photos: [{ sha256: SHA_B, mimeType: 'image/png', bytes: 80_000, width: 1200, height: 900 }],
  };
}

describe('check-in sheet schema', () => {
  it('accepts a realistic walkaround', () => {
    const result = checkinSchema.safeParse(realisticSheet());

    expect(result.success).toBe(true);
  });

  it('accepts a new empty draft', () => {
    const draft = { ...realisticSheet(), mileageKm: null, fuelEighths: null, damageMarks: [], photos: [], customerRequests: [] };

    expect(checkinSchema.safeParse(draft).success).toBe(true);
  });

  it('rejects a fuel level above eight eighths', () => {
    expect(checkinSchema.safeParse({ ...realisticSheet(), fuelEighths: 9 }).success).toBe(false);
  });

  it('rejects a mark outside the drawing', () => {
    const sheet = realisticSheet();
    const mark = { ...sheet.damageMarks[0]!, x: 1.2 };

    expect(checkinSchema.safeParse({ ...sheet, damageMarks: [mark] }).success).toBe(false);
  });

  it('rejects an unknown damage kind', () => {
    const sheet = realisticSheet();
    const mark = { ...sheet.damageMarks[0]!, kind: 'rust' };

    expect(checkinSchema.safeParse({ ...sheet, damageMarks: [mark] }).success).toBe(false);
  });

  it('reports a negative mileage with its code', () => {
    const result = checkinSchema.safeParse({ ...realisticSheet(), mileageKm: -1 });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('mileage_range');
  });
});

describe('check-in content hash', () => {
  function reversedKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(reversedKeys);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reversedKeys(item)]));
  }

  it('is the same in any key order', async () => {
    const sheet = realisticSheet();
    const reordered = reversedKeys(sheet) as Checkin;

    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(sheet)[0]);
    expect(await contentHash(reordered, CHECKIN_UNSIGNED_FIELDS)).toBe(await contentHash(sheet, CHECKIN_UNSIGNED_FIELDS));
  });

  const changes: Array<[string, (sheet: Checkin) => Checkin]> = [
    ['mileage', (sheet) => ({ ...sheet, mileageKm: 23_457 })],
    ['fuel level', (sheet) => ({ ...sheet, fuelEighths: 4 })],
    ['one kit item', (sheet) => ({ ...sheet, protectiveKit: { ...sheet.protectiveKit, floorMat: false } })],
    ['valuables reminder', (sheet) => ({ ...sheet, valuablesReminded: false })],
    ['items left', (sheet) => ({ ...sheet, itemsLeftInCar: '行车记录仪' })],
    ['warning lights', (sheet) => ({ ...sheet, warningLights: ['tyre_pressure'] })],
    ['request order', (sheet) => ({ ...sheet, customerRequests: [...sheet.customerRequests].reverse() })],
    ['offered services', (sheet) => ({ ...sheet, offeredServices: [] })],
    ['a mark moved', (sheet) => ({ ...sheet, damageMarks: sheet.damageMarks.map((mark, i) => (i === 0 ? { ...mark, x: 0.46 } : mark)) })],
    ['a mark kind', (sheet) => ({ ...sheet, damageMarks: sheet.damageMarks.map((mark, i) => (i === 1 ? { ...mark, kind: 'crack' as const } : mark)) })],
    ['a mark removed', (sheet) => ({ ...sheet, damageMarks: sheet.damageMarks.slice(1) })],
    ['a photo removed', (sheet) => ({ ...sheet, photos: [] })],
    ['the customer name', (sheet) => ({ ...sheet, customerName: '王建' })],
  ];
  it.each(changes)('changes when the %s changes', async (_name, change) => {
    const sheet = realisticSheet();

    expect(await contentHash(change(sheet), CHECKIN_UNSIGNED_FIELDS)).not.toBe(await contentHash(sheet, CHECKIN_UNSIGNED_FIELDS));
  });

  const bookkeeping: Array<[string, (sheet: Checkin) => Checkin]> = [
    ['updatedAt', (sheet) => ({ ...sheet, updatedAt: '2026-12-04T07:00:00.000Z' })],
    ['updatedBy', (sheet) => ({ ...sheet, updatedBy: 'zhang.min' })],
    ['orderId', (sheet) => ({ ...sheet, orderId: '0193a1b2-0000-7000-8000-0000000000ff' })],
    ['mergeConflicts', (sheet) => ({ ...sheet, mergeConflicts: [{ path: 'mileageKm', keptValue: 1, otherValue: 2, otherUpdatedBy: 'x', detectedAt: '2026-12-04T07:00:00.000Z', dismissed: true }] })],
  ];
  it.each(bookkeeping)('ignores %s', async (_name, change) => {
    const sheet = realisticSheet();

    expect(await contentHash(change(sheet), CHECKIN_UNSIGNED_FIELDS)).toBe(await contentHash(sheet, CHECKIN_UNSIGNED_FIELDS));
  });

  it('derives changed_after_signing once the mileage changes', async () => {
    const sheet = realisticSheet();
    const hash = await contentHash(sheet, CHECKIN_UNSIGNED_FIELDS);
    const signature = {
      id: '0193a1b2-0000-7000-8000-0000000000s1',
      signerName: '王建国',
      signedAt: '2026-12-04T06:40:00.000Z',
      contentHash: hash,
      padAspectRatio: 3,
      strokes: [{ points: [{ x: 0.1, y: 0.5, pressure: 0.5, time: 1 }] }],
      image: { sha256: SHA_A, mimeType: 'image/png' as const, bytes: 9000, width: 1400, height: 466 },
    };
    const signed = { ...sheet, signatures: [signature] };

    expect(signingState(signed.signatures, await contentHash(signed, CHECKIN_UNSIGNED_FIELDS))).toBe('signed');
    const changed = { ...signed, mileageKm: 23_500 };
    expect(signingState(changed.signatures, await contentHash(changed, CHECKIN_UNSIGNED_FIELDS))).toBe('changed_after_signing');
  });
});

describe('checkinNumber', () => {
  it('uses the Shanghai date and the id tail', () => {
    expect(checkinNumber('0193a1b2-0000-7000-8000-00000000abcd', new Date('2026-12-04T17:30:00.000Z'))).toBe('JC20261205-ABCD');
  });
});

describe('parseMileageInput', () => {
  const cases: Array<[string, string, ReturnType<typeof parseMileageInput>]> = [
    ['plain digits', '23456', { ok: true, km: 23_456 }],
    ['thousands separators', '23,456', { ok: true, km: 23_456 }],
    ['full-width digits from an IME', '２３４５６', { ok: true, km: 23_456 }],
    ['an empty field as not recorded', '  ', { ok: true, km: null }],
    ['a decimal', '234.5', { ok: false }],
    ['letters', '12a', { ok: false }],
    ['more than 2,000,000 km', '2000001', { ok: false }],
  ];
  it.each(cases)('reads %s', (_name, input, expected) => {
    expect(parseMileageInput(input)).toEqual(expected);
  });
});

describe('textToLines', () => {
  it('keeps one trimmed request a line and drops empty lines', () => {
    expect(textToLines(' 刹车异响 \r\n\n空调不凉\n ')).toEqual(['刹车异响', '空调不凉']);
  });
});

describe('vehicleSelectors', () => {
  it('searches a plate prefix typed in lower case with a middle dot', () => {
    expect(vehicleSelectors('京a·88')).toEqual([{ plate: { $gte: '京A88', $lt: '京A88\uffff' } }]);
  });

  it('searches the VIN tail of six characters', () => {
    expect(vehicleSelectors('esa123')).toEqual([{ vinTail: 'ESA123' }]);
  });

  it('searches a whole VIN through its tail', () => {
    expect(vehicleSelectors(bmwVin().toLowerCase())).toEqual([{ vinTail: bmwVin().slice(-6), vin: bmwVin() }]);
  });

  it('searches a full mobile number exactly', () => {
    expect(vehicleSelectors('138 0013 8000')).toEqual([{ customerMobile: '13800138000' }]);
  });

  it('searches six digits as mobile prefix and VIN tail', () => {
    expect(vehicleSelectors('138001')).toEqual([
      { customerMobile: { $gte: '138001', $lt: '138001\uffff' } },
      { vinTail: '138001' },
    ]);
  });

  it('finds nothing to search in an empty text', () => {
    expect(vehicleSelectors('  ')).toEqual([]);
  });
});

describe('merge-conflict paths', () => {
  it('splits keys and item ids', () => {
    expect(parseConflictPath('damageMarks[m1].note')).toEqual([
      { kind: 'key', key: 'damageMarks' },
      { kind: 'id', id: 'm1' },
      { kind: 'key', key: 'note' },
    ]);
  });

  it('replaces a nested value', () => {
    const sheet = realisticSheet();
    const changed = setAtConflictPath(sheet, 'protectiveKit.floorMat', false);

    expect(changed.protectiveKit.floorMat).toBe(false);
    expect(changed.protectiveKit.seatCover).toBe(true);
    expect(sheet.protectiveKit.floorMat).toBe(true);
  });

  it('replaces a field of an array item by id', () => {
    const sheet = realisticSheet();
    const changed = setAtConflictPath(sheet, `damageMarks[${sheet.damageMarks[1]!.id}].note`, '前保险杠右侧划痕');

    expect(changed.damageMarks[1]!.note).toBe('前保险杠右侧划痕');
    expect(changed.damageMarks[0]!.note).toBe(sheet.damageMarks[0]!.note);
  });

  it('brings back an item removed on this side', () => {
    const sheet = realisticSheet();
    const removed = { ...sheet, damageMarks: sheet.damageMarks.slice(1) };
    const restored = setAtConflictPath(removed, `damageMarks[${sheet.damageMarks[0]!.id}]`, sheet.damageMarks[0]);

    expect(restored.damageMarks.map((mark) => mark.number)).toEqual([2, 1]);
  });

  it('dismisses only the chosen conflict', () => {
    const conflicts = [
      { path: 'mileageKm', keptValue: 1, otherValue: 2, otherUpdatedBy: 'a', detectedAt: '2026-12-04T07:00:00.000Z', dismissed: false },
      { path: 'fuelEighths', keptValue: 1, otherValue: 2, otherUpdatedBy: 'a', detectedAt: '2026-12-04T07:00:00.000Z', dismissed: false },
    ];

    expect(openConflicts(dismissConflict(conflicts, conflicts[0]!)).map((conflict) => conflict.path)).toEqual(['fuelEighths']);
  });
});

describe('signature strokes', () => {
  const pen = { penColor: '#000', minWidth: 1, maxWidth: 3, dotSize: 2, velocityFilterWeight: 0.7 };

  it('round-trip through pad fractions at another pad size', () => {
    const groups = toPointGroups([{ points: [{ x: 0.25, y: 0.5, pressure: 0.5, time: 10 }] }], 600, 200, pen);
    const strokes = toStrokes(groups, 600, 200);
    const redrawn = toPointGroups(strokes, 900, 300, pen);

    expect(redrawn[0]!.points[0]).toMatchObject({ x: 225, y: 150 });
  });

  it('clamp points dragged past the pad edge', () => {
    const strokes = toStrokes([{ ...pen, compositeOperation: 'source-over', points: [{ x: -5, y: 250, pressure: 1.4, time: 1 }] }], 600, 200);

    expect(strokes[0]!.points[0]).toEqual({ x: 0, y: 1, pressure: 1, time: 1 });
  });

  it('thin a very long stroke to the schema limit of 5,000 points', () => {
    const points = Array.from({ length: 12_000 }, (_, i) => ({ x: i % 600, y: 100, pressure: 0.5, time: i }));
    const strokes = toStrokes([{ ...pen, compositeOperation: 'source-over', points }], 600, 200);

    expect(strokes[0]!.points).toHaveLength(5000);
    expect(strokes[0]!.points.at(-1)!.time).toBe(11_999);
  });
});
