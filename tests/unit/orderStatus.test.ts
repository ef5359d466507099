import { describe, expect, it } from 'vitest';
import { canTransition, changeStatus, nextStatuses, type OrderStatus } from '../../src/domain/orderStatus';
import { ORDER_STATUSES } from '../../src/domain/schemas/order';

const ALLOWED: ReadonlyArray<[OrderStatus, OrderStatus]> = [
  ['waiting', 'in_progress'],
  ['waiting', 'waiting_parts'],
  ['in_progress', 'waiting_parts'],
  ['in_progress', 'quality_check'],
  ['waiting_parts', 'in_progress'],
  ['waiting_parts', 'waiting'],
  ['quality_check', 'ready'],
  ['quality_check', 'in_progress'],
  ['ready', 'delivered'],
  ['ready', 'in_progress'],
];

describe('order status transitions', () => {
  it.each(ALLOWED)('%s may move to %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it('every other pair is rejected', () => {
    const allowed = new Set(ALLOWED.map(([from, to]) => `${from}>${to}`));
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        if (allowed.has(`${from}>${to}`)) continue;
        expect(canTransition(from, to), `${from} → ${to}`).toBe(false);
      }
    }
  });

  it('delivered is final', () => {
    expect(nextStatuses('delivered')).toEqual([]);
  });

  it('no status moves to itself', () => {
    for (const status of ORDER_STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it('every status but delivered can reach delivered', () => {
    for (const start of ORDER_STATUSES) {
      const seen = new Set<OrderStatus>([start]);
      const queue: OrderStatus[] = [start];
      while (queue.length > 0) {
        for (const next of nextStatuses(queue.shift()!)) {
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      expect(seen.has('delivered'), start).toBe(true);
    }
  });

  it('changeStatus appends the change to the history', () => {
    const result = changeStatus({ status: 'waiting', statusHistory: [] }, 'in_progress', '2026-03-02T09:15:00+08:00', 'li.wei');

    expect(result).toEqual({
      ok: true,
      order: { status: 'in_progress', statusHistory: [{ status: 'in_progress', at: '2026-03-02T09:15:00+08:00', by: 'li.wei' }] },
    });
  });

  it('changeStatus rejects a skipped step', () => {
    const result = changeStatus({ status: 'waiting', statusHistory: [] }, 'delivered', '2026-03-02T09:15:00+08:00', 'li.wei');

    expect(result).toEqual({ ok: false, error: 'status_transition', from: 'waiting', to: 'delivered' });
  });
});
