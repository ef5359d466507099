import type { Checkin } from '../../../domain/schemas/checkin';
import { useI18n, type MessageKey } from '../../i18n/i18n';

const KIT_ITEMS = ['seatCover', 'steeringWheelCover', 'floorMat', 'gearLeverCover'] as const;

/** Shows the recorded condition on the customer copy: mileage, fuel, kit, valuables, lights, requests and offers. */
export function PrintDetails({ checkin }: { checkin: Checkin }) {
  const { t } = useI18n();
  const none = t('checkin.print.none');
  const separator = t('checkin.listSeparator');
  const lights = checkin.warningLights.map((light) => t(`checkin.light.${light}` as MessageKey));

  return (
    <>
      <dl className="ck-print__grid">
        <div>
          <dt>{t('checkin.intake.mileage')}</dt>
          <dd>{checkin.mileageKm === null ? t('checkin.review.notRecorded') : t('checkin.print.kmValue', { km: checkin.mileageKm.toLocaleString() })}</dd>
        </div>
        <div>
          <dt>{t('checkin.intake.fuel')}</dt>
          <dd>
            <span className="ck-print__fuel" aria-hidden="true">
              {Array.from({ length: 8 }, (_, index) => (
                <span key={index} className={checkin.fuelEighths !== null && index < checkin.fuelEighths ? 'is-filled' : ''} />
              ))}
            </span>
            {checkin.fuelEighths === null ? t('checkin.review.notRecorded') : t('checkin.intake.fuelValue', { eighths: checkin.fuelEighths })}
          </dd>
        </div>
        <div>
          <dt>{t('checkin.review.kit')}</dt>
          <dd className="ck-print__checks">
            {KIT_ITEMS.map((item) => (
              <span key={item}>{checkin.protectiveKit[item] ? '☑' : '☐'} {t(`checkin.kit.${item}` as MessageKey)}</span>
            ))}
          </dd>
        </div>
        <div>
          <dt>{t('checkin.review.valuables')}</dt>
          <dd>{checkin.valuablesReminded ? t('checkin.print.yes') : t('checkin.print.no')}</dd>
        </div>
        <div>
          <dt>{t('checkin.intake.itemsLeft')}</dt>
          <dd>{checkin.itemsLeftInCar || none}</dd>
        </div>
        <div>
          <dt>{t('checkin.review.lights')}</dt>
          <dd>{lights.length > 0 ? lights.join(separator) : t('checkin.intake.noWarningLights')}</dd>
        </div>
      </dl>

      <section className="ck-print__section ck-print__columns">
        <div>
          <h2>{t('checkin.requests.title')}</h2>
          {checkin.customerRequests.length === 0 ? <p>{none}</p> : (
            <ol>{checkin.customerRequests.map((request, index) => <li key={index}>{request}</li>)}</ol>
          )}
        </div>
        <div>
          <h2>{t('checkin.requests.offered')}</h2>
          {checkin.offeredServices.length === 0 ? <p>{none}</p> : (
            <ul>{checkin.offeredServices.map((offer, index) => <li key={index}>{offer}</li>)}</ul>
          )}
        </div>
      </section>
    </>
  );
}
