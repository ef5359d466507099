import { Link } from 'wouter';
import type { SigningState } from '../../domain/signing';
import { StorageFullError } from '../../db/storageErrors';
import { reportStorageError } from '../data/storage';
import { useI18n } from '../i18n/i18n';
import { checkinPrintPath } from './paths';
import type { SaveState } from './useCheckinDraft';

function isStorageDenied(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'SecurityError' || error.name === 'InvalidStateError');
}

interface SaveStatusProps {
  save: SaveState;
  signingState: SigningState | null;
  checkinId: string;
}

/** Shows whether the latest change is stored on the tablet, the signing state, and a link to the customer copy. */
export function SaveStatus({ save, signingState, checkinId }: SaveStatusProps) {
  const { t } = useI18n();

  let saveText: string | null = null;
  let saveFailed = false;
  switch (save.kind) {
    case 'idle':
      break;
    case 'saving':
      saveText = t('checkin.save.saving');
      break;
    case 'saved':
      saveText = t('checkin.save.saved');
      break;
    case 'failed':
      saveFailed = true;
      if (save.error instanceof StorageFullError || reportStorageError(save.error)) saveText = t('checkin.save.quota');
      else if (isStorageDenied(save.error)) saveText = t('checkin.save.storageDenied');
      else saveText = t('checkin.save.failed', { message: save.error instanceof Error ? save.error.message : String(save.error) });
      break;
  }

  const stateKey = signingState === null
    ? 'checkin.state.checking'
    : signingState === 'signed'
      ? 'checkin.state.signed'
      : signingState === 'changed_after_signing'
        ? 'checkin.state.changed'
        : 'checkin.state.unsigned';

  return (
    <div className="ck-status">
      <span className={`ck-state ck-state--${signingState ?? 'checking'}`} data-testid="signing-state" data-state={signingState ?? 'checking'}>
        {t(stateKey)}
      </span>
      {saveText && (
        <span className={saveFailed ? 'field__error' : 'ck-status__saved'} role={saveFailed ? 'alert' : 'status'} data-testid="save-status" data-save={save.kind}>
          {saveText}
        </span>
      )}
      <Link href={checkinPrintPath(checkinId)} className="button">{t('checkin.print.open')}</Link>
    </div>
  );
}
