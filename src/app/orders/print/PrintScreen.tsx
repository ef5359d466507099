import { useMemo } from 'react';
import { Link } from 'wouter';
import { declinedLines } from '../../../domain/orderSigning';
import type { Order } from '../../../domain/schemas/order';
import { computeOrderTotals, type OrderTotals } from '../../../domain/totals';
import { StatusScreen } from '../../components/StatusScreen';
import { useI18n } from '../../i18n/i18n';
import { CustomerLocale } from '../CustomerLocale';
import { TotalsPanel } from '../TotalsPanel';
import { SettlementSummary } from '../handover/SettlementSummary';
import { useMoney } from '../model/useMoney';
import { useOrder, useOrderSigningStates, type SigningStates } from '../model/useOrder';
import { PaperHeader } from '../quote/PaperHeader';
import { PrintLines } from './PrintLines';
import { PrintSignature } from './PrintSignature';

export const PRINTED_PAPERS = ['quote', 'recommended', 'settlement'] as const;
export type PrintedPaper = (typeof PRINTED_PAPERS)[number];

interface PaperProps {
  order: Order;
  totals: OrderTotals;
  signing: SigningStates | null;
}

function QuotePaper({ order, totals, signing }: PaperProps) {
  const { t, formatDateTime } = useI18n();
  return (
    <>
      <PaperHeader order={order} titleKey="orders.quote.title" />
      <PrintLines lines={order.lines} totals={totals} showDecision />
      <p className="print-terms">
        {t('orders.print.terms', {
          promised: order.promisedAt ? formatDateTime(order.promisedAt) : t('orders.quote.promisedLater'),
          payment: t(`orders.payment.${order.paymentMethod}`),
          parts: t(`orders.replacedParts.${order.replacedParts}`),
        })}
      </p>
      <TotalsPanel totals={totals} />
      <p className="print-confirm">{t('orders.quote.confirmText')}</p>
      <PrintSignature signatures={order.quoteSignatures} state={signing?.quote ?? null} />
    </>
  );
}

function RecommendedPaper({ order, totals, signing }: PaperProps) {
  const { t } = useI18n();
  const money = useMoney();
  return (
    <>
      <PaperHeader order={order} titleKey="orders.recommended.title" />
      <p>{t('orders.recommended.intro')}</p>
      <PrintLines lines={declinedLines(order)} totals={totals} showDecision={false} />
      <p className="print-total tabular">{t('orders.recommended.total', { amount: money(totals.declinedValueFen) })}</p>
      <p className="print-confirm">{t('orders.recommended.confirmText')}</p>
      <PrintSignature signatures={order.recommendedSignatures} state={signing?.recommended ?? null} />
    </>
  );
}

function SettlementPaper({ order, totals }: PaperProps) {
  const { t, formatDate } = useI18n();
  return (
    <>
      <PaperHeader order={order} titleKey="orders.settlement.title" />
      <SettlementSummary order={order} totals={totals} />
      {order.nextServiceDate && order.nextServiceKm !== null && (
        <p className="print-terms">{t('orders.print.nextService', { date: formatDate(`${order.nextServiceDate}T12:00:00+08:00`), km: order.nextServiceKm.toLocaleString('en-US') })}</p>
      )}
      <p className="print-terms">{t('orders.print.followupNotice')}</p>
    </>
  );
}

function PrintContent({ orderId, paper }: { orderId: string; paper: PrintedPaper }) {
  const { t } = useI18n();
  const { order, loading } = useOrder(orderId);
  const signing = useOrderSigningStates(order);
  const totals = useMemo(() => (order ? computeOrderTotals(order) : null), [order]);

  if (loading) return <StatusScreen message={t('orders.loading')} />;
  if (!order || !totals) return <StatusScreen tone="error" message={t('orders.notFound')} />;

  const props = { order, totals, signing };
  return (
    <div className="print-screen">
      <div className="print-toolbar">
        <Link href={`/orders/${order.id}`} className="button">{t('orders.quote.backToOrder')}</Link>
        <button type="button" className="button button--primary" onClick={() => window.print()}>{t('orders.print.print')}</button>
      </div>
      <article className="print-paper" data-paper={paper}>
        {paper === 'quote' && <QuotePaper {...props} />}
        {paper === 'recommended' && <RecommendedPaper {...props} />}
        {paper === 'settlement' && <SettlementPaper {...props} />}
        <p className="print-footer">{t('orders.print.customerCopy')}</p>
      </article>
    </div>
  );
}

/** A4 customer copy of the quote, the recommended-items sheet or the settlement, printed with the browser; always in Chinese. */
export function PrintScreen({ orderId, paper }: { orderId: string; paper: PrintedPaper }) {
  return (
    <CustomerLocale>
      <PrintContent orderId={orderId} paper={paper} />
    </CustomerLocale>
  );
}
