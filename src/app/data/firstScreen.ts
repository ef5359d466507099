/**
 * A signal that the first screen shows its data. Work that the first screen does not need
 * (loading and starting replication) waits for it, so it does not compete for the network
 * and the main thread while the check-in list loads.
 */

let markShown: () => void = () => undefined;
const shown = new Promise<void>((resolve) => {
  markShown = resolve;
});

/** Marks the first screen as showing its data; later calls change nothing. */
export function markFirstScreenShown(): void {
  markShown();
}

/** Resolves when the first screen shows its data, or after `timeoutMs` when no screen marks it. */
export function whenFirstScreenShown(timeoutMs: number): Promise<void> {
  return Promise.race([shown, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
}
