import { useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { DIAGRAM_VIEWS, type DamageMark } from '../../../domain/schemas/checkin';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { CameraIcon, PhotoPicker } from '../photos/PhotoPicker';
import { PhotoStrip } from '../photos/PhotoStrip';
import type { DiagramViewName } from '../sheet';
import type { StepProps } from '../stepProps';
import { DiagramCanvas } from './DiagramCanvas';
import { MarkEditor } from './MarkEditor';

// Limits of the check-in schema.
const MAX_MARKS = 200;
const MAX_SHEET_PHOTOS = 50;

interface DamageStepProps extends StepProps {
  view: DiagramViewName;
  onViewChange: (view: DiagramViewName) => void;
}

/** Step 2: the walkaround. Damage marks on the five views of the car, each with kind, note and photos. */
export function DamageStep({ checkin, update, locked, view, onViewChange }: DamageStepProps) {
  const { t } = useI18n();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const marks = checkin.damageMarks;
  const selected = marks.find((mark) => mark.id === selectedId) ?? null;

  const addMark = (x: number, y: number) => {
    if (marks.length >= MAX_MARKS) return;
    const id = uuidv7();
    update((current) => {
      const number = current.damageMarks.reduce((highest, mark) => Math.max(highest, mark.number), 0) + 1;
      const mark: DamageMark = { id, number, view, x, y, kind: 'scratch', note: '', photos: [] };
      return { ...current, damageMarks: [...current.damageMarks, mark] };
    });
    setSelectedId(id);
  };

  const changeMark = (id: string, change: (mark: DamageMark) => DamageMark) => {
    update((current) => ({ ...current, damageMarks: current.damageMarks.map((mark) => (mark.id === id ? change(mark) : mark)) }));
  };

  const removeMark = (id: string) => {
    update((current) => ({ ...current, damageMarks: current.damageMarks.filter((mark) => mark.id !== id) }));
    setSelectedId(null);
  };

  const selectMark = (mark: DamageMark) => {
    setSelectedId(mark.id);
    if (mark.view !== view) onViewChange(mark.view);
  };

  return (
    <div className="ck-step ck-damage">
      <div className="ck-damage__diagram">
        <div className="ck-segmented" role="tablist" aria-label={t('checkin.damage.views')}>
          {DIAGRAM_VIEWS.map((name) => {
            const count = marks.filter((mark) => mark.view === name).length;
            return (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={name === view}
                className={`ck-segmented__item${name === view ? ' is-on' : ''}`}
                onClick={() => onViewChange(name)}
              >
                {t(`checkin.view.${name}` as MessageKey)}
                {count > 0 && <span className="ck-badge">{count}</span>}
              </button>
            );
          })}
        </div>
        <p className="field__hint">{locked ? t('checkin.damage.locked') : t('checkin.damage.hint')}</p>
        <DiagramCanvas
          view={view}
          marks={marks.filter((mark) => mark.view === view)}
          selectedId={selectedId}
          readOnly={locked}
          onAdd={addMark}
          onMove={(id, x, y) => changeMark(id, (mark) => ({ ...mark, x, y }))}
          onSelect={setSelectedId}
        />
      </div>

      <div className="ck-damage__side">
        {selected ? (
          <MarkEditor
            mark={selected}
            locked={locked}
            onChange={(change) => changeMark(selected.id, change)}
            onRemove={() => removeMark(selected.id)}
          />
        ) : (
          marks.length > 0 && <p className="field__hint">{t('checkin.damage.selectHint')}</p>
        )}

        <section className="ck-card">
          <h3 className="ck-card__title">{marks.length === 0 ? t('checkin.damage.title') : t('checkin.damage.count', { count: marks.length })}</h3>
          {marks.length === 0 ? (
            <p className="field__hint">{t('checkin.damage.none')}</p>
          ) : (
            <ul className="ck-mark-list">
              {marks.map((mark) => (
                <li key={mark.id}>
                  <button
                    type="button"
                    className={`ck-mark-list__item${mark.id === selectedId ? ' is-on' : ''}`}
                    aria-pressed={mark.id === selectedId}
                    onClick={() => selectMark(mark)}
                  >
                    <span className="ck-mark ck-mark--inline" aria-hidden="true">{mark.number}</span>
                    <span>{t(`checkin.kind.${mark.kind}` as MessageKey)} · {t(`checkin.view.${mark.view}` as MessageKey)}</span>
                    {mark.photos.length > 0 && (
                      <span className="ck-mark-list__meta">
                        <CameraIcon />
                        {mark.photos.length}
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="ck-card">
          <h3 className="ck-card__title">{t('checkin.photo.general')}</h3>
          <PhotoStrip
            photos={checkin.photos}
            testId="sheet-photos"
            onRemove={locked ? undefined : (index) => update((current) => ({ ...current, photos: current.photos.filter((_, i) => i !== index) }))}
          />
          {checkin.photos.length < MAX_SHEET_PHOTOS && (
            <PhotoPicker
              name="sheet-photo"
              disabled={locked}
              onAdd={(photos) => update((current) => ({ ...current, photos: [...current.photos, ...photos].slice(0, MAX_SHEET_PHOTOS) }))}
            />
          )}
        </section>
      </div>
    </div>
  );
}
