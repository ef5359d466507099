import type { Signature } from '../../../domain/schemas/common';
import type { SigningState } from '../../../domain/signing';
import { useI18n } from '../../i18n/i18n';
import { SignatureStrokes } from './SignatureStrokes';

interface OrderSignaturesProps {
  title: string;
  signatures: readonly Signature[];
  state: SigningState | null;
}

/** Lists every signature of one paper, newest first. Only the latest is valid, and only over unchanged content. */
export function OrderSignatures({ title, signatures, state }: OrderSignaturesProps) {
  const { t, formatDateTime } = useI18n();
  if (signatures.length === 0) return null;
  const latestIndex = signatures.length - 1;

  return (
    <section className="orders-panel orders-signatures" aria-label={title}>
      <h2 className="orders-panel__title">{title}</h2>
      <ol className="orders-signatures__list" reversed>
        {signatures.map((signature, index) => ({ signature, index })).reverse().map(({ signature, index }) => {
          const valid = index === latestIndex && state === 'signed';
          const signedBy = t('orders.sign.signedBy', { name: signature.signerName, time: formatDateTime(signature.signedAt) });
          return (
            <li key={signature.id} className={`orders-signature ${valid ? 'orders-signature--valid' : 'orders-signature--superseded'}`} data-testid="order-signature">
              <SignatureStrokes signature={signature} label={signedBy} />
              <div className="orders-signature__meta">
                <strong>{signedBy}</strong>
                <span className={`badge ${valid ? 'badge--success' : 'badge--muted'}`}>{valid ? t('orders.sign.valid') : t('orders.sign.superseded')}</span>
                <code className="orders-muted">{t('orders.sign.hash', { hash: signature.contentHash.slice(0, 16) })}</code>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
