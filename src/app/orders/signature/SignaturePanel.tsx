import { useId, useRef, useState } from 'react';
import { useStoreImage } from '../../checkin/photos/blobStore';
import { SignaturePadField, type SignaturePadHandle } from '../../checkin/sign/SignaturePadField';
import { PAD_ASPECT_RATIO, type Stroke } from '../../checkin/sign/strokes';
import { fieldErrorText } from '../../forms/fieldError';
import { useI18n } from '../../i18n/i18n';
import type { SignatureInput } from '../model/signing';

interface SignaturePanelProps {
  /** The sentence the customer confirms by signing. */
  confirmText: string;
  defaultSignerName: string;
  /** Translated reasons the paper cannot be signed yet. Signing stays disabled while any is listed. */
  blockers: string[];
  /** Stores the signature; resolves with an error message to show, or null when it was stored. */
  onSign: (input: SignatureInput) => Promise<string | null>;
}

type PanelError = { field: 'signerName' | 'signature'; code: string } | { field: 'save'; message: string };

/**
 * Takes the customer's name and finger signature on the check-in's signature pad. The strokes
 * are kept as fractions of the pad, and a PNG goes to the tablet's blob store.
 */
export function SignaturePanel({ confirmText, defaultSignerName, blockers, onSign }: SignaturePanelProps) {
  const { t } = useI18n();
  const storeImage = useStoreImage();
  const nameId = useId();
  const errorId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const padRef = useRef<SignaturePadHandle>(null);
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const [error, setError] = useState<PanelError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const blocked = blockers.length > 0;

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
      const failure = await onSign({ signerName, strokes, padAspectRatio: PAD_ASPECT_RATIO, image });
      if (failure === null) setStrokes([]);
      else setError({ field: 'save', message: failure });
    } catch (caught) {
      console.warn('SignaturePanel: saving the signature failed', caught);
      setError({ field: 'save', message: caught instanceof Error ? caught.message : String(caught) });
    } finally {
      setSubmitting(false);
    }
  };

  const errorText = error === null
    ? null
    : error.field === 'save'
      ? t('orders.sign.failed', { message: error.message })
      : fieldErrorText(t, error.field, { code: error.code });

  return (
    <section className="orders-sign">
      <p className="orders-sign__confirm">{confirmText}</p>
      {blocked && (
        <ul className="orders-sign__blockers" role="status">
          {blockers.map((text) => <li key={text}>{text}</li>)}
        </ul>
      )}
      <div className="field">
        <label className="field__label" htmlFor={nameId}>{t('orders.sign.signerName')}</label>
        <input id={nameId} ref={nameRef} className="field__input orders-sign__name" type="text" autoComplete="off" maxLength={80} defaultValue={defaultSignerName} aria-invalid={error?.field === 'signerName' || undefined} />
      </div>
      <SignaturePadField
        ref={padRef}
        strokes={strokes}
        onChange={(next) => {
          setStrokes(next);
          if (error?.field === 'signature') setError(null);
        }}
        disabled={submitting || blocked}
        invalid={error?.field === 'signature'}
        describedBy={errorText ? errorId : undefined}
      />
      {errorText && <p id={errorId} className="field__error" role="alert">{errorText}</p>}
      <div className="orders-sign__actions">
        <button type="button" className="button button--large" disabled={submitting || strokes.length === 0} onClick={() => setStrokes([])}>
          {t('orders.sign.clear')}
        </button>
        <button type="button" className="button button--primary button--large" disabled={submitting || blocked} onClick={() => void submit()}>
          {submitting ? t('orders.sign.submitting') : t('orders.sign.submit')}
        </button>
      </div>
    </section>
  );
}
