import { useCallback, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { computeOrderTotals } from '../../../domain/totals';
import { Notice } from '../../components/Notice';
import { StatusScreen } from '../../components/StatusScreen';
import { useI18n } from '../../i18n/i18n';
import { DeclinedWorkNotice } from '../DeclinedWorkNotice';
import { SiblingOrdersNotice } from '../SiblingOrdersNotice';
import { TotalsPanel } from '../TotalsPanel';
import { useDealerSettings } from '../model/useMoney';
import { useOrder, useOrderSigningStates } from '../model/useOrder';
import { LinesPanel } from './LinesPanel';
import { OrderActions } from './OrderActions';
import { OrderDetails } from './OrderDetails';
import { OrderHeader } from './OrderHeader';
import { OrderConflicts } from './OrderConflicts';
import { OrderNotices } from './OrderNotices';

const ORDER_DISCOUNT_INPUT = 'order:orderDiscountFen';

/** Shows the repair order (任务委托书): what came from the check-in, the job lines, the terms and the totals. */
export function OrderScreen({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const { order, loading, saveError, change } = useOrder(orderId);
  const signing = useOrderSigningStates(order);
  const { settings } = useDealerSettings();
  const [unlocked, setUnlocked] = useState(false);
  // Number fields whose typed text is invalid, keyed `<lineId>:<field>` or `order:orderDiscountFen`.
  const [invalidInputs, setInvalidInputs] = useState<ReadonlySet<string>>(() => new Set());
  const reportInput = useCallback((key: string, invalid: boolean) => {
    setInvalidInputs((previous) => {
      if (previous.has(key) === invalid) return previous;
      const next = new Set(previous);
      if (invalid) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);
  const invalidLineIds = useMemo(() => new Set([...invalidInputs].map((key) => key.split(':')[0]!).filter((id) => id !== 'order')), [invalidInputs]);
  const discountInvalid = invalidInputs.has(ORDER_DISCOUNT_INPUT);

  const totals = useMemo(() => (order ? computeOrderTotals(order) : null), [order]);
  // The stored value of an invalid field is the last valid one typed (99 on the way to 999), so
  // its line, or the order discount, is left out of the totals rather than counted silently.
  const countedTotals = useMemo(() => {
    if (!order) return null;
    if (invalidLineIds.size === 0 && !discountInvalid) return totals;
    return computeOrderTotals({
      ...order,
      lines: order.lines.filter((line) => !invalidLineIds.has(line.id)),
      orderDiscountFen: discountInvalid ? 0 : order.orderDiscountFen,
    });
  }, [order, totals, invalidLineIds, discountInvalid]);

  if (loading) return <StatusScreen message={t('orders.loading')} />;
  if (!order || !totals || !countedTotals) return <StatusScreen tone="error" message={t('orders.notFound')} />;

  const delivered = order.status === 'delivered';
  const termsLocked = delivered || (order.quoteSignatures.length > 0 && !unlocked);

  return (
    <section className="orders-screen">
      <nav className="orders-nav">
        <Link href="/orders" className="button button--quiet">{t('orders.backToBoard')}</Link>
      </nav>
      <OrderHeader order={order} />
      <OrderConflicts order={order} change={change} />
      <SiblingOrdersNotice order={order} />
      <OrderNotices order={order} signing={signing} saveError={saveError} />
      {!delivered && <DeclinedWorkNotice vehicleId={order.vehicleId} excludeOrderId={order.id} />}
      {settings === null && <p className="orders-muted">{t('orders.notice.noLaborRate')}</p>}
      <OrderActions order={order} unlocked={unlocked} onUnlock={() => setUnlocked(true)} change={change} signing={signing} />
      <div className="orders-editor">
        <div className="orders-editor__main">
          <LinesPanel
            order={order}
            totals={totals}
            laborRateFen={settings?.laborRateFen ?? 0}
            unlocked={unlocked}
            change={change}
            invalidLineIds={invalidLineIds}
            onInputValidity={reportInput}
          />
        </div>
        <aside className="orders-editor__side">
          <section className="orders-panel" aria-labelledby="orders-totals-title">
            <h2 id="orders-totals-title" className="orders-panel__title">{t('orders.totals.title')}</h2>
            {invalidLineIds.size > 0 && <Notice tone="error">{t('orders.input.linesExcluded', { count: invalidLineIds.size })}</Notice>}
            {discountInvalid && <Notice tone="error">{t('orders.input.orderDiscountExcluded')}</Notice>}
            <TotalsPanel totals={countedTotals} />
          </section>
          <OrderDetails order={order} disabled={termsLocked} change={change} onInputValidity={(invalid) => reportInput(ORDER_DISCOUNT_INPUT, invalid)} />
        </aside>
      </div>
    </section>
  );
}
