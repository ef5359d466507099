import { describe, expect, it } from 'vitest';
import { appendSignature, prepareSignature, type SignatureInput } from '../../src/app/orders/model/signing';
import { patchLine, recordPhoneDecision } from '../../src/app/orders/model/lines';
import { newLine, newOrderFromCheckin } from '../../src/app/orders/model/orderFactory';
import { linesAwaitingDecision, orderSigningStates, quoteHash, quoteProblems, recommendedHash } from '../../src/domain/orderSigning';
import type { Checkin } from '../../src/domain/schemas/checkin';
import { orderSchema, type Order, type OrderLine } from '../../src/domain/schemas/order';
import { findRewrittenSignature } from '../../src/domain/signing';

const NOW = new Date('2026-03-02T09:15:00+08:00');

const CHECKIN: Checkin = {
  id: '0195f0a0-0000-7000-8000-000000000001',
  dealerId: 'dealer-1',
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  updatedBy: 'li.wei',
  mergeConflicts: [],
  number: 'JC20260302-0001',
  customerId: 'customer-1',
  vehicleId: 'vehicle-1',
  customerName: '王建国',
  customerMobile: '13800138000',
  plate: '京A88K61',
  vin: 'LBV5S3100ESA12345',
  vehicleModel: '宝马 530Li',
  mileageKm: 23_456,
  fuelEighths: 5,
  protectiveKit: { seatCover: true, steeringWheelCover: true, floorMat: true, gearLeverCover: true },
  valuablesReminded: true,
  itemsLeftInCar: '',
  warningLights: [],
  customerRequests: ['刹车时前轮有异响'],
  offeredServices: [],
  damageMarks: [],
  photos: [],
  signatures: [],
  advisorName: '李伟',
  orderId: null,
};

const SIGNATURE_INPUT: SignatureInput = {
  signerName: '王建国',
  strokes: [{ points: [{ x: 0.1, y: 0.5, pressure: 0.5, time: 0 }, { x: 0.4, y: 0.6, pressure: 0.5, time: 12 }] }],
  padAspectRatio: 3,
  image: { sha256: 'a'.repeat(64), mimeType: 'image/png', bytes: 1200, width: 900, height: 300 },
};

function line(overrides: Partial<OrderLine>): OrderLine {
  return { ...newLine({ laborRateFen: 38_000, addedDuringRepair: false }), name: '更换机油及机油滤清器', laborHours: 0.5, ...overrides };
}

function order(lines: OrderLine[]): Order {
  return { ...newOrderFromCheckin(CHECKIN, { dealerId: 'dealer-1', user: 'li.wei', advisorName: '李伟', now: NOW }), lines };
}

async function signQuote(current: Order): Promise<Order> {
  const prepared = await prepareSignature('quote', current, SIGNATURE_INPUT, NOW);
  const result = appendSignature(current, prepared);
  if (!result.ok) throw new Error('expected the signature to be appended');
  return result.order;
}

describe('quote signature', () => {
  it('new order from a check-in is a valid document', () => {
    const opened = order([line({})]);

    expect(orderSchema.safeParse(opened).success).toBe(true);
    expect(opened.customerRequests).toEqual(['刹车时前轮有异响']);
    expect(opened.mileageKm).toBe(23_456);
    expect(opened.status).toBe('waiting');
  });

  it('signed quote is in the signed state', async () => {
    const signed = await signQuote(order([line({ approval: 'approved' })]));

    expect((await orderSigningStates(signed)).quote).toBe('signed');
    expect(signed.lines[0]!.decidedVia).toBe('signature');
    expect(signed.lines[0]!.decidedAt).toBe(NOW.toISOString());
  });

  it('workshop bookkeeping keeps the signature valid', async () => {
    const signed = await signQuote(order([line({ approval: 'approved' })]));
    const worked = { ...signed, status: 'in_progress' as const, technician: '张师傅', deliveryChecklist: { exterior: true } };

    expect((await orderSigningStates(worked)).quote).toBe('signed');
  });

  it('price change needs a new signature', async () => {
    const signed = await signQuote(order([line({ approval: 'approved' })]));
    const repriced = patchLine(signed, signed.lines[0]!.id, { laborHours: 0.8 });

    expect((await orderSigningStates(repriced)).quote).toBe('changed_after_signing');
    expect(repriced.lines[0]!.approval).toBe('pending');
    expect(repriced.lines[0]!.decidedVia).toBeNull();
  });

  it('added line needs a decision', async () => {
    const signed = await signQuote(order([line({ approval: 'approved' })]));
    const added = { ...signed, lines: [...signed.lines, line({ name: '更换刹车油', addedDuringRepair: true })] };

    expect((await orderSigningStates(added)).quote).toBe('changed_after_signing');
    expect(linesAwaitingDecision(added).map((item) => item.name)).toEqual(['更换刹车油']);
  });

  it('phone approval keeps the tablet signature valid', async () => {
    const signed = await signQuote(order([line({ approval: 'approved' })]));
    const fluid = line({ name: '更换刹车油', addedDuringRepair: true });
    const approved = recordPhoneDecision({ ...signed, lines: [...signed.lines, fluid] }, fluid.id, 'approved', '2026-03-02T11:40:00.000Z');

    expect((await orderSigningStates(approved)).quote).toBe('signed');
    expect(approved.lines[1]).toMatchObject({ approval: 'approved', decidedVia: 'phone', decidedAt: '2026-03-02T11:40:00.000Z' });
  });

  it('signature over changed content is rejected', async () => {
    const current = order([line({ approval: 'approved' })]);
    const prepared = await prepareSignature('quote', current, SIGNATURE_INPUT, NOW);
    const changedMeanwhile = patchLine(current, current.lines[0]!.id, { discountFen: 5_000 });

    expect(appendSignature(changedMeanwhile, prepared)).toEqual({ ok: false, error: 'content_changed' });
  });

  it('signing again only appends', async () => {
    const first = await signQuote(order([line({ approval: 'approved' })]));
    const changed = { ...first, lines: [...first.lines, line({ name: '更换刹车油', approval: 'declined' })] };

    const second = await signQuote(changed);

    expect(second.quoteSignatures).toHaveLength(2);
    expect(findRewrittenSignature(first.quoteSignatures, second.quoteSignatures)).toBeNull();
    expect(second.quoteSignatures[1]!.contentHash).toBe(await quoteHash(changed));
  });
});

describe('recommended-items signature', () => {
  it('covers only declined lines', async () => {
    const base = order([line({ approval: 'approved' }), line({ name: '更换前刹车片', approval: 'declined' })]);
    const hash = await recommendedHash(base);

    expect(await recommendedHash(patchLine(base, base.lines[0]!.id, { laborHours: 1 }))).toBe(hash);
    expect(await recommendedHash(patchLine(base, base.lines[1]!.id, { laborHours: 1.5 }))).not.toBe(hash);
  });

  it('new declined line needs a new signature', async () => {
    const base = order([line({ name: '更换前刹车片', approval: 'declined' })]);
    const prepared = await prepareSignature('recommended', base, SIGNATURE_INPUT, NOW);
    const signedResult = appendSignature(base, prepared);
    if (!signedResult.ok) throw new Error('expected the signature to be appended');
    const signed = signedResult.order;

    const more = { ...signed, lines: [...signed.lines, line({ name: '更换雨刮片', approval: 'declined' })] };

    expect((await orderSigningStates(signed)).recommended).toBe('signed');
    expect((await orderSigningStates(more)).recommended).toBe('changed_after_signing');
  });
});

describe('quote problems', () => {
  it('empty quote cannot be signed', () => {
    expect(quoteProblems(order([]))).toEqual([{ code: 'quote_empty', lineId: null }]);
  });

  it('names unnamed lines, parts and undecided lines', () => {
    const unnamed = line({ name: ' ', approval: 'approved' });
    const partWithoutNumber = line({ approval: 'approved', parts: [{ partNumber: '', name: '机油', quantity: 1, unitPriceFen: 9_800 }] });
    const undecided = line({});
    const diagnosis = line({ pendingDiagnosis: true });

    expect(quoteProblems(order([unnamed, partWithoutNumber, undecided, diagnosis]))).toEqual([
      { code: 'line_name_required', lineId: unnamed.id },
      { code: 'part_name_required', lineId: partWithoutNumber.id },
      { code: 'lines_undecided', lineId: undecided.id },
    ]);
  });
});
