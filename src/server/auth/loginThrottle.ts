import { ApiError } from '../http/apiError';
import type { Store } from '../store/store';

/** Failed log-ins of one dealer code and username allowed before each further attempt waits. */
export const LOGIN_FAILURES_BEFORE_LOCK = 5;
const LOCK_BASE_MS = 1000;
const LOCK_MAX_MS = 15 * 60 * 1000;

/** Returns the throttle key of a log-in: the dealer code and username as typed, normalized. */
export function loginThrottleKey(dealerCode: string, username: string): string {
  return `${dealerCode.trim().toUpperCase()}/${username.trim().toLowerCase()}`;
}

/** Returns how long the account stays locked after `failures` failed log-ins in a row: 1 s after the fifth, doubling, at most 15 minutes. */
export function lockDurationMs(failures: number): number {
  if (failures < LOGIN_FAILURES_BEFORE_LOCK) return 0;
  return Math.min(LOCK_BASE_MS * 2 ** (failures - LOGIN_FAILURES_BEFORE_LOCK), LOCK_MAX_MS);
}

/**
 * Slows down password guessing per dealer code and username. The counts live in the store,
 * so every instance reads the same counts and a restart does not reset them.
 * NOTE: concurrent attempts read the count before any of them records a failure, so a burst
 * of parallel guesses gets through before the first lock; each still costs an argon2 check.
 */
export class LoginThrottle {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  /** Throws 429 with Retry-After while the key is locked. */
  async assertAllowed(key: string): Promise<void> {
    const failure = await this.store.getLoginFailure(key);
    const waitMs = failure ? failure.lockedUntilMs - this.now() : 0;
    if (waitMs <= 0) return;

    const retryAfterS = Math.ceil(waitMs / 1000);
    throw new ApiError(
      429,
      'too_many_attempts',
      `Too many failed log-ins for this account: try again in ${retryAfterS} s.`,
      undefined,
      { 'Retry-After': String(retryAfterS) },
    );
  }

  async recordFailure(key: string): Promise<void> {
    const failures = ((await this.store.getLoginFailure(key))?.failures ?? 0) + 1;
    const lockMs = lockDurationMs(failures);
    await this.store.saveLoginFailure({ key, failures, lockedUntilMs: lockMs > 0 ? this.now() + lockMs : 0 });
  }

  async recordSuccess(key: string): Promise<void> {
    await this.store.clearLoginFailure(key);
  }
}
