import { Link } from 'wouter';
import { ORDER_STATUSES } from '../../../domain/schemas/order';
import type { OrderStatus } from '../../../domain/orderStatus';
import { useRxQuery } from '../../data/useRxQuery';
import { useShanghaiToday } from '../../home/useToday';
import { useI18n } from '../../i18n/i18n';
import { BoardCard } from './BoardCard';
import { PendingCheckins } from './PendingCheckins';

const IN_WORKSHOP: OrderStatus[] = ORDER_STATUSES.filter((status) => status !== 'delivered');

/**
 * Shows the workshop board shared by the dealership's tablets: every car still in the
 * workshop by status, and the cars delivered today. Status changes replicate to the other tablets.
 */
export function OrderBoard() {
  const { t, formatDate } = useI18n();
  const today = useShanghaiToday();
  const todayStart = today.start.toISOString();

  const inWorkshop = useRxQuery(
    (database) => database.orders.find({ selector: { status: { $in: IN_WORKSHOP } }, sort: [{ createdAt: 'asc' }] }),
    [],
  );
  const deliveredToday = useRxQuery(
    (database) => database.orders.find({ selector: { status: 'delivered', deliveredAt: { $gte: todayStart } }, sort: [{ createdAt: 'asc' }] }),
    [todayStart],
  );

  const columns: Array<{ status: OrderStatus; orders: typeof inWorkshop.data }> = [
    ...IN_WORKSHOP.map((status) => ({ status, orders: inWorkshop.data.filter((order) => order.status === status) })),
    { status: 'delivered', orders: deliveredToday.data },
  ];

  return (
    <section className="orders-board" aria-labelledby="orders-board-title">
      <div className="orders-board__head">
        <div>
          <h1 id="orders-board-title">{t('orders.board.title')}</h1>
          <p className="orders-muted tabular">{formatDate(today.start)} · {t('orders.board.count', { count: inWorkshop.data.length })}</p>
        </div>
        <Link href="/orders/followups" className="button">{t('orders.board.followups')}</Link>
      </div>

      <PendingCheckins />

      <div className="orders-board__columns">
        {columns.map(({ status, orders }) => (
          <section key={status} className={`orders-column orders-column--${status}`} aria-labelledby={`orders-column-${status}`} data-status={status}>
            <h2 id={`orders-column-${status}`} className="orders-column__title">
              {t(status === 'delivered' ? 'orders.board.deliveredToday' : `orders.status.${status}`)}
              <span className="orders-column__count tabular">{orders.length}</span>
            </h2>
            {orders.length === 0 && <p className="orders-muted orders-column__empty">{t('orders.board.emptyColumn')}</p>}
            <ul className="orders-column__cards">
              {orders.map((order) => <BoardCard key={order.id} order={order} />)}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
