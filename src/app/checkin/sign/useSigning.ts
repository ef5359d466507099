import { useEffect, useState } from 'react';
import { CHECKIN_UNSIGNED_FIELDS, type Checkin } from '../../../domain/schemas/checkin';
import { contentHash, signingState, type SigningState } from '../../../domain/signing';

export interface Signing {
  /** SHA-256 of the content a signature would cover now; null while it is computed. */
  hash: string | null;
  /** Derived from the signature history and the hash; null while the hash is computed. */
  state: SigningState | null;
}

/** Computes the sheet's content hash and signing state, again after every change. */
export function useSigning(checkin: Checkin): Signing {
  const [hash, setHash] = useState<{ for: Checkin; value: string } | null>(null);

  useEffect(() => {
    let current = true;
    void contentHash(checkin, CHECKIN_UNSIGNED_FIELDS).then((value) => {
      if (current) setHash({ for: checkin, value });
    });
    return () => {
      current = false;
    };
  }, [checkin]);

  // A hash of an older version of the sheet does not describe this one.
  const value = hash?.for === checkin ? hash.value : null;
  return { hash: value, state: value === null ? null : signingState(checkin.signatures, value) };
}
