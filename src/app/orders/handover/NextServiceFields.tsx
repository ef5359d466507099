import { useId } from 'react';
import type { Order } from '../../../domain/schemas/order';
import { useI18n } from '../../i18n/i18n';
import { DecimalField } from '../fields/DecimalField';
import type { NumberInput } from '../fields/parsers';

interface NextServiceFieldsProps {
  order: Order;
  disabled: boolean;
  onChange: (patch: Pick<Partial<Order>, 'nextServiceDate' | 'nextServiceKm'>) => void;
}

const MAX_KM = 2_000_000;

function parseKm(text: string): NumberInput {
  const digits = text.replace(/[\s,，]/g, '');
  if (!/^\d{1,7}$/.test(digits)) return { ok: false, error: 'number_format' };
  const km = Number(digits);
  return km <= MAX_KM ? { ok: true, value: km } : { ok: false, error: 'number_too_large' };
}

/** Edits the next service, due by date and by mileage, which the advisor explains at hand-over. */
export function NextServiceFields({ order, disabled, onChange }: NextServiceFieldsProps) {
  const { t } = useI18n();
  const dateId = useId();

  return (
    <fieldset className="orders-panel orders-next-service">
      <legend className="orders-panel__title">{t('orders.handover.nextService')}</legend>
      <div className="field">
        <label className="field__label" htmlFor={dateId}>{t('orders.handover.nextServiceDate')}</label>
        <input
          id={dateId}
          className="field__input tabular"
          type="date"
          value={order.nextServiceDate ?? ''}
          disabled={disabled}
          onChange={(event) => onChange({ nextServiceDate: /^\d{4}-\d{2}-\d{2}$/.test(event.target.value) ? event.target.value : null })}
        />
      </div>
      <DecimalField
        label={t('orders.handover.nextServiceKm')}
        value={order.nextServiceKm ?? 0}
        format={(km) => (km === 0 ? '' : String(km))}
        parse={parseKm}
        onCommit={(km) => onChange({ nextServiceKm: km })}
        errorMessage={() => t('validation.mileage_range')}
        suffix={t('orders.handover.kmUnit')}
        disabled={disabled}
      />
    </fieldset>
  );
}
