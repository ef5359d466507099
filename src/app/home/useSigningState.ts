import { useEffect, useState } from 'react';
import { CHECKIN_UNSIGNED_FIELDS } from '../../domain/checkinSigning';
import type { Checkin } from '../../domain/schemas/checkin';
import { contentHash, signingState, type SigningState } from '../../domain/signing';

/**
 * Returns the signing state of a check-in: unsigned, signed, or changed after the last
 * signature. It is `null` while the content hash is computed (Web Crypto is asynchronous).
 */
export function useCheckinSigningState(checkin: Checkin): SigningState | null {
  const hasSignatures = checkin.signatures.length > 0;
  const [state, setState] = useState<SigningState | null>(hasSignatures ? null : 'unsigned');

  useEffect(() => {
    if (!hasSignatures) {
      setState('unsigned');
      return undefined;
    }
    let current = true;
    void contentHash(checkin, CHECKIN_UNSIGNED_FIELDS).then((hash) => {
      if (current) setState(signingState(checkin.signatures, hash));
    });
    return () => {
      current = false;
    };
  }, [checkin, hasSignatures]);

  return state;
}
