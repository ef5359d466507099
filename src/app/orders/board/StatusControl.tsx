import { useId, useState } from 'react';
import { changeStatus, nextStatuses, transitionBlockers, type OrderStatus } from '../../../domain/orderStatus';
import type { Order } from '../../../domain/schemas/order';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/SessionContext';
import type { OrderChange, SigningStates } from '../model/useOrder';

interface StatusControlProps {
  order: Order;
  change: (apply: OrderChange) => Promise<boolean>;
  /** The order's signing states, or null while they are computed (work cannot start meanwhile). */
  signing: SigningStates | null;
  compact?: boolean;
}

/**
 * Buttons for the statuses the order may move to next. Delivery is not offered here: it
 * happens at hand-over, after the pre-delivery checklist. The transition is checked again
 * on the stored version, which another tablet may have moved meanwhile. Starting work needs
 * the customer's signed quote with an approved line; until then the button is disabled and
 * the reasons are shown under it.
 */
export function StatusControl({ order, change, signing, compact }: StatusControlProps) {
  const { t } = useI18n();
  const session = useSession();
  const [rejected, setRejected] = useState<OrderStatus | null>(null);
  const startBlockedId = useId();
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

  const blockersOf = (status: OrderStatus) => (signing ? transitionBlockers(order, status, signing.quote) : null);
  const startBlockers = blockersOf('in_progress');

  if (options.length === 0) return null;

  return (
    <div className={`orders-status-control ${compact ? 'orders-status-control--compact' : ''}`}>
      {!compact && <span className="orders-muted">{t('orders.statusControl.moveTo')}</span>}
      {options.map((status) => {
        const blockers = blockersOf(status);
        return (
          <button
            key={status}
            type="button"
            className="button orders-status-control__button"
            disabled={blockers === null || blockers.length > 0}
            aria-describedby={blockers !== null && blockers.length > 0 ? startBlockedId : undefined}
            onClick={() => void move(status)}
          >
            {t(`orders.statusAction.${status}`)}
          </button>
        );
      })}
      {options.includes('in_progress') && startBlockers !== null && startBlockers.length > 0 && (
        <span id={startBlockedId} className="orders-status-control__blocked" data-testid="start-blocked">
          {t('orders.startBlocked.title', { reasons: startBlockers.map((code) => t(`orders.startBlocked.${code}`)).join(t('orders.listSeparator')) })}
        </span>
      )}
      {rejected && <span className="field__error" role="alert">{t('orders.statusControl.rejected', { status: t(`orders.status.${rejected}`) })}</span>}
    </div>
  );
}
