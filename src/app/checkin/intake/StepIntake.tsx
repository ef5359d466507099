import { useState } from 'react';
import type { Checkin } from '../../../domain/schemas/checkin';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { DraftText } from '../DraftText';
import { parseMileageInput } from '../sheet';
import type { StepProps } from '../stepProps';
import { FuelGauge } from './FuelGauge';
import { WarningLights } from './WarningLights';

const KIT_ITEMS = ['seatCover', 'steeringWheelCover', 'floorMat', 'gearLeverCover'] as const satisfies ReadonlyArray<keyof Checkin['protectiveKit']>;

/** Step 1: mileage, fuel, protective kit, valuables and items left, warning lights. */
export function StepIntake({ checkin, update, locked, lastMileageKm }: StepProps) {
  const { t } = useI18n();
  const [mileageInvalid, setMileageInvalid] = useState(false);

  const commitMileage = (text: string) => {
    const parsed = parseMileageInput(text);
    setMileageInvalid(!parsed.ok);
    if (parsed.ok) update((current) => ({ ...current, mileageKm: parsed.km }));
  };

  const mileageBelowLast = checkin.mileageKm !== null && lastMileageKm !== null && checkin.mileageKm < lastMileageKm;

  return (
    <div className="ck-step ck-intake">
      <section className="ck-card">
        <div className="field">
          <label className="field__label" htmlFor="ck-mileage">{t('checkin.intake.mileage')}</label>
          <DraftText
            id="ck-mileage"
            value={checkin.mileageKm === null ? '' : String(checkin.mileageKm)}
            onCommit={commitMileage}
            inputMode="numeric"
            maxLength={12}
            disabled={locked}
            invalid={mileageInvalid}
            describedBy="ck-mileage-hint"
            className="field__input ck-mileage__input tabular"
          />
          <span id="ck-mileage-hint" className={mileageInvalid || mileageBelowLast ? 'field__error' : 'field__hint'} role={mileageInvalid ? 'alert' : undefined}>
            {mileageInvalid
              ? t('checkin.intake.mileageInvalid')
              : mileageBelowLast
                ? t('checkin.intake.mileageLower', { km: lastMileageKm.toLocaleString() })
                : lastMileageKm !== null && lastMileageKm > 0
                  ? t('checkin.intake.mileageHint', { km: lastMileageKm.toLocaleString() })
                  : '\u00a0'}
          </span>
        </div>

        <div className="field">
          <span className="field__label">{t('checkin.intake.fuel')}</span>
          <FuelGauge value={checkin.fuelEighths} disabled={locked} onChange={(eighths) => update((current) => ({ ...current, fuelEighths: eighths }))} />
        </div>
      </section>

      <section className="ck-card">
        <h3 className="ck-card__title">{t('checkin.intake.kit')}</h3>
        <div className="ck-toggles">
          {KIT_ITEMS.map((item) => (
            <label key={item} className={`ck-toggle${checkin.protectiveKit[item] ? ' is-on' : ''}`}>
              <input
                type="checkbox"
                checked={checkin.protectiveKit[item]}
                disabled={locked}
                onChange={(event) => {
                  const checked = event.target.checked;
                  update((current) => ({ ...current, protectiveKit: { ...current.protectiveKit, [item]: checked } }));
                }}
              />
              {t(`checkin.kit.${item}` as MessageKey)}
            </label>
          ))}
        </div>

        <label className={`ck-toggle ck-toggle--wide${checkin.valuablesReminded ? ' is-on' : ''}`}>
          <input
            type="checkbox"
            checked={checkin.valuablesReminded}
            disabled={locked}
            onChange={(event) => {
              const checked = event.target.checked;
              update((current) => ({ ...current, valuablesReminded: checked }));
            }}
          />
          {t('checkin.intake.valuables')}
        </label>

        <div className="field">
          <label className="field__label" htmlFor="ck-items-left">{t('checkin.intake.itemsLeft')}</label>
          <DraftText
            id="ck-items-left"
            value={checkin.itemsLeftInCar}
            onCommit={(text) => update((current) => ({ ...current, itemsLeftInCar: text }))}
            maxLength={1000}
            placeholder={t('checkin.intake.itemsLeftHint')}
            disabled={locked}
          />
        </div>
      </section>

      <section className="ck-card ck-intake__lights">
        <h3 className="ck-card__title">{t('checkin.intake.warningLights')}</h3>
        <WarningLights value={checkin.warningLights} disabled={locked} onChange={(lights) => update((current) => ({ ...current, warningLights: lights }))} />
      </section>
    </div>
  );
}
