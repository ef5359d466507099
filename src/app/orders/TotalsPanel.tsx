import type { OrderTotals } from '../../domain/totals';
import { useI18n } from '../i18n/i18n';
import { useMoney } from './model/useMoney';

interface TotalsPanelProps {
  totals: OrderTotals;
  /** Larger type for the customer's screens. */
  large?: boolean;
}

/** Shows the totals from computeOrderTotals: labor, parts, discounts, the tax-included total, and what is left out. */
export function TotalsPanel({ totals, large }: TotalsPanelProps) {
  const { t } = useI18n();
  const money = useMoney();

  return (
    <div className={`orders-totals ${large ? 'orders-totals--large' : ''}`}>
      <dl className="orders-totals__rows tabular">
        <div><dt>{t('orders.totals.labor')}</dt><dd>{money(totals.laborFen)}</dd></div>
        <div><dt>{t('orders.totals.parts')}</dt><dd>{money(totals.partsFen)}</dd></div>
        {totals.lineDiscountFen > 0 && <div><dt>{t('orders.totals.lineDiscount')}</dt><dd>−{money(totals.lineDiscountFen)}</dd></div>}
        {totals.orderDiscountFen > 0 && <div><dt>{t('orders.totals.orderDiscount')}</dt><dd>−{money(totals.orderDiscountFen)}</dd></div>}
        <div className="orders-totals__total" data-testid="order-total"><dt>{t('orders.totals.total')}</dt><dd>{money(totals.totalFen)}</dd></div>
        <div className="orders-totals__tax"><dt>{t('orders.totals.tax')}</dt><dd>{money(totals.includedTaxFen)}</dd></div>
      </dl>
      <ul className="orders-totals__notes">
        {totals.freeCount > 0 && <li>{t('orders.totals.free', { count: totals.freeCount, amount: money(totals.freeValueFen) })}</li>}
        {totals.pendingDiagnosisCount > 0 && <li>{t('orders.totals.pendingDiagnosis', { count: totals.pendingDiagnosisCount })}</li>}
        {totals.declinedCount > 0 && <li>{t('orders.totals.declined', { count: totals.declinedCount, amount: money(totals.declinedValueFen) })}</li>}
        {totals.undecidedCount > 0 && <li>{t('orders.totals.undecided', { count: totals.undecidedCount })}</li>}
        {totals.orderDiscountClampedFen > 0 && <li className="field__error">{t('orders.totals.orderDiscountClamped', { amount: money(totals.orderDiscountClampedFen) })}</li>}
      </ul>
    </div>
  );
}
