import { waitFor } from './stores';

/** An open server-sent-events response, read in the background into `events` and `comments`. */
export interface SseReader {
  /** The parsed `data` of each event, in order. */
  events: unknown[];
  comments: string[];
  ended: boolean;
  /** Resolves when `count` events have arrived, with those events. */
  waitForEvents(count: number, timeoutMs?: number): Promise<unknown[]>;
  close(): Promise<void>;
}

/** Starts reading an SSE response body. */
export function readSse(response: Response): SseReader {
  if (!response.body) throw new Error('SSE response has no body');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const state: SseReader = {
    events: [],
    comments: [],
    ended: false,
    async waitForEvents(count, timeoutMs = 5000) {
      await waitFor(() => state.events.length >= count, timeoutMs, `${count} SSE events (have ${state.events.length})`);
      return state.events.slice(0, count);
    },
    async close() {
      await reader.cancel().catch(() => undefined);
    },
  };

  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
          if (data) state.events.push(JSON.parse(data));
          else if (block.startsWith(':')) state.comments.push(block.slice(1).trim());
        }
      }
    } catch {
      // A cancelled read ends the loop.
    } finally {
      state.ended = true;
    }
  })();
  return state;
}
