import { useMemo } from 'react';
import { Link } from 'wouter';
import { declinedLines } from '../../../domain/orderSigning';
import type { Order } from '../../../domain/schemas/order';
import { computeOrderTotals } from '../../../domain/totals';
import { Notice } from '../../components/Notice';
import { StatusScreen } from '../../components/StatusScreen';
import { useI18n } from '../../i18n/i18n';
import { CustomerLocale } from '../CustomerLocale';
import { appendSignature, prepareSignature, type SignatureInput } from '../model/signing';
import { useMoney } from '../model/useMoney';
import { useOrder, useOrderSigningStates } from '../model/useOrder';
import { OrderSignatures } from '../signature/OrderSignatures';
import { SignaturePanel } from '../signature/SignaturePanel';
import { PaperHeader } from './PaperHeader';

function RecommendedContent({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const money = useMoney();
  const { order, loading, change } = useOrder(orderId);
  const signing = useOrderSigningStates(order);
  const totals = useMemo(() => (order ? computeOrderTotals(order) : null), [order]);

  if (loading) return <StatusScreen message={t('orders.loading')} />;
  if (!order || !totals) return <StatusScreen tone="error" message={t('orders.notFound')} />;

  const declined = declinedLines(order);
  const grossOf = (lineId: string) => totals.lines.find((line) => line.lineId === lineId)?.grossFen ?? 0;

  const sign = async (input: SignatureInput): Promise<string | null> => {
    const prepared = await prepareSignature('recommended', order, input, new Date());
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
    <section className="quote-screen" aria-labelledby="recommended-title">
      <nav className="orders-nav">
        <Link href={`/orders/${order.id}`} className="button button--quiet">{t('orders.quote.backToOrder')}</Link>
      </nav>
      <PaperHeader order={order} titleKey="orders.recommended.title" titleId="recommended-title" />
      <p className="quote-intro">{t('orders.recommended.intro')}</p>

      {declined.length === 0 ? (
        <Notice tone="info">{t('orders.recommended.none')}</Notice>
      ) : (
        <ul className="quote-lines">
          {declined.map((line) => (
            <li key={line.id} className="quote-line quote-line--declined" data-line-id={line.id}>
              <div className="quote-line__what">
                <span className="quote-line__name">{line.name}</span>
                {line.note && <span className="quote-line__note">{line.note}</span>}
              </div>
              <div className="quote-line__price tabular">{money(grossOf(line.id))}</div>
            </li>
          ))}
        </ul>
      )}
      {declined.length > 0 && (
        <p className="quote-total tabular">{t('orders.recommended.total', { amount: money(totals.declinedValueFen) })}</p>
      )}

      {signing?.recommended === 'signed' ? (
        <Notice tone="info">{t('orders.recommended.signedThanks')}</Notice>
      ) : (
        declined.length > 0 && (
          <SignaturePanel confirmText={t('orders.recommended.confirmText')} defaultSignerName={order.customerName} blockers={[]} onSign={sign} />
        )
      )}
      <OrderSignatures title={t('orders.sign.history')} signatures={order.recommendedSignatures} state={signing?.recommended ?? null} />
    </section>
  );
}

/** Shows the recommended-items sheet (建议项目表) in Chinese: the declined work, which the customer signs as informed. */
export function RecommendedScreen({ orderId }: { orderId: string }) {
  return (
    <CustomerLocale>
      <RecommendedContent orderId={orderId} />
    </CustomerLocale>
  );
}
