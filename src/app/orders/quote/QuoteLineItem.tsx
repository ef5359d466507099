import type { OrderLine } from '../../../domain/schemas/order';
import type { LineTotals } from '../../../domain/totals';
import { useI18n } from '../../i18n/i18n';
import { LineBadges } from '../LineBadges';
import { useMoney } from '../model/useMoney';

interface QuoteLineItemProps {
  line: OrderLine;
  totals: LineTotals;
  /** False for lines decided by phone, pending diagnosis, or on a delivered order. */
  decidable: boolean;
  onDecide: (approval: 'approved' | 'declined') => void;
}

/** Shows one quote line to the customer: the work, its parts and price, with approve and decline. */
export function QuoteLineItem({ line, totals, decidable, onDecide }: QuoteLineItemProps) {
  const { t } = useI18n();
  const money = useMoney();

  return (
    <li className={`quote-line quote-line--${line.approval}`} data-line-id={line.id}>
      <div className="quote-line__what">
        <span className="quote-line__name">{line.name}</span>
        <LineBadges line={line} />
        {line.note && <span className="quote-line__note">{line.note}</span>}
        {!line.pendingDiagnosis && (
          <span className="quote-line__detail tabular">
            {t('orders.line.laborDetail', { hours: line.laborHours, amount: money(totals.laborFen) })}
            {line.parts.map((part) => ` · ${part.name} × ${part.quantity}`).join('')}
          </span>
        )}
      </div>
      <div className="quote-line__price tabular">
        {line.pendingDiagnosis ? t('orders.quote.priceAfterDiagnosis') : money(totals.grossFen - totals.discountFen)}
        {totals.discountFen > 0 && <span className="quote-line__discount">{t('orders.line.discountDetail', { amount: money(totals.discountFen) })}</span>}
        {line.free && <span className="quote-line__discount">{t('orders.quote.freeLine', { amount: money(totals.grossFen) })}</span>}
      </div>
      {decidable && (
        <div className="quote-line__decide" role="group" aria-label={t('orders.quote.decisionFor', { name: line.name })}>
          <button type="button" className={`button button--large quote-line__approve ${line.approval === 'approved' ? 'is-selected' : ''}`} aria-pressed={line.approval === 'approved'} onClick={() => onDecide('approved')}>
            {t('orders.quote.approve')}
          </button>
          <button type="button" className={`button button--large quote-line__decline ${line.approval === 'declined' ? 'is-selected' : ''}`} aria-pressed={line.approval === 'declined'} onClick={() => onDecide('declined')}>
            {t('orders.quote.decline')}
          </button>
        </div>
      )}
    </li>
  );
}
