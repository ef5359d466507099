import { Link } from 'wouter';
import { formatPlate } from '../../../domain/plate';
import type { Checkin } from '../../../domain/schemas/checkin';
import { useRxQuery } from '../../data/useRxQuery';
import { useCheckinSigningState } from '../../home/useSigningState';
import { useI18n } from '../../i18n/i18n';

// Check-ins of the last few days may still wait for their order (a car left overnight).
const LOOKBACK_MS = 3 * 24 * 60 * 60 * 1000;

function PendingCheckin({ checkin }: { checkin: Checkin }) {
  const { t, formatTime } = useI18n();
  const signing = useCheckinSigningState(checkin);

  return (
    <li className="orders-pending__item">
      <span className="orders-card__plate">{checkin.plate ? formatPlate(checkin.plate) : t('orders.board.noPlate')}</span>
      <span>{checkin.customerName}</span>
      <span className="orders-muted tabular">{formatTime(checkin.createdAt)} · {checkin.number}</span>
      {signing === 'signed' ? (
        <Link href={`/orders/new/${checkin.id}`} className="button button--primary">{t('orders.board.openOrder')}</Link>
      ) : (
        <span className="badge badge--muted">{t('orders.board.checkinUnsigned')}</span>
      )}
    </li>
  );
}

/** Recent check-ins without a repair order; a signed one can be turned into an order. */
export function PendingCheckins() {
  const { t } = useI18n();
  const since = new Date(Date.now() - LOOKBACK_MS).toISOString();
  const { data } = useRxQuery(
    (database) => database.checkins.find({ selector: { createdAt: { $gte: since } }, sort: [{ createdAt: 'desc' }] }),
    [since.slice(0, 13)],
  );
  const waiting = data.filter((checkin) => checkin.orderId === null);

  if (waiting.length === 0) return null;
  return (
    <section className="orders-panel orders-pending" aria-labelledby="orders-pending-title">
      <h2 id="orders-pending-title" className="orders-panel__title">{t('orders.board.pendingTitle')}</h2>
      <ul className="orders-pending__list">
        {waiting.map((checkin) => <PendingCheckin key={checkin.id} checkin={checkin} />)}
      </ul>
    </section>
  );
}
