import type { Fen } from './money';
import type { OrderLine } from './schemas/order';

/*
 * The one function that prices a repair order. All money is integer fen.
 *
 * Rounding rule: labor hours and part quantities count in hundredths (0.01 h, 0.01 piece
 * or litre), so every product is an exact integer of hundredth-fen. Each labor amount
 * (one per line) and each part amount (one per part row) is then rounded half up to the
 * fen. Sums and discounts are exact integer arithmetic after that, so the parts of a
 * total always add up to it.
 *
 * Prices in China are quoted tax-included. `includedTaxFen` is the VAT contained in the
 * total at VAT_RATE_PERCENT (13 %, the rate for vehicle repair labor and parts), rounded
 * half up. The settlement shows it and never adds it on top.
 */

export const VAT_RATE_PERCENT = 13;

const HUNDREDTHS = 100;

/** The way a line counts towards the total. */
export type LineCharge = 'charged' | 'free' | 'pending_diagnosis' | 'declined';

/** The fields of an order line that its price depends on. */
export type PricedLine = Pick<OrderLine, 'id' | 'laborHours' | 'laborRateFen' | 'parts' | 'discountFen' | 'free' | 'pendingDiagnosis' | 'approval'>;

/** The fields of an order that its totals depend on. */
export interface PricedOrder {
  lines: readonly PricedLine[];
  orderDiscountFen: Fen;
}

export interface LineTotals {
  lineId: string;
  charge: LineCharge;
  laborFen: Fen;
  partsFen: Fen;
  /** Labor plus parts before any discount: the line's value, also for free, declined and pending lines. */
  grossFen: Fen;
  /** Discount applied to a charged line, never more than its gross. Zero for other lines. */
  discountFen: Fen;
  /** Part of the requested discount that was not applied because it exceeded the line's gross. */
  discountClampedFen: Fen;
  /** Amount the customer pays for the line: gross − discount for a charged line, zero otherwise. */
  netFen: Fen;
}

export interface OrderTotals {
  lines: LineTotals[];
  /** Labor of the charged lines, before discounts. */
  laborFen: Fen;
  /** Parts of the charged lines, before discounts. */
  partsFen: Fen;
  lineDiscountFen: Fen;
  /** laborFen + partsFen − lineDiscountFen. */
  subtotalFen: Fen;
  /** Order discount applied, never more than the subtotal. */
  orderDiscountFen: Fen;
  orderDiscountClampedFen: Fen;
  /** Amount the customer pays, tax included: subtotalFen − orderDiscountFen. */
  totalFen: Fen;
  includedTaxFen: Fen;
  /** Value of the free lines, listed so the settlement can point them out. */
  freeValueFen: Fen;
  freeCount: number;
  /** Lines waiting for diagnosis (待检测): counted, not priced into the total. */
  pendingDiagnosisCount: number;
  declinedCount: number;
  declinedValueFen: Fen;
  /** Charged or free lines the customer has not yet approved or declined. */
  undecidedCount: number;
  /** True when a line or the order discount was larger than what it applied to. */
  discountClamped: boolean;
}

/** Converts hours or a quantity to whole hundredths, because the schemas allow at most two decimals. */
function toHundredths(value: number): number {
  return Math.round(value * HUNDREDTHS);
}

/** Divides a non-negative integer of hundredth-fen by 100, rounding half up, with integer arithmetic only. */
function roundHundredthsHalfUp(hundredthFen: number): Fen {
  const remainder = hundredthFen % HUNDREDTHS;
  const whole = (hundredthFen - remainder) / HUNDREDTHS;
  return remainder * 2 >= HUNDREDTHS ? whole + 1 : whole;
}

/** Computes the labor of one line: hours × hourly rate, rounded half up to the fen. */
export function laborAmountFen(laborHours: number, laborRateFen: Fen): Fen {
  return roundHundredthsHalfUp(toHundredths(laborHours) * laborRateFen);
}

/** Computes one part row: quantity × unit price, rounded half up to the fen. */
export function partAmountFen(quantity: number, unitPriceFen: Fen): Fen {
  return roundHundredthsHalfUp(toHundredths(quantity) * unitPriceFen);
}

function lineCharge(line: PricedLine): LineCharge {
  if (line.approval === 'declined') return 'declined';
  if (line.pendingDiagnosis) return 'pending_diagnosis';
  if (line.free) return 'free';
  return 'charged';
}

function lineTotals(line: PricedLine): LineTotals {
  const charge = lineCharge(line);
  const laborFen = laborAmountFen(line.laborHours, line.laborRateFen);
  const partsFen = line.parts.reduce((sum, part) => sum + partAmountFen(part.quantity, part.unitPriceFen), 0);
  const grossFen = laborFen + partsFen;

  // Only a charged line takes its discount; a discount larger than the line is clamped so the line never goes negative.
  const requestedDiscountFen = charge === 'charged' ? Math.max(0, line.discountFen) : 0;
  const discountFen = Math.min(requestedDiscountFen, grossFen);

  return {
    lineId: line.id,
    charge,
    laborFen,
    partsFen,
    grossFen,
    discountFen,
    discountClampedFen: requestedDiscountFen - discountFen,
    netFen: charge === 'charged' ? grossFen - discountFen : 0,
  };
}

/** Computes the VAT contained in a tax-included amount: amount × 13 / 113, rounded half up. */
export function includedTaxFen(totalFen: Fen): Fen {
  const numerator = totalFen * VAT_RATE_PERCENT;
  const denominator = 100 + VAT_RATE_PERCENT;
  const remainder = numerator % denominator;
  const whole = (numerator - remainder) / denominator;
  return remainder * 2 >= denominator ? whole + 1 : whole;
}

/** Computes an order's totals from its lines and order discount (see the rounding rule above). */
export function computeOrderTotals(order: PricedOrder): OrderTotals {
  const lines = order.lines.map(lineTotals);

  let laborFen = 0;
  let partsFen = 0;
  let lineDiscountFen = 0;
  let freeValueFen = 0;
  let freeCount = 0;
  let pendingDiagnosisCount = 0;
  let declinedCount = 0;
  let declinedValueFen = 0;
  let lineDiscountClamped = false;

  for (const line of lines) {
    switch (line.charge) {
      case 'charged':
        laborFen += line.laborFen;
        partsFen += line.partsFen;
        lineDiscountFen += line.discountFen;
        if (line.discountClampedFen > 0) lineDiscountClamped = true;
        break;
      case 'free':
        freeValueFen += line.grossFen;
        freeCount += 1;
        break;
      case 'pending_diagnosis':
        pendingDiagnosisCount += 1;
        break;
      case 'declined':
        declinedCount += 1;
        declinedValueFen += line.grossFen;
        break;
      default: {
        const unknown: never = line.charge;
        throw new Error(`computeOrderTotals: unknown line charge ${String(unknown)}`);
      }
    }
  }

  const undecidedCount = order.lines.filter((line) => {
    const charge = lineCharge(line);
    return (charge === 'charged' || charge === 'free') && line.approval === 'pending';
  }).length;

  const subtotalFen = laborFen + partsFen - lineDiscountFen;
  const requestedOrderDiscountFen = Math.max(0, order.orderDiscountFen);
  const orderDiscountFen = Math.min(requestedOrderDiscountFen, subtotalFen);
  const totalFen = subtotalFen - orderDiscountFen;

  return {
    lines,
    laborFen,
    partsFen,
    lineDiscountFen,
    subtotalFen,
    orderDiscountFen,
    orderDiscountClampedFen: requestedOrderDiscountFen - orderDiscountFen,
    totalFen,
    includedTaxFen: includedTaxFen(totalFen),
    freeValueFen,
    freeCount,
    pendingDiagnosisCount,
    declinedCount,
    declinedValueFen,
    undecidedCount,
    discountClamped: lineDiscountClamped || requestedOrderDiscountFen > orderDiscountFen,
  };
}
