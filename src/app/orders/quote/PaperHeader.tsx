import { formatPlate } from '../../../domain/plate';
import type { Order } from '../../../domain/schemas/order';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useDealerSettings } from '../model/useMoney';

interface PaperHeaderProps {
  order: Order;
  titleKey: MessageKey;
  titleId?: string;
}

/** Shows the head of a customer paper (quote, recommended items, settlement): dealer, title, order, customer, vehicle. */
export function PaperHeader({ order, titleKey, titleId }: PaperHeaderProps) {
  const { t, formatDate } = useI18n();
  const { settings } = useDealerSettings();

  return (
    <header className="paper-header">
      {settings && <p className="paper-header__dealer">{settings.dealerName}</p>}
      <h1 id={titleId} className="paper-header__title">{t(titleKey)}</h1>
      <dl className="paper-header__facts">
        <div><dt>{t('orders.paper.number')}</dt><dd className="tabular">{order.number}</dd></div>
        <div><dt>{t('orders.paper.date')}</dt><dd className="tabular">{formatDate(order.createdAt)}</dd></div>
        <div><dt>{t('orders.paper.advisor')}</dt><dd>{order.advisorName}</dd></div>
        <div><dt>{t('orders.header.customer')}</dt><dd>{order.customerName}</dd></div>
        <div><dt>{t('orders.header.plate')}</dt><dd>{order.plate ? formatPlate(order.plate) : '—'}</dd></div>
        <div><dt>{t('orders.header.vehicle')}</dt><dd>{order.vehicleModel}</dd></div>
        <div><dt>{t('orders.paper.vin')}</dt><dd className="tabular">{order.vin || '—'}</dd></div>
        <div><dt>{t('orders.header.mileage')}</dt><dd className="tabular">{order.mileageKm === null ? '—' : t('orders.header.km', { km: order.mileageKm.toLocaleString('en-US') })}</dd></div>
      </dl>
    </header>
  );
}
