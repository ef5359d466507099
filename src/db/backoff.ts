/** Exponential back-off between retries of a request to the server. */
export interface BackoffOptions {
  /** Wait before the first retry. */
  initialMs: number;
  /** Upper bound of every wait. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 30_000 };

/**
 * Returns the wait before retry number `attempt` (0 for the first): the initial wait doubled
 * per attempt up to the maximum, minus up to 25 % at random. The random part keeps tablets
 * cut off by the same server restart from all reconnecting in the same instant.
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponential = Math.min(options.maxMs, options.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(exponential * (1 - 0.25 * random()));
}

/** Resolves after `ms`, or early when `signal` aborts or `wake` fires (for example the browser's `online` event). */
export function waitOrWake(ms: number, signal?: AbortSignal, wake?: EventTarget, wakeEvent = 'online'): Promise<void> {
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', finish);
      wake?.removeEventListener(wakeEvent, finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    signal?.addEventListener('abort', finish);
    wake?.addEventListener(wakeEvent, finish);
  });
}

/** Returns the window in a browser (undefined in Node), so waits end early when the tablet comes back online. */
export function onlineEventTarget(): EventTarget | undefined {
  return typeof window !== 'undefined' && typeof window.addEventListener === 'function' ? window : undefined;
}
