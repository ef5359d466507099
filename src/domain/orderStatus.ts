import { ORDER_STATUSES, type Order } from './schemas/order';
import type { SigningState } from './signing';

/** The workshop status of a repair order. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/*
 * Allowed workshop transitions:
 *   waiting        → in_progress, waiting_parts (a part must be ordered before work starts)
 *   in_progress    → waiting_parts, quality_check
 *   waiting_parts  → in_progress (the part arrived), waiting (the work goes back in the queue)
 *   quality_check  → ready, in_progress (the check failed, rework)
 *   ready          → delivered (hand-over), in_progress (a fault found at hand-over)
 *   delivered      → nothing: the car has left, and a new visit opens a new order
 */

/** Returns the statuses an order in `status` may move to, in the order the board offers them. */
export function nextStatuses(status: OrderStatus): readonly OrderStatus[] {
  switch (status) {
    case 'waiting':
      return ['in_progress', 'waiting_parts'];
    case 'in_progress':
      return ['quality_check', 'waiting_parts'];
    case 'waiting_parts':
      return ['in_progress', 'waiting'];
    case 'quality_check':
      return ['ready', 'in_progress'];
    case 'ready':
      return ['delivered', 'in_progress'];
    case 'delivered':
      return [];
    default: {
      const unknown: never = status;
      throw new Error(`nextStatuses: unknown order status ${String(unknown)}`);
    }
  }
}

/** Tells whether an order may move from one status to another. */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return nextStatuses(from).includes(to);
}

export type StatusChangeResult =
  | { ok: true; order: Pick<Order, 'status' | 'statusHistory'> }
  | { ok: false; error: 'status_transition'; from: OrderStatus; to: OrderStatus };

/**
 * Moves an order to a new status and appends the change to its history. Rejects a
 * transition the workshop does not allow, naming both statuses.
 */
export function changeStatus(
  order: Pick<Order, 'status' | 'statusHistory'>,
  to: OrderStatus,
  at: string,
  by: string,
): StatusChangeResult {
  if (!canTransition(order.status, to)) return { ok: false, error: 'status_transition', from: order.status, to };
  return {
    ok: true,
    order: { status: to, statusHistory: [...order.statusHistory, { status: to, at, by }] },
  };
}

/** Why the workshop may not start work on an order yet; each is an `orders.startBlocked.<code>` message key. */
export type StartWorkBlocker = 'quote_unsigned' | 'quote_changed_after_signing' | 'no_approved_line';

/**
 * Lists why work may not start on an order: the customer has not signed the quote, the quote
 * changed after the signature, or no line is approved. Returns [] when work may start.
 * `quote` is the quote's signing state from orderSigningStates (src/domain/orderSigning.ts).
 */
export function startWorkBlockers(order: Pick<Order, 'lines'>, quote: SigningState): StartWorkBlocker[] {
  const blockers: StartWorkBlocker[] = [];
  if (quote === 'unsigned') blockers.push('quote_unsigned');
  if (quote === 'changed_after_signing') blockers.push('quote_changed_after_signing');
  if (!order.lines.some((line) => line.approval === 'approved')) blockers.push('no_approved_line');
  return blockers;
}

/** Tells whether the customer's signed approval allows work to start on the order. */
export function canStartWork(order: Pick<Order, 'lines'>, quote: SigningState): boolean {
  return startWorkBlockers(order, quote).length === 0;
}

/**
 * Lists why an order may not move to `to` for lack of the customer's approval. Only the first
 * start of work is gated. Going back to work (rework after the quality check, a part arrived)
 * is not, because the quote was approved before the first start and phone approvals of added
 * work do not need a new signature.
 */
export function transitionBlockers(order: Pick<Order, 'lines' | 'statusHistory'>, to: OrderStatus, quote: SigningState): StartWorkBlocker[] {
  const firstStart = to === 'in_progress' && !order.statusHistory.some((change) => change.status === 'in_progress');
  return firstStart ? startWorkBlockers(order, quote) : [];
}

/**
 * Finds a workshop status change the rules above do not allow between the stored order and
 * the version a tablet pushed, or returns null. Statuses appended to the history offline are
 * checked step by step, so several moves made on one tablet before it synced are accepted.
 * A status set without history (taking the other tablet's value after a merge) must be one
 * allowed step. A new order starts as waiting.
 */
export function findInvalidStatusChange(
  previous: Pick<Order, 'status' | 'statusHistory'> | undefined,
  next: Pick<Order, 'status' | 'statusHistory'>,
): { from: OrderStatus; to: OrderStatus } | null {
  const start: OrderStatus = previous?.status ?? 'waiting';
  if (start === next.status) return null;

  const appended = next.statusHistory.slice(previous?.statusHistory.length ?? 1).map((change) => change.status);
  let current = start;
  let chainValid = appended.length > 0;
  for (const status of appended) {
    if (!canTransition(current, status)) {
      chainValid = false;
      break;
    }
    current = status;
  }
  if (chainValid && current === next.status) return null;

  return canTransition(start, next.status) ? null : { from: start, to: next.status };
}

/**
 * Tells whether a pushed order starts work for the first time without the customer's
 * approval on record: no quote signature at all, or no approved line. The server checks
 * this weaker form of `startWorkBlockers` because a tablet may sign, start and then change
 * the quote offline before it syncs. Signature histories are append-only, so a signature
 * given before the start is still there.
 */
export function startsWorkWithoutApproval(
  previous: Pick<Order, 'statusHistory'> | undefined,
  next: Pick<Order, 'statusHistory' | 'quoteSignatures' | 'lines'>,
): boolean {
  const startedBefore = previous?.statusHistory.some((change) => change.status === 'in_progress') ?? false;
  const startsNow = next.statusHistory.some((change) => change.status === 'in_progress');
  if (startedBefore || !startsNow) return false;
  return next.quoteSignatures.length === 0 || !next.lines.some((line) => line.approval === 'approved');
}
