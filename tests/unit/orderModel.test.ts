import { describe, expect, it } from 'vitest';
import { isLineEditable } from '../../src/app/orders/model/lines';
import { addMonths, lineFromPricebook, newFollowup, newLine, orderNumber, shanghaiDate } from '../../src/app/orders/model/orderFactory';
import { followupSchema, type Order } from '../../src/domain/schemas/order';
import type { PricebookItem } from '../../src/domain/schemas/pricebook';

const ORDER = {
  id: '0195f0a0-0000-7000-8000-00000000beef',
  number: 'WT20260302-BEEF',
  customerName: '王建国',
  customerMobile: '13800138000',
  plate: '京A88K61',
  status: 'in_progress',
  quoteSignatures: [],
} as unknown as Order;

describe('order factory', () => {
  it.each([
    ['2026-03-02', 12, '2027-03-02'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-11-15', 3, '2027-02-15'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('order number uses the Shanghai date', () => {
    // 20:30 UTC on 1 March is already 2 March in Shanghai.
    expect(orderNumber('0195f0a0-0000-7000-8000-00000000beef', new Date('2026-03-01T20:30:00Z'))).toBe('WT20260302-BEEF');
    expect(shanghaiDate(new Date('2026-03-01T15:59:00Z'))).toBe('2026-03-01');
  });

  it('price-book line copies code, name, hours and parts', () => {
    const item = {
      id: 'item-1',
      code: 'OIL-B48',
      nameZh: '更换机油及机油滤清器',
      nameEn: 'Engine oil and oil filter change',
      laborHours: 0.5,
      series: ['3'],
      parts: [{ partNumber: '11428575211', name: '机油滤清器', quantity: 1, unitPriceFen: 12_800 }],
    } as PricebookItem;

    const created = lineFromPricebook(item, { laborRateFen: 38_000, addedDuringRepair: true });

    expect(created).toMatchObject({ pricebookItemId: 'item-1', code: 'OIL-B48', name: '更换机油及机油滤清器', laborHours: 0.5, laborRateFen: 38_000, addedDuringRepair: true, approval: 'pending' });
    expect(created.parts).toEqual(item.parts);
    expect(created.parts[0]).not.toBe(item.parts[0]);
  });

  it('follow-up is due 72 hours after delivery', () => {
    const deliveredAt = new Date('2026-03-02T10:00:00Z');

    const followup = newFollowup(ORDER, deliveredAt, { dealerId: 'dealer-1', user: 'li.wei' });

    expect(followup.dueAt).toBe('2026-03-05T10:00:00.000Z');
    expect(followup).toMatchObject({ orderId: ORDER.id, orderNumber: 'WT20260302-BEEF', status: 'open', satisfied: null });
    expect(followupSchema.safeParse(followup).success).toBe(true);
  });
});

describe('line editing', () => {
  const undecided = newLine({ laborRateFen: 38_000, addedDuringRepair: true });
  const approved = { ...undecided, approval: 'approved' as const, decidedVia: 'signature' as const };
  const signed = { ...ORDER, quoteSignatures: [{}] } as unknown as Order;

  it('every line is editable before the first signature', () => {
    expect(isLineEditable(ORDER, approved, false)).toBe(true);
  });

  it('signed line is locked until unlocked', () => {
    expect(isLineEditable(signed, approved, false)).toBe(false);
    expect(isLineEditable(signed, approved, true)).toBe(true);
  });

  it('undecided added line stays editable', () => {
    expect(isLineEditable(signed, undecided, false)).toBe(true);
  });

  it('delivered order is locked', () => {
    expect(isLineEditable({ ...signed, status: 'delivered' }, undecided, true)).toBe(false);
  });
});
