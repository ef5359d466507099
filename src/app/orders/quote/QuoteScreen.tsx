import { useMemo } from 'react';
import { Link } from 'wouter';
import { quoteProblems } from '../../../domain/orderSigning';
import type { Order } from '../../../domain/schemas/order';
import { computeOrderTotals } from '../../../domain/totals';
import { Notice } from '../../components/Notice';
import { StatusScreen } from '../../components/StatusScreen';
import { useI18n } from '../../i18n/i18n';
import { CustomerLocale } from '../CustomerLocale';
import { TotalsPanel } from '../TotalsPanel';
import { appendSignature, prepareSignature, type SignatureInput } from '../model/signing';
import { useOrder, useOrderSigningStates } from '../model/useOrder';
import { OrderSignatures } from '../signature/OrderSignatures';
import { SignaturePanel } from '../signature/SignaturePanel';
import { PaperHeader } from './PaperHeader';
import { QuoteLineItem } from './QuoteLineItem';

function QuoteContent({ orderId }: { orderId: string }) {
  const { t, formatDateTime } = useI18n();
  const { order, loading, saveError, change } = useOrder(orderId);
  const signing = useOrderSigningStates(order);
  const totals = useMemo(() => (order ? computeOrderTotals(order) : null), [order]);

  if (loading) return <StatusScreen message={t('orders.loading')} />;
  if (!order || !totals) return <StatusScreen tone="error" message={t('orders.notFound')} />;

  const delivered = order.status === 'delivered';
  const decide = (lineId: string, approval: 'approved' | 'declined') =>
    void change((current) => ({
      ...current,
      lines: current.lines.map((line) => (line.id === lineId ? { ...line, approval, decidedVia: null, decidedAt: null } : line)),
    }));

  const blockers = [...new Set(quoteProblems(order).map((problem) => problem.code))].map((code) => t(`orders.problem.${code}`));

  const sign = async (input: SignatureInput): Promise<string | null> => {
    const prepared = await prepareSignature('quote', order, input, new Date());
    let changed = false;
    const stored = await change((current: Order) => {
      const result = appendSignature(current, prepared);
      changed = !result.ok;
      return result.ok ? result.order : current;
    });
    if (changed) return t('orders.sign.contentChanged');
    return stored ? null : t('orders.sign.notStored');
  };

  return (
    <section className="quote-screen" aria-labelledby="quote-title">
      <nav className="orders-nav">
        <Link href={`/orders/${order.id}`} className="button button--quiet">{t('orders.quote.backToOrder')}</Link>
      </nav>
      <PaperHeader order={order} titleKey="orders.quote.title" titleId="quote-title" />
      {saveError !== null && <Notice tone="error">{t('orders.saveFailed', { message: String(saveError) })}</Notice>}

      <ul className="quote-lines">
        {order.lines.map((line, index) => (
          <QuoteLineItem
            key={line.id}
            line={line}
            totals={totals.lines[index]!}
            decidable={!delivered && !line.pendingDiagnosis && line.decidedVia !== 'phone'}
            onDecide={(approval) => decide(line.id, approval)}
          />
        ))}
      </ul>

      <div className="quote-terms">
        <dl className="quote-terms__list">
          <div><dt>{t('orders.details.promisedAt')}</dt><dd className="tabular">{order.promisedAt ? formatDateTime(order.promisedAt) : t('orders.quote.promisedLater')}</dd></div>
          <div><dt>{t('orders.details.paymentMethod')}</dt><dd>{t(`orders.payment.${order.paymentMethod}`)}</dd></div>
          <div><dt>{t('orders.details.replacedParts')}</dt><dd>{t(`orders.replacedParts.${order.replacedParts}`)}</dd></div>
          <div><dt>{t('orders.details.carWash')}</dt><dd>{t(order.carWash ? 'orders.quote.yes' : 'orders.quote.no')}</dd></div>
        </dl>
        <TotalsPanel totals={totals} large />
      </div>

      {signing?.quote === 'signed' ? (
        <Notice tone="info">{t('orders.quote.signedThanks')}</Notice>
      ) : (
        !delivered && (
          <SignaturePanel confirmText={t('orders.quote.confirmText')} defaultSignerName={order.customerName} blockers={blockers} onSign={sign} />
        )
      )}
      <OrderSignatures title={t('orders.sign.history')} signatures={order.quoteSignatures} state={signing?.quote ?? null} />
    </section>
  );
}

/** Shows the customer the quote (报价单), large, calm and in Chinese: each line approved or declined, then signed. */
export function QuoteScreen({ orderId }: { orderId: string }) {
  return (
    <CustomerLocale>
      <QuoteContent orderId={orderId} />
    </CustomerLocale>
  );
}
