import { DELIVERY_CHECKS, type Order } from '../../../domain/schemas/order';
import { useI18n } from '../../i18n/i18n';
import { Toggle } from '../fields/Toggle';

interface DeliveryChecklistProps {
  order: Order;
  disabled: boolean;
  onToggle: (check: string, done: boolean) => void;
}

/** Shows the pre-delivery checks: exterior, cleanliness, fault fixed, replaced parts as agreed, special requests, protective kit. */
export function DeliveryChecklist({ order, disabled, onToggle }: DeliveryChecklistProps) {
  const { t } = useI18n();

  return (
    <fieldset className="orders-panel orders-checklist">
      <legend className="orders-panel__title">{t('orders.handover.checklist')}</legend>
      {DELIVERY_CHECKS.map((check) => (
        <Toggle key={check} className="orders-checklist__item" checked={order.deliveryChecklist[check] === true} disabled={disabled} onChange={(done) => onToggle(check, done)}>
          {t(`orders.check.${check}`, { parts: t(`orders.replacedParts.${order.replacedParts}`) })}
        </Toggle>
      ))}
    </fieldset>
  );
}

/** Tells whether every pre-delivery check is ticked. */
export function checklistComplete(order: Order): boolean {
  return DELIVERY_CHECKS.every((check) => order.deliveryChecklist[check] === true);
}
