import { FUEL_EIGHTHS_MAX } from '../../../domain/schemas/checkin';
import { useI18n } from '../../i18n/i18n';

interface FuelGaugeProps {
  value: number | null;
  onChange: (eighths: number) => void;
  disabled: boolean;
}

const LEVELS = Array.from({ length: FUEL_EIGHTHS_MAX + 1 }, (_, eighths) => eighths);

/** A fuel gauge in eighths: tap a segment to set the level, the E button for empty. */
export function FuelGauge({ value, onChange, disabled }: FuelGaugeProps) {
  const { t } = useI18n();

  return (
    <div className="ck-fuel">
      <div className="ck-fuel__segments" role="group" aria-label={t('checkin.intake.fuel')}>
        {LEVELS.map((eighths) => (
          <button
            key={eighths}
            type="button"
            className={`ck-fuel__segment${eighths === 0 ? ' ck-fuel__segment--empty' : ''}${value !== null && eighths > 0 && eighths <= value ? ' is-filled' : ''}${value === eighths ? ' is-current' : ''}`}
            aria-label={t('checkin.intake.fuelSet', { eighths })}
            aria-pressed={value === eighths}
            disabled={disabled}
            onClick={() => onChange(eighths)}
          >
            {eighths === 0 ? t('checkin.intake.fuelEmpty') : eighths === FUEL_EIGHTHS_MAX ? t('checkin.intake.fuelFull') : ''}
          </button>
        ))}
      </div>
      <output className="ck-fuel__value tabular" data-testid="fuel-value">
        {value === null ? t('checkin.intake.fuelUnset') : t('checkin.intake.fuelValue', { eighths: value })}
      </output>
    </div>
  );
}
