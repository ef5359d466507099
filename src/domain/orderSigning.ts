import { canonicalJson, sha256Hex } from './canonical';
import type { Order, OrderLine } from './schemas/order';
import { signingState, type SigningState } from './signing';

/*
 * What the customer's signatures on a repair order cover. Each signed paper has an explicit
 * list of fields, so bookkeeping (status, technician, checklist, decision times) can change
 * without invalidating a signature, and anything the customer agreed to cannot.
 *
 * Quote (报价单): the order's header and every line with its price and approval, except
 * lines approved or declined by phone. Those carry the time of the call instead, so a phone
 * approval during the repair does not ask for a new tablet signature. Any other change (a
 * new line, a changed price, a pending-diagnosis line priced) needs a new signature.
 *
 * Recommended-items sheet (建议项目表): the declined lines and the vehicle they were offered for.
 */

const SIGNED_LINE_FIELDS = ['id', 'code', 'name', 'laborHours', 'laborRateFen', 'parts', 'discountFen', 'free', 'pendingDiagnosis', 'addedDuringRepair', 'approval'] as const;

function signedLine(line: OrderLine): Record<string, unknown> {
  return Object.fromEntries(SIGNED_LINE_FIELDS.map((field) => [field, line[field]]));
}

function vehicleHeader(order: Order): Record<string, unknown> {
  return {
    id: order.id,
    number: order.number,
    customerName: order.customerName,
    customerMobile: order.customerMobile,
    plate: order.plate,
    vin: order.vin,
    vehicleModel: order.vehicleModel,
    mileageKm: order.mileageKm,
  };
}

/** Returns the content a quote signature covers. */
export function quoteContent(order: Order): Record<string, unknown> {
  return {
    paper: 'quote',
    ...vehicleHeader(order),
    fuelEighths: order.fuelEighths,
    customerRequests: order.customerRequests,
    category: order.category,
    promisedAt: order.promisedAt,
    replacedParts: order.replacedParts,
    paymentMethod: order.paymentMethod,
    carWash: order.carWash,
    orderDiscountFen: order.orderDiscountFen,
    lines: order.lines.filter((line) => line.decidedVia !== 'phone').map(signedLine),
  };
}

/** Returns the declined lines, which make up the recommended-items sheet. */
export function declinedLines(order: Pick<Order, 'lines'>): OrderLine[] {
  return order.lines.filter((line) => line.approval === 'declined');
}

/** Returns the content a recommended-items signature covers. */
export function recommendedContent(order: Order): Record<string, unknown> {
  return {
    paper: 'recommended_items',
    ...vehicleHeader(order),
    lines: declinedLines(order).map(signedLine),
  };
}

/** Computes the SHA-256 of the canonical quote content. */
export function quoteHash(order: Order): Promise<string> {
  return sha256Hex(canonicalJson(quoteContent(order)));
}

/** Computes the SHA-256 of the canonical recommended-items content. */
export function recommendedHash(order: Order): Promise<string> {
  return sha256Hex(canonicalJson(recommendedContent(order)));
}

/** Derives the signing state of both papers of an order. */
export async function orderSigningStates(order: Order): Promise<{ quote: SigningState; recommended: SigningState }> {
  const [quote, recommended] = await Promise.all([quoteHash(order), recommendedHash(order)]);
  return {
    quote: signingState(order.quoteSignatures, quote),
    recommended: signingState(order.recommendedSignatures, recommended),
  };
}

/** Lines the customer still has to approve or decline: priced, not pending diagnosis, undecided. */
export function linesAwaitingDecision(order: Pick<Order, 'lines'>): OrderLine[] {
  return order.lines.filter((line) => line.approval === 'pending' && !line.pendingDiagnosis);
}

/** Reasons a quote cannot be signed yet; each is a `validation.<code>` message key. */
export type QuoteProblemCode = 'line_name_required' | 'part_name_required' | 'lines_undecided' | 'quote_empty';

export interface QuoteProblem {
  code: QuoteProblemCode;
  /** The line concerned, or null for the whole quote. */
  lineId: string | null;
}

/** Lists what must be fixed before the customer signs the quote: unnamed lines or parts, undecided lines. */
export function quoteProblems(order: Pick<Order, 'lines'>): QuoteProblem[] {
  const problems: QuoteProblem[] = [];
  if (order.lines.length === 0) problems.push({ code: 'quote_empty', lineId: null });
  for (const line of order.lines) {
    if (line.name.trim() === '') problems.push({ code: 'line_name_required', lineId: line.id });
    if (line.parts.some((part) => part.name.trim() === '' || part.partNumber === '')) problems.push({ code: 'part_name_required', lineId: line.id });
    if (line.approval === 'pending' && !line.pendingDiagnosis) problems.push({ code: 'lines_undecided', lineId: line.id });
  }
  return problems;
}
