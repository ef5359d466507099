import { declinedLines } from '../../domain/orderSigning';
import { computeOrderTotals } from '../../domain/totals';
import { useRxQuery } from '../data/useRxQuery';
import { useI18n } from '../i18n/i18n';
import { useMoney } from './model/useMoney';

interface DeclinedWorkNoticeProps {
  vehicleId: string;
  /** The order being worked on, whose own declined lines are not "earlier" work. */
  excludeOrderId?: string;
}

interface DeclinedItem {
  key: string;
  name: string;
  valueFen: number;
  orderNumber: string;
  offeredAt: string;
}

/**
 * Work the customer declined at earlier visits of this vehicle (from the recommended-items
 * sheets), shown again at the next check-in so the advisor can offer it. Renders nothing
 * when there is none. Uses only the app's shared styles, so any screen can include it.
 */
export function DeclinedWorkNotice({ vehicleId, excludeOrderId }: DeclinedWorkNoticeProps) {
  const { t, formatDate } = useI18n();
  const money = useMoney();
  const { data: orders } = useRxQuery(
    (database) => database.orders.find({ selector: { vehicleId }, sort: [{ createdAt: 'desc' }] }),
    [vehicleId],
  );

  // Orders come newest first, so work done at a later visit hides the same item declined before it.
  const doneLater = new Set<string>();
  const items: DeclinedItem[] = [];
  for (const order of orders) {
    if (order.id === excludeOrderId) continue;
    const totals = computeOrderTotals(order);
    for (const line of declinedLines(order)) {
      if (line.code !== '' && doneLater.has(line.code)) continue;
      items.push({
        key: `${order.id}-${line.id}`,
        name: line.name,
        valueFen: totals.lines.find((item) => item.lineId === line.id)?.grossFen ?? 0,
        orderNumber: order.number,
        offeredAt: order.createdAt,
      });
    }
    for (const line of order.lines) {
      if (line.code !== '' && line.approval === 'approved') doneLater.add(line.code);
    }
  }

  if (items.length === 0) return null;
  return (
    <div className="notice notice--warning" role="status" data-testid="declined-work-notice">
      <div className="notice__text">
        <strong>{t('orders.declinedNotice.title', { count: items.length })}</strong>
        <ul>
          {items.map((item) => (
            <li key={item.key}>
              {t('orders.declinedNotice.item', { date: formatDate(item.offeredAt), name: item.name, amount: money(item.valueFen), number: item.orderNumber })}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
