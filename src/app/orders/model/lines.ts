import { canonicalJson } from '../../../domain/canonical';
import type { Order, OrderLine } from '../../../domain/schemas/order';

// A change to any of these needs the customer's decision again.
const PRICE_FIELDS = ['name', 'laborHours', 'laborRateFen', 'parts', 'discountFen', 'free', 'pendingDiagnosis'] as const;

function priceChanged(before: OrderLine, after: OrderLine): boolean {
  return PRICE_FIELDS.some((field) => canonicalJson(before[field]) !== canonicalJson(after[field]));
}

/**
 * Applies a patch to one line. A line whose price or content changes after the customer
 * decided on it goes back to pending, because the earlier decision was about other work.
 */
export function patchLine(order: Order, lineId: string, patch: Partial<OrderLine>): Order {
  return {
    ...order,
    lines: order.lines.map((line) => {
      if (line.id !== lineId) return line;
      const next = { ...line, ...patch };
      if (line.approval !== 'pending' && priceChanged(line, next)) {
        return { ...next, approval: 'pending', decidedVia: null, decidedAt: null };
      }
      return next;
    }),
  };
}

/** Appends a line to the order. */
export function addLine(order: Order, line: OrderLine): Order {
  return { ...order, lines: [...order.lines, line] };
}

/** Removes a line from the order. */
export function removeLine(order: Order, lineId: string): Order {
  return { ...order, lines: order.lines.filter((line) => line.id !== lineId) };
}

/** Records the customer's decision on a line given by phone, with the time the advisor recorded it. */
export function recordPhoneDecision(order: Order, lineId: string, approval: 'approved' | 'declined', at: string): Order {
  return {
    ...order,
    lines: order.lines.map((line) => (line.id === lineId ? { ...line, approval, decidedVia: 'phone', decidedAt: at } : line)),
  };
}

/**
 * Tells whether the advisor may edit a line. After delivery nothing is editable, and before
 * the first quote signature everything is. After it, only undecided lines (added work,
 * pending diagnosis) are, unless the advisor unlocked the signed quote to change it.
 */
export function isLineEditable(order: Order, line: OrderLine, unlocked: boolean): boolean {
  if (order.status === 'delivered') return false;
  if (unlocked || order.quoteSignatures.length === 0) return true;
  return line.approval === 'pending' && line.decidedVia === null;
}

/** Tells whether a new line is work found during the repair: the customer already signed the quote. */
export function isAddedWork(order: Order): boolean {
  return order.quoteSignatures.length > 0;
}
