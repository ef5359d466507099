import { describe, expect, it } from 'vitest';
import { canStartWork, canTransition, changeStatus, findInvalidStatusChange, nextStatuses, startsWorkWithoutApproval, startWorkBlockers, transitionBlockers, type OrderStatus } from '../../src/domain/orderStatus';
import { ORDER_STATUSES, type Order, type OrderLine } from '../../src/domain/schemas/order';

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

function line(approval: OrderLine['approval']): Pick<OrderLine, 'approval'> {
  return { approval };
}

function history(...statuses: OrderStatus[]): Pick<Order, 'statusHistory'>['statusHistory'] {
  return statuses.map((status) => ({ status, at: '2026-03-02T01:15:00.000Z', by: 'li.wei' }));
}

describe('starting work', () => {
  it('signed quote with an approved line may start', () => {
    const order = { lines: [line('approved'), line('declined')] } as Pick<Order, 'lines'>;

    expect(canStartWork(order, 'signed')).toBe(true);
    expect(startWorkBlockers(order, 'signed')).toEqual([]);
  });

  it('empty unsigned order may not start', () => {
    expect(startWorkBlockers({ lines: [] }, 'unsigned')).toEqual(['quote_unsigned', 'no_approved_line']);
    expect(canStartWork({ lines: [] }, 'unsigned')).toBe(false);
  });

  it('quote changed after signing may not start', () => {
    const order = { lines: [line('approved')] } as Pick<Order, 'lines'>;

    expect(startWorkBlockers(order, 'changed_after_signing')).toEqual(['quote_changed_after_signing']);
  });

  it('signed quote with every line declined may not start', () => {
    const order = { lines: [line('declined'), line('pending')] } as Pick<Order, 'lines'>;

    expect(startWorkBlockers(order, 'signed')).toEqual(['no_approved_line']);
  });

  it('first move to in progress is gated', () => {
    const order = { lines: [], statusHistory: history('waiting', 'waiting_parts') } as Pick<Order, 'lines' | 'statusHistory'>;

    expect(transitionBlockers(order, 'in_progress', 'unsigned')).toEqual(['quote_unsigned', 'no_approved_line']);
  });

  it('moves other than the first start are not gated', () => {
    const started = { lines: [], statusHistory: history('waiting', 'in_progress', 'quality_check') } as Pick<Order, 'lines' | 'statusHistory'>;
    const waiting = { lines: [], statusHistory: history('waiting') } as Pick<Order, 'lines' | 'statusHistory'>;

    expect(transitionBlockers(started, 'in_progress', 'unsigned')).toEqual([]);
    expect(transitionBlockers(waiting, 'waiting_parts', 'unsigned')).toEqual([]);
  });
});

describe('findInvalidStatusChange', () => {
  const at = '2026-12-04T06:00:00.000Z';
  const history = (...statuses: OrderStatus[]) => statuses.map((status) => ({ status, at, by: 'li.wei' }));

  it('accepts an unchanged status', () => {
    expect(findInvalidStatusChange({ status: 'ready', statusHistory: history('waiting', 'in_progress', 'quality_check', 'ready') }, { status: 'ready', statusHistory: history('waiting', 'in_progress', 'quality_check', 'ready') })).toBeNull();
  });

  it('accepts several moves made offline', () => {
    const previous = { status: 'waiting' as const, statusHistory: history('waiting') };
    const next = { status: 'quality_check' as const, statusHistory: history('waiting', 'in_progress', 'quality_check') };

    expect(findInvalidStatusChange(previous, next)).toBeNull();
  });

  it('accepts one allowed step without history', () => {
    const previous = { status: 'in_progress' as const, statusHistory: history('waiting', 'in_progress') };

    expect(findInvalidStatusChange(previous, { status: 'waiting_parts', statusHistory: previous.statusHistory })).toBeNull();
  });

  it('rejects a jump from waiting to delivered', () => {
    const previous = { status: 'waiting' as const, statusHistory: history('waiting') };

    expect(findInvalidStatusChange(previous, { status: 'delivered', statusHistory: history('waiting', 'delivered') })).toEqual({ from: 'waiting', to: 'delivered' });
  });

  it('rejects reopening a delivered order', () => {
    const delivered = history('waiting', 'in_progress', 'quality_check', 'ready', 'delivered');

    expect(findInvalidStatusChange({ status: 'delivered', statusHistory: delivered }, { status: 'in_progress', statusHistory: [...delivered, ...history('in_progress')] })).toEqual({ from: 'delivered', to: 'in_progress' });
  });

  it('rejects a new order that skips the queue', () => {
    expect(findInvalidStatusChange(undefined, { status: 'ready', statusHistory: history('waiting', 'ready') })).toEqual({ from: 'waiting', to: 'ready' });
  });

  it('accepts a new order moved on before its first sync', () => {
    expect(findInvalidStatusChange(undefined, { status: 'in_progress', statusHistory: history('waiting', 'in_progress') })).toBeNull();
  });
});

describe('startsWorkWithoutApproval', () => {
  const at = '2026-12-04T06:00:00.000Z';
  const history = (...statuses: OrderStatus[]) => statuses.map((status) => ({ status, at, by: 'li.wei' }));
  const approvedLine = { approval: 'approved' } as OrderLine;
  const signed = [{ id: 's1' }] as unknown as Order['quoteSignatures'];

  it('flags a first start without a quote signature', () => {
    expect(startsWorkWithoutApproval({ statusHistory: history('waiting') }, { statusHistory: history('waiting', 'in_progress'), quoteSignatures: [], lines: [approvedLine] })).toBe(true);
  });

  it('flags a first start without an approved line', () => {
    expect(startsWorkWithoutApproval({ statusHistory: history('waiting') }, { statusHistory: history('waiting', 'in_progress'), quoteSignatures: signed, lines: [] })).toBe(true);
  });

  it('accepts a first start on a signed quote', () => {
    expect(startsWorkWithoutApproval({ statusHistory: history('waiting') }, { statusHistory: history('waiting', 'in_progress'), quoteSignatures: signed, lines: [approvedLine] })).toBe(false);
  });

  it('ignores a return to work after the first start', () => {
    const previous = { statusHistory: history('waiting', 'in_progress', 'quality_check') };

    expect(startsWorkWithoutApproval(previous, { statusHistory: history('waiting', 'in_progress', 'quality_check', 'in_progress'), quoteSignatures: [], lines: [] })).toBe(false);
  });
});
