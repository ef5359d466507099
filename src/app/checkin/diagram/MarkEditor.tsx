import { DAMAGE_KINDS, type DamageMark } from '../../../domain/schemas/checkin';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { DraftText } from '../DraftText';
import { PhotoPicker } from '../photos/PhotoPicker';
import { PhotoStrip } from '../photos/PhotoStrip';

interface MarkEditorProps {
  mark: DamageMark;
  locked: boolean;
  onChange: (change: (mark: DamageMark) => DamageMark) => void;
  onRemove: () => void;
}

// The schema allows 20 photos a mark.
const MAX_MARK_PHOTOS = 20;

/** Kind, note and photos of the selected damage mark, and the button that removes it. */
export function MarkEditor({ mark, locked, onChange, onRemove }: MarkEditorProps) {
  const { t } = useI18n();

  return (
    <section className="ck-card ck-mark-editor" aria-labelledby={`ck-mark-${mark.id}-title`} data-testid="mark-editor">
      <div className="ck-mark-editor__head">
        <h3 className="ck-card__title" id={`ck-mark-${mark.id}-title`}>
          <span className="ck-mark ck-mark--inline" aria-hidden="true">{mark.number}</span>
          {t(`checkin.view.${mark.view}` as MessageKey)}
        </h3>
        {!locked && (
          <button type="button" className="button button--quiet ck-danger-text" onClick={onRemove}>
            {t('checkin.damage.remove', { number: mark.number })}
          </button>
        )}
      </div>

      <div className="ck-chips" role="radiogroup" aria-label={t('checkin.damage.kind')}>
        {DAMAGE_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            role="radio"
            aria-checked={mark.kind === kind}
            className={`ck-chip${mark.kind === kind ? ' is-on' : ''}`}
            disabled={locked}
            onClick={() => onChange((current) => ({ ...current, kind }))}
          >
            {t(`checkin.kind.${kind}` as MessageKey)}
          </button>
        ))}
      </div>

      <div className="field">
        <label className="field__label" htmlFor={`ck-mark-note-${mark.id}`}>{t('checkin.damage.note')}</label>
        <DraftText
          key={mark.id}
          id={`ck-mark-note-${mark.id}`}
          value={mark.note}
          maxLength={500}
          placeholder={t('checkin.damage.notePlaceholder')}
          disabled={locked}
          onCommit={(note) => onChange((current) => ({ ...current, note }))}
        />
      </div>

      <div className="field">
        <span className="field__label">{t('checkin.damage.photos')}</span>
        <PhotoStrip
          photos={mark.photos}
          testId={`mark-${mark.number}-photos`}
          onRemove={locked ? undefined : (index) => onChange((current) => ({ ...current, photos: current.photos.filter((_, i) => i !== index) }))}
        />
        {mark.photos.length < MAX_MARK_PHOTOS && (
          <PhotoPicker
            name="mark-photo"
            disabled={locked}
            onAdd={(photos) => onChange((current) => ({ ...current, photos: [...current.photos, ...photos].slice(0, MAX_MARK_PHOTOS) }))}
          />
        )}
      </div>
    </section>
  );
}
