import { useState } from 'react';
import type { SigningState } from '../../domain/signing';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Notice } from '../components/Notice';
import { useI18n } from '../i18n/i18n';

interface SignedBannerProps {
  signingState: SigningState | null;
  locked: boolean;
  onUnlock: () => void;
  onGoSign: () => void;
  showGoSign: boolean;
}

/**
 * The signed sheet's lock: a notice with a "change" button that first warns that the
 * customer must sign again. After a change, a warning that a new signature is needed.
 */
export function SignedBanner({ signingState, locked, onUnlock, onGoSign, showGoSign }: SignedBannerProps) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);

  if (signingState === 'changed_after_signing') {
    return (
      <Notice tone="warning" actions={showGoSign ? <button type="button" className="button" onClick={onGoSign}>{t('checkin.changed.goSign')}</button> : undefined}>
        {t('checkin.changed.banner')}
      </Notice>
    );
  }
  if (signingState !== 'signed' || !locked) return null;

  return (
    <>
      <Notice tone="info" actions={<button type="button" className="button" onClick={() => setAsking(true)}>{t('checkin.signed.edit')}</button>}>
        {t('checkin.signed.banner')}
      </Notice>
      <ConfirmDialog
        open={asking}
        title={t('checkin.signed.edit')}
        confirmLabel={t('checkin.signed.editConfirm')}
        cancelLabel={t('action.cancel')}
        danger
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          onUnlock();
        }}
      >
        <p>{t('checkin.signed.editWarning')}</p>
      </ConfirmDialog>
    </>
  );
}
