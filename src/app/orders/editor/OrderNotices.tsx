import type { Order } from '../../../domain/schemas/order';
import { declinedLines } from '../../../domain/orderSigning';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';
import type { SigningStates } from '../model/useOrder';

interface OrderNoticesProps {
  order: Order;
  signing: SigningStates | null;
  saveError: unknown;
}

/** Shows what still needs the customer's signature, and a failed save. */
export function OrderNotices({ order, signing, saveError }: OrderNoticesProps) {
  const { t } = useI18n();
  const hasDeclined = declinedLines(order).length > 0;

  return (
    <div className="orders-notices">
      {saveError !== null && saveError !== undefined && (
        <Notice tone="error">{t('orders.saveFailed', { message: saveError instanceof Error ? saveError.message : String(saveError) })}</Notice>
      )}
      {signing?.quote === 'unsigned' && order.lines.length > 0 && <Notice tone="info">{t('orders.notice.quoteUnsigned')}</Notice>}
      {signing?.quote === 'changed_after_signing' && <Notice tone="warning">{t('orders.notice.quoteChanged')}</Notice>}
      {signing?.quote === 'signed' && <Notice tone="info">{t('orders.notice.quoteSigned')}</Notice>}
      {hasDeclined && signing && signing.recommended !== 'signed' && <Notice tone="warning">{t('orders.notice.recommendedUnsigned')}</Notice>}
    </div>
  );
}
