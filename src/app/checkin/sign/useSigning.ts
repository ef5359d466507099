import { useEffect, useState } from 'react';
import { CHECKIN_UNSIGNED_FIELDS, type Checkin } from '../../../domain/schemas/checkin';
import { contentHash, signingState, type SigningState } from '../../../domain/signing';

export interface Signing {
  /**
   * SHA-256 of the content a signature would cover; null until the first one is computed.
   * For a moment after a change it is the previous content's hash, so the state shown does
   * not flicker on every keystroke.
   */
  hash: string | null;
  /** Derived from the signature history and the hash; null until the first hash is computed. */
  state: SigningState | null;
}

/** Computes the sheet's content hash and signing state, again after every change. */
export function useSigning(checkin: Checkin): Signing {
  const [hash, setHash] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void contentHash(checkin, CHECKIN_UNSIGNED_FIELDS).then((value) => {
      if (current) setHash(value);
    });
    return () => {
      current = false;
    };
  }, [checkin]);

  // The hash leaves out the signatures, so a new signature is matched against it at once.
  return { hash, state: hash === null ? null : signingState(checkin.signatures, hash) };
}
