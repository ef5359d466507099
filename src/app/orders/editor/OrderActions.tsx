import { useState } from 'react';
import { Link } from 'wouter';
import type { Order } from '../../../domain/schemas/order';
import { declinedLines } from '../../../domain/orderSigning';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useI18n } from '../../i18n/i18n';
import { StatusControl } from '../board/StatusControl';
import type { OrderChange, SigningStates } from '../model/useOrder';

interface OrderActionsProps {
  order: Order;
  unlocked: boolean;
  onUnlock: () => void;
  change: (apply: OrderChange) => Promise<boolean>;
  signing: SigningStates | null;
}

/** Links the repair order to the customer's quote, the recommended-items sheet, hand-over, printing and status. */
export function OrderActions({ order, unlocked, onUnlock, change, signing }: OrderActionsProps) {
  const { t } = useI18n();
  const [confirmUnlock, setConfirmUnlock] = useState(false);
  const base = `/orders/${order.id}`;
  const delivered = order.status === 'delivered';
  const hasDeclined = declinedLines(order).length > 0;
  const canUnlock = !delivered && !unlocked && order.quoteSignatures.length > 0;

  return (
    <div className="orders-actions">
      <div className="orders-actions__main">
        {!delivered && order.lines.length > 0 && (
          <Link href={`${base}/quote`} className="button button--primary">{t('orders.action.quote')}</Link>
        )}
        {hasDeclined && <Link href={`${base}/recommended`} className="button">{t('orders.action.recommended')}</Link>}
        {(order.status === 'ready' || delivered) && <Link href={`${base}/handover`} className="button button--primary">{t('orders.action.handover')}</Link>}
        {canUnlock && <button type="button" className="button" onClick={() => setConfirmUnlock(true)}>{t('orders.action.unlock')}</button>}
      </div>
      <div className="orders-actions__print">
        <Link href={`${base}/print/quote`} className="button button--quiet">{t('orders.action.printQuote')}</Link>
        {hasDeclined && <Link href={`${base}/print/recommended`} className="button button--quiet">{t('orders.action.printRecommended')}</Link>}
        {delivered && <Link href={`${base}/print/settlement`} className="button button--quiet">{t('orders.action.printSettlement')}</Link>}
      </div>
      <StatusControl order={order} change={change} signing={signing} />

      <ConfirmDialog
        open={confirmUnlock}
        title={t('orders.unlock.title')}
        confirmLabel={t('orders.unlock.confirm')}
        cancelLabel={t('action.cancel')}
        onConfirm={() => {
          setConfirmUnlock(false);
          onUnlock();
        }}
        onCancel={() => setConfirmUnlock(false)}
      >
        <p>{t('orders.unlock.warning')}</p>
      </ConfirmDialog>
    </div>
  );
}
