import type { Signature } from '../../../domain/schemas/common';
import type { SigningState } from '../../../domain/signing';
import { useI18n } from '../../i18n/i18n';
import { SignatureStrokes } from '../signature/SignatureStrokes';

interface PrintSignatureProps {
  signatures: readonly Signature[];
  state: SigningState | null;
}

/** Prints the customer's signature box: the latest valid signature, or an empty line to sign by hand. */
export function PrintSignature({ signatures, state }: PrintSignatureProps) {
  const { t, formatDateTime } = useI18n();
  const latest = signatures.at(-1);
  const valid = latest !== undefined && state === 'signed';

  return (
    <div className="print-signature">
      <span className="print-signature__label">{t('orders.print.customerSignature')}</span>
      {valid ? (
        <div className="print-signature__signed">
          <SignatureStrokes signature={latest} label={t('orders.sign.signedBy', { name: latest.signerName, time: formatDateTime(latest.signedAt) })} />
          <span>{t('orders.sign.signedBy', { name: latest.signerName, time: formatDateTime(latest.signedAt) })}</span>
          <code className="print-signature__hash">{t('orders.sign.hash', { hash: latest.contentHash })}</code>
        </div>
      ) : (
        <span className="print-signature__blank" />
      )}
    </div>
  );
}
