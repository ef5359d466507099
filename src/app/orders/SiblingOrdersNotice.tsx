import { Link } from 'wouter';
import type { Order } from '../../domain/schemas/order';
import { useI18n } from '../i18n/i18n';
import { useSiblingOrders } from './model/useSiblingOrders';

/** Warns that another repair order was opened from the same check-in, with a link to each. */
export function SiblingOrdersNotice({ order, compact }: { order: Order; compact?: boolean }) {
  const { t } = useI18n();
  const siblings = useSiblingOrders(order);
  if (siblings.length === 0) return null;

  return (
    <div className={`notice notice--warning orders-siblings ${compact ? 'orders-siblings--compact' : ''}`} role="status" data-testid="sibling-orders">
      <p className="notice__text">{t('orders.siblings.warning')}</p>
      <ul className="orders-siblings__list">
        {siblings.map((sibling) => (
          <li key={sibling.id}>
            <Link href={`/orders/${sibling.id}`} className="orders-siblings__link">
              {t('orders.siblings.open', { number: sibling.number, status: t(`orders.status.${sibling.status}`) })}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
