import type { OrderLine } from '../../domain/schemas/order';
import { useI18n } from '../i18n/i18n';

/** Small labels on a line: pending diagnosis, added during repair, free, and the customer's decision. */
export function LineBadges({ line }: { line: OrderLine }) {
  const { t, formatTime } = useI18n();

  return (
    <span className="orders-badges">
      {line.pendingDiagnosis && <span className="badge badge--warning">{t('orders.badge.pendingDiagnosis')}</span>}
      {line.addedDuringRepair && <span className="badge badge--info">{t('orders.badge.added')}</span>}
      {line.free && <span className="badge badge--success">{t('orders.badge.free')}</span>}
      {line.approval === 'approved' && <span className="badge badge--success">{t('orders.badge.approved')}</span>}
      {line.approval === 'declined' && <span className="badge badge--danger">{t('orders.badge.declined')}</span>}
      {line.approval === 'pending' && !line.pendingDiagnosis && <span className="badge badge--muted">{t('orders.badge.undecided')}</span>}
      {line.decidedVia === 'phone' && line.decidedAt && (
        <span className="badge badge--muted">{t('orders.badge.byPhone', { time: formatTime(line.decidedAt) })}</span>
      )}
    </span>
  );
}
