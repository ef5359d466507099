import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeOrderTotals, includedTaxFen, laborAmountFen, partAmountFen, type PricedLine } from '../../src/domain/totals';

let nextId = 0;

function line(overrides: Partial<PricedLine> = {}): PricedLine {
  nextId += 1;
  return {
    id: `line-${nextId}`,
    laborHours: 1,
    laborRateFen: 38_000,
    parts: [],
    discountFen: 0,
    free: false,
    pendingDiagnosis: false,
    approval: 'approved',
    ...overrides,
  };
}

// Hours and quantities with at most two decimals, as the schemas allow.
const hundredths = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((value) => value / 100);

const partArbitrary = fc.record({
  partNumber: fc.constant('11428575211'),
  name: fc.constant('机油滤清器'),
  quantity: hundredths(20).filter((quantity) => quantity > 0),
  unitPriceFen: fc.integer({ min: 0, max: 2_000_000 }),
});

const lineArbitrary: fc.Arbitrary<PricedLine> = fc.record({
  id: fc.uuid(),
  laborHours: hundredths(40),
  laborRateFen: fc.integer({ min: 0, max: 100_000 }),
  parts: fc.array(partArbitrary, { maxLength: 5 }),
  discountFen: fc.integer({ min: 0, max: 5_000_000 }),
  free: fc.boolean(),
  pendingDiagnosis: fc.boolean(),
  approval: fc.constantFrom('pending', 'approved', 'declined'),
});

const orderArbitrary = fc.record({
  lines: fc.array(lineArbitrary, { maxLength: 12 }),
  orderDiscountFen: fc.integer({ min: 0, max: 10_000_000 }),
});

describe('labor and part amounts', () => {
  it('labor rounds half up to the fen', () => {
    // 0.25 h × ¥3.38 = 84.5 fen → 85; 0.25 h × ¥3.34 = 83.5 fen → 84; 0.01 h × 149 fen = 1.49 fen → 1.
    expect(laborAmountFen(0.25, 338)).toBe(85);
    expect(laborAmountFen(0.25, 334)).toBe(84);
    expect(laborAmountFen(0.01, 149)).toBe(1);
    expect(laborAmountFen(0.01, 150)).toBe(2);
  });

  it('labor of binary-inexact hours is exact', () => {
    // 0.3 × 38000 is 11400.000000000002 in floating point; the hundredths rule gives 11400.
    expect(laborAmountFen(0.3, 38_000)).toBe(11_400);
    expect(laborAmountFen(1.15, 38_000)).toBe(43_700);
  });

  it('part amount is quantity times unit price, rounded half up', () => {
    expect(partAmountFen(5.5, 9_800)).toBe(53_900);
    expect(partAmountFen(0.5, 1_001)).toBe(501);
    expect(partAmountFen(4, 12_345)).toBe(49_380);
  });

  it('rounding is consistent for every hours and rate', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 1_000_000 }), (hoursHundredths, rateFen) => {
      const exact = BigInt(hoursHundredths) * BigInt(rateFen);
      const expected = Number((exact + 50n) / 100n);
      expect(laborAmountFen(hoursHundredths / 100, rateFen)).toBe(expected);
    }));
  });
});

describe('computeOrderTotals', () => {
  it('sums labor, parts and discounts of a plain order', () => {
    const totals = computeOrderTotals({
      lines: [
        line({ laborHours: 0.5, parts: [{ partNumber: '11428575211', name: '机油滤清器', quantity: 1, unitPriceFen: 12_800 }, { partNumber: '83212365946', name: '机油', quantity: 5.5, unitPriceFen: 9_800 }] }),
        line({ laborHours: 1.2, discountFen: 5_000 }),
      ],
      orderDiscountFen: 1_000,
    });

    expect(totals.laborFen).toBe(19_000 + 45_600);
    expect(totals.partsFen).toBe(12_800 + 53_900);
    expect(totals.lineDiscountFen).toBe(5_000);
    expect(totals.subtotalFen).toBe(19_000 + 45_600 + 12_800 + 53_900 - 5_000);
    expect(totals.totalFen).toBe(totals.subtotalFen - 1_000);
    expect(totals.discountClamped).toBe(false);
  });

  it('clamps a line discount larger than the line and reports it', () => {
    const totals = computeOrderTotals({ lines: [line({ laborHours: 0.5, discountFen: 30_000 })], orderDiscountFen: 0 });

    expect(totals.lines[0]!.discountFen).toBe(19_000);
    expect(totals.lines[0]!.discountClampedFen).toBe(11_000);
    expect(totals.lines[0]!.netFen).toBe(0);
    expect(totals.totalFen).toBe(0);
    expect(totals.discountClamped).toBe(true);
  });

  it('clamps an order discount larger than the subtotal and reports it', () => {
    const totals = computeOrderTotals({ lines: [line({ laborHours: 1 })], orderDiscountFen: 50_000 });

    expect(totals.orderDiscountFen).toBe(38_000);
    expect(totals.orderDiscountClampedFen).toBe(12_000);
    expect(totals.totalFen).toBe(0);
    expect(totals.discountClamped).toBe(true);
  });

  it('lists a free line with its value but charges nothing', () => {
    const totals = computeOrderTotals({ lines: [line({ laborHours: 0.3, free: true, discountFen: 500 }), line({ laborHours: 1 })], orderDiscountFen: 0 });

    expect(totals.lines[0]!.charge).toBe('free');
    expect(totals.lines[0]!.grossFen).toBe(11_400);
    expect(totals.lines[0]!.netFen).toBe(0);
    expect(totals.freeValueFen).toBe(11_400);
    expect(totals.freeCount).toBe(1);
    expect(totals.totalFen).toBe(38_000);
  });

  it('counts a pending-diagnosis line without pricing it', () => {
    const totals = computeOrderTotals({ lines: [line({ laborHours: 2, pendingDiagnosis: true }), line({ laborHours: 1 })], orderDiscountFen: 0 });

    expect(totals.pendingDiagnosisCount).toBe(1);
    expect(totals.totalFen).toBe(38_000);
  });

  it('excludes declined lines and keeps their value for the recommended-items sheet', () => {
    const totals = computeOrderTotals({ lines: [line({ laborHours: 2, approval: 'declined' }), line({ laborHours: 1, approval: 'pending' })], orderDiscountFen: 0 });

    expect(totals.declinedCount).toBe(1);
    expect(totals.declinedValueFen).toBe(76_000);
    expect(totals.undecidedCount).toBe(1);
    expect(totals.totalFen).toBe(38_000);
  });

  it('states the VAT contained in the total', () => {
    expect(includedTaxFen(11_300)).toBe(1_300);
    expect(includedTaxFen(100)).toBe(12);
    expect(includedTaxFen(0)).toBe(0);
  });

  it('totals add up exactly for any order', () => {
    fc.assert(fc.property(orderArbitrary, (order) => {
      const totals = computeOrderTotals(order);
      const charged = totals.lines.filter((item) => item.charge === 'charged');

      expect(totals.laborFen + totals.partsFen - totals.lineDiscountFen).toBe(totals.subtotalFen);
      expect(totals.subtotalFen - totals.orderDiscountFen).toBe(totals.totalFen);
      expect(charged.reduce((sum, item) => sum + item.netFen, 0)).toBe(totals.subtotalFen);
      for (const item of totals.lines) expect(item.laborFen + item.partsFen).toBe(item.grossFen);
    }));
  });

  it('discounts never make a line or the order negative', () => {
    fc.assert(fc.property(orderArbitrary, (order) => {
      const totals = computeOrderTotals(order);

      for (const item of totals.lines) {
        expect(item.netFen).toBeGreaterThanOrEqual(0);
        expect(item.discountFen).toBeLessThanOrEqual(item.grossFen);
      }
      expect(totals.subtotalFen).toBeGreaterThanOrEqual(0);
      expect(totals.totalFen).toBeGreaterThanOrEqual(0);
    }));
  });

  it('clamped and applied discounts add up to the requested ones', () => {
    fc.assert(fc.property(orderArbitrary, (order) => {
      const totals = computeOrderTotals(order);

      totals.lines.forEach((item, index) => {
        if (item.charge === 'charged') expect(item.discountFen + item.discountClampedFen).toBe(order.lines[index]!.discountFen);
      });
      expect(totals.orderDiscountFen + totals.orderDiscountClampedFen).toBe(order.orderDiscountFen);
    }));
  });

  it('totals are integer fen', () => {
    fc.assert(fc.property(orderArbitrary, (order) => {
      const totals = computeOrderTotals(order);
      for (const value of [totals.laborFen, totals.partsFen, totals.totalFen, totals.includedTaxFen, totals.freeValueFen, totals.declinedValueFen]) {
        expect(Number.isSafeInteger(value)).toBe(true);
      }
    }));
  });

  it('line order does not change the totals', () => {
    fc.assert(fc.property(orderArbitrary, (order) => {
      const reversed = { ...order, lines: [...order.lines].reverse() };
      expect(computeOrderTotals(reversed).totalFen).toBe(computeOrderTotals(order).totalFen);
    }));
  });

  it('declining a line never raises the total', () => {
    fc.assert(fc.property(orderArbitrary, fc.nat(), (order, pick) => {
      fc.pre(order.lines.length > 0);
      const index = pick % order.lines.length;
      const declined = { ...order, lines: order.lines.map((item, i) => (i === index ? { ...item, approval: 'declined' as const } : item)) };
      expect(computeOrderTotals(declined).totalFen).toBeLessThanOrEqual(computeOrderTotals(order).totalFen);
    }));
  });
});
