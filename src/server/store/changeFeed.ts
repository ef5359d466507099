import type { DocumentChange } from './store';

/** In-process fan-out of committed document changes to the pull streams of this instance. */
export class ChangeFeed {
  private readonly listeners = new Set<(change: DocumentChange) => void>();

  subscribe(listener: (change: DocumentChange) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  publish(change: DocumentChange): void {
    for (const listener of this.listeners) {
      // A failing stream must not keep the other streams from hearing about the change.
      try {
        listener(change);
      } catch {
        // The stream reports its own errors; nothing to do here.
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
