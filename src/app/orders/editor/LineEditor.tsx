import { useState } from 'react';
import type { OrderLine } from '../../../domain/schemas/order';
import { DraftText } from '../../checkin/DraftText';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useI18n } from '../../i18n/i18n';
import { DecimalField } from '../fields/DecimalField';
import { Toggle } from '../fields/Toggle';
import { formatDecimalInput, formatYuanInput, MAX_FEN, parseHundredthsInput, parseYuanInput } from '../fields/parsers';
import { useNumberInputMessage } from '../fields/useNumberInputMessage';
import { useMoney } from '../model/useMoney';
import { PartsEditor } from './PartsEditor';

const MAX_LABOR_HOURS = 200;

interface LineEditorProps {
  line: OrderLine;
  onPatch: (patch: Partial<OrderLine>) => void;
  onRemove: () => void;
  /** Reports a number field of the line (`laborHours`, `parts.0.quantity`…) turning invalid or valid. */
  onInputValidity: (field: string, invalid: boolean) => void;
}

/** Edits one job line: name, labor hours and rate, discount, free, pending diagnosis, note and parts. */
export function LineEditor({ line, onPatch, onRemove, onInputValidity }: LineEditorProps) {
  const { t } = useI18n();
  const money = useMoney();
  const inputMessage = useNumberInputMessage();
  const maxMoney = money(MAX_FEN);
  const [confirmRemove, setConfirmRemove] = useState(false);

  return (
    <div className="orders-line-editor">
      <div className="field orders-line-editor__name">
        <label className="field__label" htmlFor={`${line.id}-name`}>{t('orders.line.name')}</label>
        <DraftText id={`${line.id}-name`} value={line.name} maxLength={200} invalid={line.name.trim() === ''} onCommit={(name) => onPatch({ name })} />
        {line.name.trim() === '' && <span className="field__error">{t('validation.line_name_required')}</span>}
      </div>

      <div className="orders-line-editor__numbers">
        <DecimalField
          label={t('orders.line.hours')}
          value={line.laborHours}
          format={formatDecimalInput}
          parse={(text) => parseHundredthsInput(text, MAX_LABOR_HOURS)}
          onCommit={(laborHours) => onPatch({ laborHours })}
          errorMessage={(error) => inputMessage(error, t('orders.line.hours'), t('orders.line.hoursMax', { max: MAX_LABOR_HOURS }))}
          onValidityChange={(invalid) => onInputValidity('laborHours', invalid)}
          suffix={t('orders.line.hoursUnit')}
        />
        <DecimalField
          label={t('orders.line.rate')}
          value={line.laborRateFen}
          format={formatYuanInput}
          parse={(text) => parseYuanInput(text)}
          onCommit={(laborRateFen) => onPatch({ laborRateFen })}
          errorMessage={(error) => inputMessage(error, t('orders.line.rate'), maxMoney)}
          onValidityChange={(invalid) => onInputValidity('laborRateFen', invalid)}
          suffix={t('orders.line.rateUnit')}
        />
        <DecimalField
          label={t('orders.line.discount')}
          value={line.discountFen}
          format={formatYuanInput}
          parse={(text) => parseYuanInput(text)}
          onCommit={(discountFen) => onPatch({ discountFen })}
          errorMessage={(error) => inputMessage(error, t('orders.line.discount'), maxMoney)}
          onValidityChange={(invalid) => onInputValidity('discountFen', invalid)}
        />
      </div>

      <div className="orders-line-editor__toggles">
        <Toggle checked={line.free} onChange={(free) => onPatch({ free })}>{t('orders.line.free')}</Toggle>
        <Toggle checked={line.pendingDiagnosis} onChange={(pendingDiagnosis) => onPatch({ pendingDiagnosis })}>{t('orders.line.pendingDiagnosis')}</Toggle>
      </div>

      {line.addedDuringRepair && (
        <div className="field">
          <label className="field__label" htmlFor={`${line.id}-note`}>{t('orders.line.note')}</label>
          <DraftText id={`${line.id}-note`} value={line.note} maxLength={500} multiline rows={2} onCommit={(note) => onPatch({ note })} />
        </div>
      )}

      <PartsEditor lineId={line.id} parts={line.parts} onChange={(parts) => onPatch({ parts })} onInputValidity={onInputValidity} />

      <div className="orders-line-editor__end">
        <button type="button" className="button button--quiet orders-danger-text" onClick={() => setConfirmRemove(true)}>
          {t('orders.line.remove')}
        </button>
      </div>

      <ConfirmDialog
        open={confirmRemove}
        title={t('orders.line.removeTitle', { name: line.name || t('orders.line.unnamed') })}
        confirmLabel={t('orders.line.removeConfirm')}
        cancelLabel={t('action.cancel')}
        danger
        onConfirm={() => {
          setConfirmRemove(false);
          onRemove();
        }}
        onCancel={() => setConfirmRemove(false)}
      />
    </div>
  );
}
