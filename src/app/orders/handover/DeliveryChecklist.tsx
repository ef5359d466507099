import { DELIVERY_CHECKS, type Order } from '../../../domain/schemas/order';
import { useI18n } from '../../i18n/i18n';

interface DeliveryChecklistProps {
  order: Order;
  disabled: boolean;
  onToggle: (check: string, done: boolean) => void;
}

/** The pre-delivery checks: exterior, cleanliness, fault fixed, replaced parts as agreed, special requests, protective kit. */
export function DeliveryChecklist({ order, disabled, onToggle }: DeliveryChecklistProps) {
  const { t } = useI18n();

  return (
    <fieldset className="orders-panel orders-checklist">
      <legend className="orders-panel__title">{t('orders.handover.checklist')}</legend>
      {DELIVERY_CHECKS.map((check) => (
        <label key={check} className="orders-toggle orders-checklist__item">
          <input type="checkbox" checked={order.deliveryChecklist[check] === true} disabled={disabled} onChange={(event) => onToggle(check, event.target.checked)} />
          <span>{t(`orders.check.${check}`, { parts: t(`orders.replacedParts.${order.replacedParts}`) })}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Tells whether every pre-delivery check is ticked. */
export function checklistComplete(order: Order): boolean {
  return DELIVERY_CHECKS.every((check) => order.deliveryChecklist[check] === true);
}
