import type { Part } from '../../../domain/schemas/pricebook';
import { DraftText } from '../../checkin/DraftText';
import { useI18n } from '../../i18n/i18n';
import { DecimalField } from '../fields/DecimalField';
import { formatDecimalInput, formatYuanInput, MAX_FEN, parseQuantityInput, parseYuanInput } from '../fields/parsers';
import { useNumberInputMessage } from '../fields/useNumberInputMessage';
import { useMoney } from '../model/useMoney';

const MAX_QUANTITY = 1000;

interface PartsEditorProps {
  lineId: string;
  parts: Part[];
  onChange: (parts: Part[]) => void;
  onInputValidity: (field: string, invalid: boolean) => void;
}

/** Edits the parts of one line: part number, name, quantity and unit price, each row removable. */
export function PartsEditor({ lineId, parts, onChange, onInputValidity }: PartsEditorProps) {
  const { t } = useI18n();
  const money = useMoney();
  const inputMessage = useNumberInputMessage();

  const update = (index: number, patch: Partial<Part>) => {
    onChange(parts.map((part, i) => (i === index ? { ...part, ...patch } : part)));
  };

  return (
    <fieldset className="orders-parts">
      <legend className="field__label">{t('orders.parts.title')}</legend>
      {parts.length === 0 && <p className="orders-muted">{t('orders.parts.none')}</p>}
      {parts.map((part, index) => (
        <div key={`${lineId}-${index}`} className="orders-parts__row">
          <div className="field">
            <label className="field__label" htmlFor={`${lineId}-part-${index}-number`}>{t('orders.parts.number')}</label>
            <DraftText id={`${lineId}-part-${index}-number`} value={part.partNumber} maxLength={40} onCommit={(text) => update(index, { partNumber: text.replace(/\s+/g, '') })} />
          </div>
          <div className="field orders-parts__name">
            <label className="field__label" htmlFor={`${lineId}-part-${index}-name`}>{t('orders.parts.name')}</label>
            <DraftText id={`${lineId}-part-${index}-name`} value={part.name} maxLength={120} onCommit={(text) => update(index, { name: text })} />
          </div>
          <DecimalField
            label={t('orders.parts.quantity')}
            value={part.quantity}
            format={formatDecimalInput}
            parse={(text) => parseQuantityInput(text, MAX_QUANTITY)}
            onCommit={(quantity) => update(index, { quantity })}
            errorMessage={(error) => inputMessage(error, t('orders.parts.quantity'), String(MAX_QUANTITY))}
            onValidityChange={(invalid) => onInputValidity(`parts.${index}.quantity`, invalid)}
          />
          <DecimalField
            label={t('orders.parts.unitPrice')}
            value={part.unitPriceFen}
            format={formatYuanInput}
            parse={(text) => parseYuanInput(text)}
            onCommit={(unitPriceFen) => update(index, { unitPriceFen })}
            errorMessage={(error) => inputMessage(error, t('orders.parts.unitPrice'), money(MAX_FEN))}
            onValidityChange={(invalid) => onInputValidity(`parts.${index}.unitPriceFen`, invalid)}
          />
          <button
            type="button"
            className="button button--quiet orders-parts__remove"
            aria-label={t('orders.parts.remove', { name: part.name || part.partNumber })}
            onClick={() => onChange(parts.filter((_, i) => i !== index))}
          >
            {t('orders.parts.removeShort')}
          </button>
        </div>
      ))}
      <button type="button" className="button" onClick={() => onChange([...parts, { partNumber: '', name: '', quantity: 1, unitPriceFen: 0 }])}>
        {t('orders.parts.add')}
      </button>
    </fieldset>
  );
}
