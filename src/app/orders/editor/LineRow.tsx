import { useState } from 'react';
import type { OrderLine } from '../../../domain/schemas/order';
import type { LineTotals } from '../../../domain/totals';
import { useI18n } from '../../i18n/i18n';
import { LineBadges } from '../LineBadges';
import { useMoney } from '../model/useMoney';
import { LineEditor } from './LineEditor';

interface LineRowProps {
  line: OrderLine;
  totals: LineTotals;
  editable: boolean;
  /** Offers phone approval: the line is added work the customer has not decided on. */
  awaitingPhoneDecision: boolean;
  onPatch: (patch: Partial<OrderLine>) => void;
  onRemove: () => void;
  /** The line has an invalid number field, so it is left out of the totals. */
  invalidInput: boolean;
  onInputValidity: (field: string, invalid: boolean) => void;
  onPhoneDecision: (approval: 'approved' | 'declined') => void;
}

/** Shows one job line (the work, its price, its approval) and its editor when opened. */
export function LineRow({ line, totals, editable, awaitingPhoneDecision, onPatch, onRemove, invalidInput, onInputValidity, onPhoneDecision }: LineRowProps) {
  const { t } = useI18n();
  const money = useMoney();
  const [open, setOpen] = useState(line.name === '');
  // The editor stays open while a field is invalid, so the typed text stays in front of the advisor.
  const editorOpen = (open || invalidInput) && editable;

  return (
    <li className={`orders-line ${line.approval === 'declined' ? 'orders-line--declined' : ''} ${invalidInput ? 'orders-line--invalid' : ''}`} data-line-id={line.id}>
      <div className="orders-line__summary">
        <div className="orders-line__what">
          <span className="orders-line__name">
            {line.code && <span className="orders-line__code tabular">{line.code}</span>}
            {line.name || t('orders.line.unnamed')}
          </span>
          <LineBadges line={line} />
        </div>
        <div className="orders-line__price tabular">
          {line.pendingDiagnosis ? (
            <span className="orders-muted">{t('orders.line.priceLater')}</span>
          ) : (
            <>
              <span className="orders-line__detail">
                {t('orders.line.laborDetail', { hours: line.laborHours, amount: money(totals.laborFen) })}
                {totals.partsFen > 0 && ` · ${t('orders.line.partsDetail', { amount: money(totals.partsFen) })}`}
                {totals.discountFen > 0 && ` · ${t('orders.line.discountDetail', { amount: money(totals.discountFen) })}`}
              </span>
              <span className="orders-line__net">{line.free ? t('orders.line.freeValue', { amount: money(totals.grossFen) }) : money(totals.grossFen - totals.discountFen)}</span>
            </>
          )}
        </div>
        {editable && (
          <button type="button" className="button orders-line__toggle" aria-expanded={editorOpen} onClick={() => setOpen(!open)}>
            {editorOpen ? t('orders.line.close') : t('orders.line.edit')}
          </button>
        )}
      </div>

      {invalidInput && <p className="field__error" data-testid="line-excluded">{t('orders.input.lineExcluded')}</p>}
      {totals.discountClampedFen > 0 && <p className="field__error">{t('orders.line.discountClamped', { amount: money(totals.discountClampedFen) })}</p>}

      {awaitingPhoneDecision && (
        <div className="orders-line__decision">
          <span className="orders-muted">{t('orders.line.awaitingDecision')}</span>
          <button type="button" className="button" onClick={() => onPhoneDecision('approved')}>{t('orders.line.phoneApprove')}</button>
          <button type="button" className="button" onClick={() => onPhoneDecision('declined')}>{t('orders.line.phoneDecline')}</button>
        </div>
      )}

      {editorOpen && <LineEditor line={line} onPatch={onPatch} onRemove={onRemove} onInputValidity={onInputValidity} />}
    </li>
  );
}
