import type { OrderStatus } from '../../domain/orderStatus';
import { useI18n } from '../i18n/i18n';

/** Shows the workshop status of an order as a coloured label. */
export function StatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useI18n();
  return <span className={`badge orders-status orders-status--${status}`}>{t(`orders.status.${status}`)}</span>;
}
