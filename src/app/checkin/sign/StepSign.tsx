import { useRef, useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { CHECKIN_UNSIGNED_FIELDS } from '../../../domain/schemas/checkin';
import { signatureSchema, type Signature } from '../../../domain/schemas/common';
import { contentHash, type SigningState } from '../../../domain/signing';
import { fieldErrorText } from '../../forms/fieldError';
import { useI18n } from '../../i18n/i18n';
import { useStoreImage } from '../photos/blobStore';
import type { StepProps } from '../stepProps';
import { SheetReview } from './SheetReview';
import { SignatureHistory } from './SignatureHistory';
import { SignaturePadField, type SignaturePadHandle } from './SignaturePadField';
import { PAD_ASPECT_RATIO, type Stroke } from './strokes';

interface StepSignProps extends StepProps {
  signingState: SigningState | null;
  /** Writes the sheet with the new signature to IndexedDB at once. */
  flush: () => Promise<void>;
  onSigned: (signature: Signature) => void;
}

type SignError = { field: 'signerName' | 'signature'; code: string } | { field: 'save'; message: string };

/** Step 4: the customer reads the sheet and signs with a finger; large and calm, for the customer. */
export function StepSign({ checkin, update, signingState, flush, onSigned }: StepSignProps) {
  const { t } = useI18n();
  const storeImage = useStoreImage();
  const nameRef = useRef<HTMLInputElement>(null);
  const padRef = useRef<SignaturePadHandle>(null);
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const [error, setError] = useState<SignError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const signed = signingState === 'signed';

  const submit = async () => {
    const signerName = nameRef.current?.value.trim() ?? '';
    if (signerName === '') {
      setError({ field: 'signerName', code: 'signer_name_required' });
      nameRef.current?.focus();
      return;
    }
    if (strokes.length === 0) {
      setError({ field: 'signature', code: 'signature_empty' });
      return;
    }

    setSubmitting(true);
    setError(null);
    try {
      const png = await padRef.current!.toPng();
      const image = await storeImage(png.blob, { mimeType: 'image/png', width: png.width, height: png.height });
      const signature = signatureSchema.parse({
        id: uuidv7(),
        signerName,
        signedAt: new Date().toISOString(),
        contentHash: await contentHash(checkin, CHECKIN_UNSIGNED_FIELDS),
        padAspectRatio: PAD_ASPECT_RATIO,
        strokes,
        image,
      });
      // Signatures are append-only: earlier ones stay with the hash of what they covered.
      update((current) => ({ ...current, signatures: [...current.signatures, signature] }));
      await flush();
      setStrokes([]);
      onSigned(signature);
    } catch (failure) {
      console.warn('StepSign: saving the signature failed', failure);
      setError({ field: 'save', message: failure instanceof Error ? failure.message : String(failure) });
    } finally {
      setSubmitting(false);
    }
  };

  const errorText = error === null
    ? null
    : error.field === 'save'
      ? t('checkin.sign.failed', { message: error.message })
      : fieldErrorText(t, error.field, { code: error.code });

  return (
    <div className="ck-step ck-sign">
      <h2 className="ck-sign__title">{t('checkin.sign.title')}</h2>
      <SheetReview checkin={checkin} />

      {!signed && (
        <section className="ck-card ck-sign__pad-card">
          <p className="ck-sign__confirm">{t('checkin.sign.confirmText')}</p>
          <div className="field">
            <label className="field__label" htmlFor="ck-signer">{t('checkin.sign.signerName')}</label>
            <input
              id="ck-signer"
              ref={nameRef}
              className="field__input ck-sign__name"
              type="text"
              autoComplete="off"
              maxLength={80}
              defaultValue={checkin.customerName}
              aria-invalid={error?.field === 'signerName' || undefined}
            />
          </div>
          <SignaturePadField
            ref={padRef}
            strokes={strokes}
            onChange={(next) => {
              setStrokes(next);
              if (error?.field === 'signature') setError(null);
            }}
            disabled={submitting}
            invalid={error?.field === 'signature'}
            describedBy={errorText ? 'ck-sign-error' : undefined}
          />
          {errorText && <p id="ck-sign-error" className="field__error" role="alert">{errorText}</p>}
          <div className="ck-sign__actions">
            <button type="button" className="button button--large" disabled={submitting || strokes.length === 0} onClick={() => setStrokes([])}>
              {t('checkin.sign.clear')}
            </button>
            <button type="button" className="button button--primary button--large" disabled={submitting} onClick={() => void submit()}>
              {submitting ? t('checkin.sign.submitting') : t('checkin.sign.submit')}
            </button>
          </div>
        </section>
      )}

      <SignatureHistory signatures={checkin.signatures} signingState={signingState} />
    </div>
  );
}
