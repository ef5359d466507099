import type { Order } from '../../../domain/schemas/order';
import type { OrderTotals } from '../../../domain/totals';
import { useI18n } from '../../i18n/i18n';
import { TotalsPanel } from '../TotalsPanel';
import { useMoney } from '../model/useMoney';

interface SettlementSummaryProps {
  order: Order;
  totals: OrderTotals;
}

/** Shows the settlement (结算单): the work done, free items and discounts pointed out, and the total. */
export function SettlementSummary({ order, totals }: SettlementSummaryProps) {
  const { t } = useI18n();
  const money = useMoney();
  const rows = order.lines.map((line, index) => ({ line, lineTotals: totals.lines[index]! }));
  const done = rows.filter(({ lineTotals }) => lineTotals.charge === 'charged' || lineTotals.charge === 'free');
  const discounted = done.filter(({ lineTotals }) => lineTotals.discountFen > 0);

  return (
    <div className="settlement">
      <table className="settlement__table">
        <thead>
          <tr>
            <th scope="col">{t('orders.settlement.item')}</th>
            <th scope="col" className="settlement__number">{t('orders.settlement.labor')}</th>
            <th scope="col" className="settlement__number">{t('orders.settlement.parts')}</th>
            <th scope="col" className="settlement__number">{t('orders.settlement.discount')}</th>
            <th scope="col" className="settlement__number">{t('orders.settlement.amount')}</th>
          </tr>
        </thead>
        <tbody className="tabular">
          {done.map(({ line, lineTotals }) => (
            <tr key={line.id} className={line.free ? 'settlement__free' : undefined}>
              <td>
                {line.name}
                {line.free && <span className="badge badge--success">{t('orders.badge.free')}</span>}
              </td>
              <td className="settlement__number">{money(lineTotals.laborFen)}</td>
              <td className="settlement__number">{money(lineTotals.partsFen)}</td>
              <td className="settlement__number">{lineTotals.discountFen > 0 ? `−${money(lineTotals.discountFen)}` : ''}</td>
              <td className="settlement__number">{line.free ? t('orders.settlement.freeAmount') : money(lineTotals.netFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <ul className="settlement__pointed-out">
        {order.carWash && <li>{t('orders.settlement.carWashFree')}</li>}
        {totals.freeCount > 0 && <li>{t('orders.settlement.freeItems', { count: totals.freeCount, amount: money(totals.freeValueFen) })}</li>}
        {discounted.length > 0 && <li>{t('orders.settlement.lineDiscounts', { count: discounted.length, amount: money(totals.lineDiscountFen) })}</li>}
        {totals.orderDiscountFen > 0 && <li>{t('orders.settlement.orderDiscount', { amount: money(totals.orderDiscountFen) })}</li>}
        {totals.declinedCount > 0 && <li>{t('orders.settlement.declined', { count: totals.declinedCount })}</li>}
      </ul>

      <TotalsPanel totals={totals} large />
      <p className="orders-muted">{t('orders.settlement.payment', { method: t(`orders.payment.${order.paymentMethod}`) })}</p>
    </div>
  );
}
