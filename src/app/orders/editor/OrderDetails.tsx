import { useId } from 'react';
import { ORDER_CATEGORIES, PAYMENT_METHODS, REPLACED_PARTS, type Order } from '../../../domain/schemas/order';
import { DraftText } from '../../checkin/DraftText';
import { formatShanghaiDate, formatShanghaiTime, useI18n } from '../../i18n/i18n';
import { ChoiceGroup } from '../fields/ChoiceGroup';
import { DecimalField } from '../fields/DecimalField';
import { Toggle } from '../fields/Toggle';
import { formatYuanInput, MAX_FEN, parseYuanInput } from '../fields/parsers';
import { useNumberInputMessage } from '../fields/useNumberInputMessage';
import { useMoney } from '../model/useMoney';
import type { OrderChange } from '../model/useOrder';

interface OrderDetailsProps {
  order: Order;
  disabled: boolean;
  change: (apply: OrderChange) => Promise<boolean>;
  /** Reports the order discount field turning invalid or valid. */
  onInputValidity: (invalid: boolean) => void;
}

/** Formats an instant for a datetime-local input in Asia/Shanghai: 2026-12-04T17:30. */
function toLocalInput(iso: string | null): string {
  return iso ? `${formatShanghaiDate(iso)}T${formatShanghaiTime(iso)}` : '';
}

/** Reads a datetime-local value as Asia/Shanghai time (UTC+8 all year); null when empty or invalid. */
function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const instant = new Date(`${value}:00+08:00`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** Edits the repair order's terms: category, promised delivery, replaced parts, payment, car wash, technician, order discount. */
export function OrderDetails({ order, disabled, change, onInputValidity }: OrderDetailsProps) {
  const money = useMoney();
  const inputMessage = useNumberInputMessage();
  const { t } = useI18n();
  const promisedId = useId();
  const technicianId = useId();
  const set = <K extends keyof Order>(field: K, value: Order[K]) => void change((current) => ({ ...current, [field]: value }));

  return (
    <section className="orders-panel orders-details" aria-labelledby="orders-details-title">
      <h2 id="orders-details-title" className="orders-panel__title">{t('orders.details.title')}</h2>

      <ChoiceGroup
        label={t('orders.details.category')}
        options={ORDER_CATEGORIES}
        value={order.category}
        labelOf={(option) => t(`orders.category.${option}`)}
        onChange={(category) => set('category', category)}
        disabled={disabled}
      />

      <div className="field">
        <label className="field__label" htmlFor={promisedId}>{t('orders.details.promisedAt')}</label>
        <input
          id={promisedId}
          className="field__input"
          type="datetime-local"
          value={toLocalInput(order.promisedAt)}
          disabled={disabled}
          onChange={(event) => set('promisedAt', fromLocalInput(event.target.value))}
        />
      </div>

      <ChoiceGroup
        label={t('orders.details.replacedParts')}
        options={REPLACED_PARTS}
        value={order.replacedParts}
        labelOf={(option) => t(`orders.replacedParts.${option}`)}
        onChange={(replacedParts) => set('replacedParts', replacedParts)}
        disabled={disabled}
      />

      <ChoiceGroup
        label={t('orders.details.paymentMethod')}
        options={PAYMENT_METHODS}
        value={order.paymentMethod}
        labelOf={(option) => t(`orders.payment.${option}`)}
        onChange={(paymentMethod) => set('paymentMethod', paymentMethod)}
        disabled={disabled}
      />

      <Toggle checked={order.carWash} disabled={disabled} onChange={(carWash) => set('carWash', carWash)}>{t('orders.details.carWash')}</Toggle>

      <div className="field">
        <label className="field__label" htmlFor={technicianId}>{t('orders.details.technician')}</label>
        <DraftText id={technicianId} value={order.technician} maxLength={80} disabled={order.status === 'delivered'} onCommit={(technician) => set('technician', technician)} />
      </div>

      <DecimalField
        label={t('orders.details.orderDiscount')}
        value={order.orderDiscountFen}
        format={formatYuanInput}
        parse={(text) => parseYuanInput(text)}
        onCommit={(orderDiscountFen) => set('orderDiscountFen', orderDiscountFen)}
        errorMessage={(error) => inputMessage(error, t('orders.details.orderDiscount'), money(MAX_FEN))}
        onValidityChange={onInputValidity}
        disabled={disabled}
      />
    </section>
  );
}
