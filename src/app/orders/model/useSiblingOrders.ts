import type { Order } from '../../../domain/schemas/order';
import { useRxQuery } from '../../data/useRxQuery';

/**
 * Returns the other live repair orders opened from the same check-in. Two tablets offline can
 * each open an order from one check-in, and nothing can stop that before they sync, so the
 * screens show the duplicate instead. RxDB queries leave out soft-deleted orders.
 */
export function useSiblingOrders(order: Pick<Order, 'id' | 'checkinId'>): Order[] {
  const { data } = useRxQuery(
    (database) => database.orders.find({ selector: { checkinId: order.checkinId }, sort: [{ createdAt: 'asc' }] }),
    [order.checkinId],
  );
  return data.filter((other) => other.id !== order.id);
}
