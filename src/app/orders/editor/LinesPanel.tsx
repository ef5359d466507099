import { useState } from 'react';
import type { Order } from '../../../domain/schemas/order';
import type { PricebookItem } from '../../../domain/schemas/pricebook';
import { vehicleSeriesKey } from '../../../domain/series';
import type { OrderTotals } from '../../../domain/totals';
import { useRxDocument } from '../../data/useRxQuery';
import { useI18n } from '../../i18n/i18n';
import { addLine, isAddedWork, isLineEditable, patchLine, recordPhoneDecision, removeLine } from '../model/lines';
import { lineFromPricebook, newLine } from '../model/orderFactory';
import type { OrderChange } from '../model/useOrder';
import { LineRow } from './LineRow';
import { PricebookPicker } from './PricebookPicker';

interface LinesPanelProps {
  order: Order;
  totals: OrderTotals;
  laborRateFen: number;
  /** The advisor unlocked the signed quote for a change that needs a new signature. */
  unlocked: boolean;
  change: (apply: OrderChange) => Promise<boolean>;
  /** Lines with an invalid number field, left out of the totals. */
  invalidLineIds: ReadonlySet<string>;
  onInputValidity: (key: string, invalid: boolean) => void;
}

/** Lists the job lines and adds new ones: from the price book, typed freely, or pending diagnosis. */
export function LinesPanel({ order, totals, laborRateFen, unlocked, change, invalidLineIds, onInputValidity }: LinesPanelProps) {
  const { t } = useI18n();
  const [pickerOpen, setPickerOpen] = useState(false);
  const { data: vehicle } = useRxDocument('vehicles', order.vehicleId);
  const seriesKey = vehicleSeriesKey(vehicle?.series ?? '', vehicle?.model ?? order.vehicleModel);
  const added = isAddedWork(order);
  const canAdd = order.status !== 'delivered';

  const addFromPricebook = (item: PricebookItem) => {
    setPickerOpen(false);
    void change((current) => addLine(current, lineFromPricebook(item, { laborRateFen, addedDuringRepair: added })));
  };

  const addBlank = (pendingDiagnosis: boolean) => {
    void change((current) => addLine(current, newLine({ laborRateFen, addedDuringRepair: added, pendingDiagnosis })));
  };

  return (
    <section className="orders-panel" aria-labelledby="orders-lines-title">
      <div className="orders-panel__head">
        <h2 id="orders-lines-title" className="orders-panel__title">{t('orders.lines.title')}</h2>
        {added && canAdd && <span className="orders-muted">{t('orders.lines.addedHint')}</span>}
      </div>

      {order.lines.length === 0 && <p className="orders-muted">{t('orders.lines.empty')}</p>}
      <ul className="orders-lines">
        {order.lines.map((line, index) => (
          <LineRow
            key={line.id}
            line={line}
            totals={totals.lines[index]!}
            editable={isLineEditable(order, line, unlocked)}
            awaitingPhoneDecision={added && canAdd && line.approval === 'pending' && !line.pendingDiagnosis && line.decidedVia === null}
            onPatch={(patch) => void change((current) => patchLine(current, line.id, patch))}
            onRemove={() => void change((current) => removeLine(current, line.id))}
            invalidInput={invalidLineIds.has(line.id)}
            onInputValidity={(field, invalid) => onInputValidity(`${line.id}:${field}`, invalid)}
            onPhoneDecision={(approval) => void change((current) => recordPhoneDecision(current, line.id, approval, new Date().toISOString()))}
          />
        ))}
      </ul>

      {canAdd && (
        <div className="orders-lines__add">
          <button type="button" className="button button--primary" onClick={() => setPickerOpen(true)}>
            {added ? t('orders.lines.addFoundFromBook') : t('orders.lines.addFromBook')}
          </button>
          <button type="button" className="button" onClick={() => addBlank(false)}>{t('orders.lines.addFree')}</button>
          <button type="button" className="button" onClick={() => addBlank(true)}>{t('orders.lines.addDiagnosis')}</button>
        </div>
      )}

      <PricebookPicker
        open={pickerOpen}
        seriesKey={seriesKey}
        laborRateFen={laborRateFen}
        onPick={addFromPricebook}
        onClose={() => setPickerOpen(false)}
      />
    </section>
  );
}
