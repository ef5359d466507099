import { Link } from 'wouter';
import { formatPlate } from '../../../domain/plate';
import type { Order } from '../../../domain/schemas/order';
import { useI18n } from '../../i18n/i18n';
import { useOrder, useOrderSigningStates } from '../model/useOrder';
import { SiblingOrdersNotice } from '../SiblingOrdersNotice';
import { StatusControl } from './StatusControl';

/** Shows one car on the workshop board: plate, model, customer, promised time, technician, next statuses. */
export function BoardCard({ order }: { order: Order }) {
  const { t, formatTime, formatDateTime } = useI18n();
  const { change } = useOrder(order.id);
  const signing = useOrderSigningStates(order);
  const late = order.promisedAt !== null && order.status !== 'delivered' && Date.parse(order.promisedAt) < Date.now();

  return (
    <li className="orders-card" data-order-id={order.id}>
      <Link href={`/orders/${order.id}`} className="orders-card__open" aria-label={t('orders.board.open', { number: order.number })}>
        <span className="orders-card__plate">{order.plate ? formatPlate(order.plate) : t('orders.board.noPlate')}</span>
        <span className="orders-card__model">{order.vehicleModel}</span>
        <span className="orders-card__customer">{order.customerName}</span>
        <span className="orders-card__meta tabular">
          {order.number}
          {order.technician && ` · ${order.technician}`}
        </span>
        {order.promisedAt && (
          <span className={`orders-card__promised tabular ${late ? 'orders-card__promised--late' : ''}`}>
            {t('orders.board.promised', { time: formatTime(order.promisedAt) })}
          </span>
        )}
        {order.deliveredAt && <span className="orders-card__meta tabular">{t('orders.board.deliveredAt', { time: formatDateTime(order.deliveredAt) })}</span>}
      </Link>
      <SiblingOrdersNotice order={order} compact />
      {order.status === 'ready' && (
        <Link href={`/orders/${order.id}/handover`} className="button button--primary orders-card__handover">{t('orders.action.handover')}</Link>
      )}
      <StatusControl order={order} change={change} signing={signing} compact />
    </li>
  );
}
