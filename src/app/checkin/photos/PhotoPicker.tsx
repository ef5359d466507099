import { useId, useState, type ChangeEvent } from 'react';
import { PHOTO_ACCEPT, type PhotoError } from '../../../domain/photo';
import type { BlobRef } from '../../../domain/schemas/common';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useStoreImage } from './blobStore';
import { shrinkPhoto } from './shrinkPhoto';

interface PhotoPickerProps {
  onAdd: (photos: BlobRef[]) => void;
  disabled: boolean;
  /** Distinguishes the inputs of several pickers on one screen in tests and labels. */
  name: string;
}

interface Failure {
  fileName: string;
  error: PhotoError | 'photo_store_failed';
}

/**
 * Shows two buttons: the camera (a file input with `capture`, which opens the rear camera on
 * a tablet) and the gallery. Each picked file is shrunk and stored as a blob. A file that
 * cannot be used is reported by name, and the others are still added.
 */
export function PhotoPicker({ onAdd, disabled, name }: PhotoPickerProps) {
  const { t } = useI18n();
  const inputId = useId();
  const storeImage = useStoreImage();
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<Failure[]>([]);

  const handleFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = Array.from(input.files ?? []);
    if (files.length === 0) return;
    setBusy(true);
    setFailures([]);

    const added: BlobRef[] = [];
    const failed: Failure[] = [];
    // One file at a time: decoding several large photos at once could exhaust a tablet's memory.
    for (const file of files) {
      const result = await shrinkPhoto(file);
      if (!result.ok) {
        failed.push({ fileName: file.name, error: result.error });
        continue;
      }
      try {
        added.push(await storeImage(result.photo.blob, result.photo));
      } catch (error) {
        console.warn('PhotoPicker: storing the photo failed', file.name, error);
        failed.push({ fileName: file.name, error: 'photo_store_failed' });
      }
    }

    // Clear the input so picking the same file again fires another change event.
    input.value = '';
    setBusy(false);
    setFailures(failed);
    if (added.length > 0) onAdd(added);
  };

  return (
    <div className="ck-photo-picker">
      <div className="ck-photo-picker__buttons">
        <label className={`button${disabled || busy ? ' is-disabled' : ''}`} htmlFor={`${inputId}-camera`}>
          <CameraIcon />
          {t('checkin.photo.camera')}
        </label>
        <input
          id={`${inputId}-camera`}
          className="visually-hidden"
          type="file"
          accept={PHOTO_ACCEPT}
          capture="environment"
          disabled={disabled || busy}
          data-testid={`${name}-camera`}
          onChange={(event) => void handleFiles(event)}
        />
        <label className={`button${disabled || busy ? ' is-disabled' : ''}`} htmlFor={`${inputId}-gallery`}>
          {t('checkin.photo.gallery')}
        </label>
        <input
          id={`${inputId}-gallery`}
          className="visually-hidden"
          type="file"
          accept={PHOTO_ACCEPT}
          multiple
          disabled={disabled || busy}
          data-testid={`${name}-gallery`}
          onChange={(event) => void handleFiles(event)}
        />
      </div>
      {busy && <p className="field__hint" role="status">{t('checkin.photo.processing')}</p>}
      {failures.map((failure) => (
        <p key={failure.fileName} className="field__error" role="alert">
          {t('checkin.photo.failed', { name: failure.fileName, message: t(`checkin.photoError.${failure.error}` as MessageKey) })}
        </p>
      ))}
    </div>
  );
}

/** Draws a camera outline at text size. */
export function CameraIcon() {
  return (
    <svg className="ck-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M4 7h3l2-3h6l2 3h3a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1z" />
      <circle cx="12" cy="13" r="4" />
    </svg>
  );
}
