import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { computeOrderTotals } from '../../../domain/totals';
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

/** Shows the repair order (任务委托书): what came from the check-in, the job lines, the terms and the totals. */
export function OrderScreen({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const { order, loading, saveError, change } = useOrder(orderId);
  const signing = useOrderSigningStates(order);
  const { settings } = useDealerSettings();
  const [unlocked, setUnlocked] = useState(false);
  const totals = useMemo(() => (order ? computeOrderTotals(order) : null), [order]);

  if (loading) return <StatusScreen message={t('orders.loading')} />;
  if (!order || !totals) return <StatusScreen tone="error" message={t('orders.notFound')} />;

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
          <LinesPanel order={order} totals={totals} laborRateFen={settings?.laborRateFen ?? 0} unlocked={unlocked} change={change} />
        </div>
        <aside className="orders-editor__side">
          <section className="orders-panel" aria-labelledby="orders-totals-title">
            <h2 id="orders-totals-title" className="orders-panel__title">{t('orders.totals.title')}</h2>
            <TotalsPanel totals={totals} />
          </section>
          <OrderDetails order={order} disabled={termsLocked} change={change} />
        </aside>
      </div>
    </section>
  );
}
