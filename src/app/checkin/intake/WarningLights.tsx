import { WARNING_LIGHTS, type Checkin } from '../../../domain/schemas/checkin';
import type { MessageKey } from '../../i18n/i18n';
import { useI18n } from '../../i18n/i18n';

type WarningLight = Checkin['warningLights'][number];

// Red lights mean stop driving; amber ones mean a check is due (the usual dashboard colours).
const RED_LIGHTS: ReadonlySet<WarningLight> = new Set(['oil_pressure', 'battery', 'brake', 'airbag', 'coolant_temperature']);

function LightIcon({ light }: { light: WarningLight }) {
  const tone = RED_LIGHTS.has(light) ? 'ck-light__icon--red' : 'ck-light__icon--amber';
  return (
    <svg className={`ck-light__icon ${tone}`} viewBox="0 0 24 24" aria-hidden="true">
      <path d="M12 2 L23 21 H1 Z" />
      <rect x="11" y="8" width="2" height="7" className="ck-light__mark" />
      <rect x="11" y="17" width="2" height="2" className="ck-light__mark" />
    </svg>
  );
}

interface WarningLightsProps {
  value: readonly WarningLight[];
  onChange: (lights: WarningLight[]) => void;
  disabled: boolean;
}

/** Toggle chips for the dashboard warning lights that were on when the car arrived. */
export function WarningLights({ value, onChange, disabled }: WarningLightsProps) {
  const { t } = useI18n();

  const toggle = (light: WarningLight) => {
    const next = value.includes(light) ? value.filter((item) => item !== light) : [...value, light];
    // Keep the catalogue order, so the same lights always give the same content hash.
    onChange(WARNING_LIGHTS.filter((item) => next.includes(item)));
  };

  return (
    <div className="ck-chips" role="group" aria-label={t('checkin.intake.warningLights')}>
      {WARNING_LIGHTS.map((light) => (
        <button
          key={light}
          type="button"
          className={`ck-chip${value.includes(light) ? ' is-on' : ''}`}
          aria-pressed={value.includes(light)}
          disabled={disabled}
          onClick={() => toggle(light)}
        >
          <LightIcon light={light} />
          {t(`checkin.light.${light}` as MessageKey)}
        </button>
      ))}
    </div>
  );
}
