import { useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { updateDocument } from '../../db/repository';
import { formatPlate } from '../../domain/plate';
import type { Checkin } from '../../domain/schemas/checkin';
import type { Vehicle } from '../../domain/schemas/vehicle';
import { useDatabase } from '../data/DatabaseContext';
import { useRxDocument } from '../data/useRxQuery';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useWriteContext } from '../session/SessionContext';
import { ConflictList } from './ConflictList';
import { DamageStep } from './diagram/DamageStep';
import { SaveStatus } from './SaveStatus';
import { SignedBanner } from './SignedBanner';
import { StepIntake } from './intake/StepIntake';
import { StepRequests } from './StepRequests';
import { StepSign } from './sign/StepSign';
import { useSigning } from './sign/useSigning';
import { CHECKIN_STEPS, loadPosition, savePosition, type CheckinStep, type SheetPosition } from './sheet';
import { useCheckinDraft } from './useCheckinDraft';

/** Loads a sheet by id and shows the editor, or a message while loading or when it does not exist. */
export function CheckinEditorScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const database = useDatabase();
  const context = useWriteContext();
  const draft = useCheckinDraft(database, context, id);

  switch (draft.state.kind) {
    case 'loading':
      return <div className="status-screen" role="status">{t('checkin.loading')}</div>;
    case 'missing':
      return (
        <div className="status-screen">
          <p>{t('checkin.notFound')}</p>
          <Link href="/" className="button">{t('checkin.backHome')}</Link>
        </div>
      );
    case 'ready':
      return <CheckinEditor checkin={draft.state.checkin} draft={draft} />;
  }
}

interface CheckinEditorProps {
  checkin: Checkin;
  draft: ReturnType<typeof useCheckinDraft>;
}

function CheckinEditor({ checkin, draft }: CheckinEditorProps) {
  const { t } = useI18n();
  const database = useDatabase();
  const context = useWriteContext();
  const vehicle = useRxDocument('vehicles', checkin.vehicleId);
  const signing = useSigning(checkin);
  const [position, setPosition] = useState<SheetPosition>(() => loadPosition(checkin.id));
  const [unlocked, setUnlocked] = useState(false);

  // Until the hash is known, a sheet with signatures counts as signed, so it is never editable by accident.
  const signedNow = signing.state === 'signed' || (signing.state === null && checkin.signatures.length > 0);
  const locked = signedNow && !unlocked;

  const move = useCallback((next: Partial<SheetPosition>) => {
    setPosition((current) => {
      const merged = { ...current, ...next };
      savePosition(checkin.id, merged);
      return merged;
    });
  }, [checkin.id]);

  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [position.step]);

  const recordMileage = async () => {
    const mileage = checkin.mileageKm;
    if (mileage === null || !vehicle.data || mileage <= vehicle.data.lastMileageKm) return;
    try {
      await updateDocument(database, 'vehicles', checkin.vehicleId, (current) => ({ ...(current as Vehicle), lastMileageKm: mileage }), context);
    } catch (error) {
      // The sheet is signed and stored; the vehicle file catches up at the next visit.
      console.warn('CheckinEditor: updating the vehicle mileage failed', checkin.vehicleId, error);
    }
  };

  const stepIndex = CHECKIN_STEPS.indexOf(position.step);
  const stepProps = { checkin, update: draft.update, locked, lastMileageKm: vehicle.data?.lastMileageKm ?? null };

  const renderStep = (step: CheckinStep) => {
    switch (step) {
      case 'intake':
        return <StepIntake {...stepProps} />;
      case 'damage':
        return <DamageStep {...stepProps} view={position.view} onViewChange={(view) => move({ view })} />;
      case 'requests':
        return <StepRequests {...stepProps} />;
      case 'sign':
        return (
          <StepSign
            {...stepProps}
            signingState={signing.state}
            flush={draft.flush}
            onSigned={() => {
              setUnlocked(false);
              void recordMileage();
            }}
          />
        );
    }
  };

  return (
    <div className={`ck-screen ck-editor ck-editor--${position.step}`}>
      <header className="ck-editor__head">
        <div className="ck-editor__identity">
          <h1 className="ck-screen__title">{t('checkin.titleWithNumber', { number: checkin.number })}</h1>
          <p className="ck-editor__vehicle">
            <strong className="ck-plate">{formatPlate(checkin.plate)}</strong>
            <span>{checkin.vehicleModel}</span>
            <span>{checkin.customerName}</span>
          </p>
        </div>
        <SaveStatus save={draft.save} signingState={signing.state} checkinId={checkin.id} />
      </header>

      <ConflictList checkin={checkin} update={draft.update} locked={locked} />
      <SignedBanner
        signingState={signing.state}
        locked={locked}
        onUnlock={() => setUnlocked(true)}
        onGoSign={() => move({ step: 'sign' })}
        showGoSign={position.step !== 'sign'}
      />

      <nav className="ck-steps" aria-label={t('checkin.step.navigation')}>
        {CHECKIN_STEPS.map((step, index) => (
          <button
            key={step}
            type="button"
            className={`ck-steps__item${step === position.step ? ' is-on' : ''}`}
            aria-current={step === position.step ? 'step' : undefined}
            onClick={() => move({ step })}
          >
            <span className="ck-steps__number">{index + 1}</span>
            {t(`checkin.step.${step}` as MessageKey)}
          </button>
        ))}
      </nav>

      <div className="ck-editor__body">{renderStep(position.step)}</div>

      <footer className="ck-editor__foot">
        {stepIndex > 0 && (
          <button type="button" className="button button--large" onClick={() => move({ step: CHECKIN_STEPS[stepIndex - 1] })}>
            {t('checkin.step.previous')}
          </button>
        )}
        <span className="ck-editor__spacer" />
        {stepIndex < CHECKIN_STEPS.length - 1 && (
          <button type="button" className="button button--primary button--large" onClick={() => move({ step: CHECKIN_STEPS[stepIndex + 1] })}>
            {t('checkin.step.next')}
          </button>
        )}
      </footer>
    </div>
  );
}
