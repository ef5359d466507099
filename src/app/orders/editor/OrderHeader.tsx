import { maskMobile } from '../../../domain/phone';
import { formatPlate } from '../../../domain/plate';
import type { Order } from '../../../domain/schemas/order';
import { useI18n } from '../../i18n/i18n';
import { StatusBadge } from '../StatusBadge';

/** Customer, vehicle, mileage, fuel and the customer's requests, as carried over from the check-in. */
export function OrderHeader({ order }: { order: Order }) {
  const { t, formatDateTime } = useI18n();

  return (
    <header className="orders-header">
      <div className="orders-header__title">
        <h1>{t('orders.title', { number: order.number })}</h1>
        <StatusBadge status={order.status} />
      </div>
      <dl className="orders-header__facts">
        <div><dt>{t('orders.header.plate')}</dt><dd className="orders-header__plate">{order.plate ? formatPlate(order.plate) : '—'}</dd></div>
        <div><dt>{t('orders.header.vehicle')}</dt><dd>{order.vehicleModel || '—'}</dd></div>
        <div><dt>{t('orders.header.customer')}</dt><dd>{order.customerName} <span className="tabular">{maskMobile(order.customerMobile)}</span></dd></div>
        <div><dt>{t('orders.header.mileage')}</dt><dd className="tabular">{order.mileageKm === null ? '—' : t('orders.header.km', { km: order.mileageKm.toLocaleString('en-US') })}</dd></div>
        <div><dt>{t('orders.header.fuel')}</dt><dd className="tabular">{order.fuelEighths === null ? '—' : t('orders.header.fuelEighths', { eighths: order.fuelEighths })}</dd></div>
        <div><dt>{t('orders.header.opened')}</dt><dd className="tabular">{formatDateTime(order.createdAt)}</dd></div>
      </dl>
      {order.customerRequests.length > 0 && (
        <div className="orders-header__requests">
          <h2 className="orders-header__subtitle">{t('orders.header.requests')}</h2>
          <ul>{order.customerRequests.map((request, index) => <li key={index}>{request}</li>)}</ul>
        </div>
      )}
    </header>
  );
}
