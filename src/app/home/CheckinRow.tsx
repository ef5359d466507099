import { Link } from 'wouter';
import { maskMobile } from '../../domain/phone';
import { formatPlate } from '../../domain/plate';
import type { Checkin } from '../../domain/schemas/checkin';
import type { SigningState } from '../../domain/signing';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useCheckinSigningState } from './useSigningState';

const SIGNING_LABELS: Record<SigningState, MessageKey> = {
  unsigned: 'home.signing.unsigned',
  signed: 'home.signing.signed',
  changed_after_signing: 'home.signing.changed',
};

/** Renders one check-in of today's list. The whole row opens the sheet. */
export function CheckinRow({ checkin }: { checkin: Checkin }) {
  const { t, formatTime } = useI18n();
  const signing = useCheckinSigningState(checkin);
  const signingClass = signing ?? 'checking';

  return (
    <li>
      <Link href={`/checkin/${checkin.id}`} className="checkin-row" aria-label={t('home.openCheckin', { number: checkin.number })}>
        <span className="checkin-row__time tabular">{formatTime(checkin.createdAt)}</span>
        <span className="checkin-row__plate">{checkin.plate ? formatPlate(checkin.plate) : t('home.noPlate')}</span>
        <span className="checkin-row__customer">
          <span className="checkin-row__name">{checkin.customerName || t('home.noCustomer')}</span>
          {checkin.customerMobile && <span className="checkin-row__mobile tabular">{maskMobile(checkin.customerMobile)}</span>}
        </span>
        <span className="checkin-row__number tabular">{checkin.number}</span>
        <span className={`badge badge--${signingClass}`}>
          {t(signing ? SIGNING_LABELS[signing] : 'home.signing.checking')}
        </span>
      </Link>
    </li>
  );
}
