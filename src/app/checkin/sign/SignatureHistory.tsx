import type { Signature } from '../../../domain/schemas/common';
import type { SigningState } from '../../../domain/signing';
import { useI18n } from '../../i18n/i18n';
import { useBlobView } from '../photos/blobStore';

/** Shows the stored PNG of a signature, or nothing while its bytes are not on this tablet. */
export function SignatureImage({ signature, className }: { signature: Signature; className?: string }) {
  const { t } = useI18n();
  const view = useBlobView(signature.image);
  if (view.status !== 'ready') return null;
  return (
    <img
      className={className ?? 'ck-signature__image'}
      src={view.url}
      alt={t('checkin.sign.signedBy', { name: signature.signerName, time: signature.signedAt })}
      data-testid="signature-image"
    />
  );
}

interface SignatureHistoryProps {
  signatures: readonly Signature[];
  signingState: SigningState | null;
}

/**
 * Lists every signature of the sheet, newest first. The latest is valid while the content
 * still has its hash. Earlier ones, and the latest after a change, are kept as superseded.
 */
export function SignatureHistory({ signatures, signingState }: SignatureHistoryProps) {
  const { t, formatDateTime } = useI18n();
  if (signatures.length === 0) return null;

  const latestIndex = signatures.length - 1;
  return (
    <section className="ck-card ck-signatures" aria-labelledby="ck-signatures-title">
      <h3 className="ck-card__title" id="ck-signatures-title">{t('checkin.sign.history')}</h3>
      <ol className="ck-signatures__list" reversed>
        {signatures.map((signature, index) => ({ signature, index })).reverse().map(({ signature, index }) => {
          const valid = index === latestIndex && signingState === 'signed';
          return (
            <li key={signature.id} className={`ck-signature${valid ? ' is-valid' : ' is-superseded'}`} data-testid="signature-entry">
              <SignatureImage signature={signature} />
              <div className="ck-signature__meta">
                <strong>{t('checkin.sign.signedBy', { name: signature.signerName, time: formatDateTime(signature.signedAt) })}</strong>
                <span className={valid ? 'ck-state ck-state--signed' : 'ck-state ck-state--changed'}>
                  {valid ? t('checkin.sign.current') : t('checkin.sign.superseded')}
                </span>
                <code className="ck-signature__hash">{t('checkin.sign.hash', { hash: signature.contentHash.slice(0, 16) })}</code>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
