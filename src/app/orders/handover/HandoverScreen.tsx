import { useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { saveDocument } from '../../../db/repository';
import { changeStatus } from '../../../domain/orderStatus';
import { declinedLines, linesAwaitingDecision } from '../../../domain/orderSigning';
import { computeOrderTotals } from '../../../domain/totals';
import { Notice } from '../../components/Notice';
import { StatusScreen } from '../../components/StatusScreen';
import { useDatabase } from '../../data/DatabaseContext';
import { useRxQuery } from '../../data/useRxQuery';
import { useI18n } from '../../i18n/i18n';
import { useWriteContext } from '../../session/SessionContext';
import { addMonths, NEXT_SERVICE_KM, NEXT_SERVICE_MONTHS, newFollowup, shanghaiDate } from '../model/orderFactory';
import { useOrder, useOrderSigningStates } from '../model/useOrder';
import { PaperHeader } from '../quote/PaperHeader';
import { checklistComplete, DeliveryChecklist } from './DeliveryChecklist';
import { NextServiceFields } from './NextServiceFields';
import { SettlementSummary } from './SettlementSummary';

/** Hand-over (交车): the pre-delivery checklist, the settlement explained, the next service, and delivery with its follow-up call. */
export function HandoverScreen({ orderId }: { orderId: string }) {
  const { t, formatDateTime } = useI18n();
  const database = useDatabase();
  const context = useWriteContext();
  const { order, loading, saveError, change } = useOrder(orderId);
  const totals = useMemo(() => (order ? computeOrderTotals(order) : null), [order]);
  const signing = useOrderSigningStates(order);
  const [delivering, setDelivering] = useState(false);
  const followups = useRxQuery((db) => db.followups.find({ selector: { orderId } }), [orderId]);
  const needsDefaults = order !== null && order.status === 'ready' && order.nextServiceDate === null;

  // Suggest the next service once, from today and the mileage; the advisor may change both.
  useEffect(() => {
    if (!needsDefaults) return;
    void change((current) => current.nextServiceDate !== null ? current : {
      ...current,
      nextServiceDate: addMonths(shanghaiDate(new Date()), NEXT_SERVICE_MONTHS),
      nextServiceKm: current.nextServiceKm ?? (current.mileageKm ?? 0) + NEXT_SERVICE_KM,
    });
  }, [needsDefaults, change]);

  if (loading) return <StatusScreen message={t('orders.loading')} />;
  if (!order || !totals) return <StatusScreen tone="error" message={t('orders.notFound')} />;

  const delivered = order.status === 'delivered';
  const undecided = linesAwaitingDecision(order).length;
  const blockers = [
    order.status !== 'ready' && !delivered ? t('orders.handover.notReady') : null,
    !checklistComplete(order) ? t('orders.handover.checklistIncomplete') : null,
    order.nextServiceDate === null || order.nextServiceKm === null ? t('orders.handover.nextServiceMissing') : null,
    undecided > 0 ? t('orders.handover.undecided', { count: undecided }) : null,
    totals.pendingDiagnosisCount > 0 ? t('orders.handover.pendingDiagnosis', { count: totals.pendingDiagnosisCount }) : null,
  ].filter((text): text is string => text !== null);

  const deliver = async () => {
    setDelivering(true);
    const now = new Date();
    let moved = false;
    const stored = await change((current) => {
      const result = changeStatus(current, 'delivered', now.toISOString(), context.user);
      if (!result.ok || !checklistComplete(current)) return current;
      moved = true;
      return { ...current, ...result.order, deliveredAt: now.toISOString() };
    });
    if (stored && moved && followups.data.length === 0) {
      await saveDocument(database, 'followups', newFollowup(order, now, context), context);
    }
    setDelivering(false);
  };

  const followup = followups.data[0];

  return (
    <section className="orders-screen handover" aria-labelledby="handover-title">
      <nav className="orders-nav">
        <Link href={`/orders/${order.id}`} className="button button--quiet">{t('orders.quote.backToOrder')}</Link>
        <Link href={`/orders/${order.id}/print/settlement`} className="button">{t('orders.action.printSettlement')}</Link>
      </nav>
      <PaperHeader order={order} titleKey="orders.handover.title" titleId="handover-title" />
      {saveError !== null && <Notice tone="error">{t('orders.saveFailed', { message: String(saveError) })}</Notice>}
      {!delivered && declinedLines(order).length > 0 && signing && signing.recommended !== 'signed' && (
        <Notice tone="warning" actions={<Link href={`/orders/${order.id}/recommended`} className="button">{t('orders.action.recommended')}</Link>}>
          {t('orders.notice.recommendedUnsigned')}
        </Notice>
      )}

      <div className="handover__grid">
        <div className="handover__main">
          <h2 className="orders-panel__title">{t('orders.settlement.title')}</h2>
          <SettlementSummary order={order} totals={totals} />
        </div>
        <div className="handover__side">
          <DeliveryChecklist
            order={order}
            disabled={delivered}
            onToggle={(check, done) => void change((current) => ({ ...current, deliveryChecklist: { ...current.deliveryChecklist, [check]: done } }))}
          />
          <NextServiceFields order={order} disabled={delivered} onChange={(patch) => void change((current) => ({ ...current, ...patch }))} />
        </div>
      </div>

      {delivered ? (
        <Notice tone="info">
          {t('orders.handover.delivered', { time: order.deliveredAt ? formatDateTime(order.deliveredAt) : '' })}
          {followup && ` ${t('orders.handover.followupDue', { time: formatDateTime(followup.dueAt) })}`}
        </Notice>
      ) : (
        <div className="handover__deliver">
          {blockers.length > 0 && <ul className="orders-sign__blockers">{blockers.map((text) => <li key={text}>{text}</li>)}</ul>}
          <p className="orders-muted">{t('orders.handover.followupHint')}</p>
          <button type="button" className="button button--primary button--large" disabled={blockers.length > 0 || delivering} onClick={() => void deliver()}>
            {t('orders.handover.deliver')}
          </button>
        </div>
      )}
    </section>
  );
}
