import { useState } from 'react';
import { changeStatus, nextStatuses, type OrderStatus } from '../../../domain/orderStatus';
import type { Order } from '../../../domain/schemas/order';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/SessionContext';
import type { OrderChange } from '../model/useOrder';

interface StatusControlProps {
  order: Order;
  change: (apply: OrderChange) => Promise<boolean>;
  compact?: boolean;
}

/**
 * Buttons for the statuses the order may move to next. Delivery is not offered here: it
 * happens at hand-over, after the pre-delivery checklist. The transition is checked again
 * on the stored version, which another tablet may have moved meanwhile.
 */
export function StatusControl({ order, change, compact }: StatusControlProps) {
  const { t } = useI18n();
  const session = useSession();
  const [rejected, setRejected] = useState<OrderStatus | null>(null);
  const options = nextStatuses(order.status).filter((status) => status !== 'delivered');

  const move = async (to: OrderStatus) => {
    let allowed = true;
    await change((current) => {
      const result = changeStatus(current, to, new Date().toISOString(), session.user.username);
      allowed = result.ok;
      return result.ok ? { ...current, ...result.order } : current;
    });
    setRejected(allowed ? null : to);
  };

  if (options.length === 0) return null;

  return (
    <div className={`orders-status-control ${compact ? 'orders-status-control--compact' : ''}`}>
      {!compact && <span className="orders-muted">{t('orders.statusControl.moveTo')}</span>}
      {options.map((status) => (
        <button key={status} type="button" className="button orders-status-control__button" onClick={() => void move(status)}>
          {t(`orders.statusAction.${status}`)}
        </button>
      ))}
      {rejected && <span className="field__error" role="alert">{t('orders.statusControl.rejected', { status: t(`orders.status.${rejected}`) })}</span>}
    </div>
  );
}
