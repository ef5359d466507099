import { DIAGRAM_VIEWS, type Checkin } from '../../../domain/schemas/checkin';
import { formatPlate } from '../../../domain/plate';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { DiagramCanvas } from '../diagram/DiagramCanvas';

const KIT_ITEMS = ['seatCover', 'steeringWheelCover', 'floorMat', 'gearLeverCover'] as const;

/** Shows the sheet as the customer reads it before signing: large, calm, read-only. */
export function SheetReview({ checkin }: { checkin: Checkin }) {
  const { t } = useI18n();
  const none = t('checkin.print.none');
  const separator = t('checkin.listSeparator');
  const kit = KIT_ITEMS.filter((item) => checkin.protectiveKit[item]).map((item) => t(`checkin.kit.${item}` as MessageKey));
  const lights = checkin.warningLights.map((light) => t(`checkin.light.${light}` as MessageKey));
  const markedViews = DIAGRAM_VIEWS.filter((view) => checkin.damageMarks.some((mark) => mark.view === view));

  const rows: Array<[MessageKey, string]> = [
    ['checkin.print.vehicle', `${formatPlate(checkin.plate)} · ${checkin.vehicleModel} · ${checkin.vin}`],
    ['checkin.print.customer', checkin.customerName || none],
    ['checkin.intake.mileage', checkin.mileageKm === null ? t('checkin.review.notRecorded') : t('checkin.print.kmValue', { km: checkin.mileageKm.toLocaleString() })],
    ['checkin.intake.fuel', checkin.fuelEighths === null ? t('checkin.intake.fuelUnset') : t('checkin.intake.fuelValue', { eighths: checkin.fuelEighths })],
    ['checkin.review.kit', kit.length > 0 ? kit.join(separator) : none],
    ['checkin.review.valuables', checkin.valuablesReminded ? t('checkin.print.yes') : t('checkin.print.no')],
    ['checkin.intake.itemsLeft', checkin.itemsLeftInCar || none],
    ['checkin.review.lights', lights.length > 0 ? lights.join(separator) : t('checkin.intake.noWarningLights')],
    ['checkin.requests.offered', checkin.offeredServices.length > 0 ? checkin.offeredServices.join(separator) : none],
  ];

  return (
    <section className="ck-card ck-review" aria-labelledby="ck-review-title">
      <h3 className="ck-card__title" id="ck-review-title">{t('checkin.sign.review')}</h3>
      <dl className="ck-review__list">
        {rows.map(([label, value]) => (
          <div key={label} className="ck-review__row">
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div className="ck-review__row">
          <dt>{t('checkin.requests.title')}</dt>
          <dd>
            {checkin.customerRequests.length === 0 ? none : (
              <ol className="ck-review__requests">
                {checkin.customerRequests.map((request, index) => <li key={index}>{request}</li>)}
              </ol>
            )}
          </dd>
        </div>
        <div className="ck-review__row">
          <dt>{t('checkin.print.marks')}</dt>
          <dd>
            {checkin.damageMarks.length === 0 ? none : (
              <ul className="ck-review__marks">
                {checkin.damageMarks.map((mark) => (
                  <li key={mark.id}>
                    <span className="ck-mark ck-mark--inline" aria-hidden="true">{mark.number}</span>
                    {t(`checkin.kind.${mark.kind}` as MessageKey)} · {t(`checkin.view.${mark.view}` as MessageKey)}
                    {mark.note && ` · ${mark.note}`}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      {markedViews.length > 0 && (
        <div className="ck-review__views">
          {markedViews.map((view) => (
            <DiagramCanvas key={view} view={view} marks={checkin.damageMarks.filter((mark) => mark.view === view)} readOnly />
          ))}
        </div>
      )}
    </section>
  );
}
