/**
 * A fetch for one simulated tablet whose network can be switched off: new requests fail
 * as fetch does without a connection, and open response bodies (pull streams) break as a
 * dropped connection breaks them.
 */
export interface SwitchableNetwork {
  fetch: typeof fetch;
  readonly online: boolean;
  setOnline(online: boolean): void;
  /** Requests made so far, as `METHOD /path`. */
  readonly requests: string[];
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function createSwitchableNetwork(): SwitchableNetwork {
  let online = true;
  const openBodies = new Set<{ controller: ReadableStreamDefaultController<Uint8Array>; reader: ReadableStreamDefaultReader<Uint8Array> }>();
  const requests: string[] = [];

  const switchedFetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    requests.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    if (!online) throw new TypeError('fetch failed: the test switched the network off');

    const response = await fetch(input, init);
    if (!response.body || NULL_BODY_STATUSES.has(response.status)) return response;

    const reader = response.body.getReader();
    let entry: { controller: ReadableStreamDefaultController<Uint8Array>; reader: typeof reader } | undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        entry = { controller, reader };
        openBodies.add(entry);
      },
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            if (entry) openBodies.delete(entry);
            controller.close();
          } else {
            controller.enqueue(value);
          }
        } catch (error) {
          if (entry) openBodies.delete(entry);
          controller.error(error);
        }
      },
      async cancel(reason) {
        if (entry) openBodies.delete(entry);
        await reader.cancel(reason);
      },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };

  return {
    fetch: switchedFetch,
    get online() {
      return online;
    },
    requests,
    setOnline(next: boolean) {
      online = next;
      if (next) return;
      for (const entry of openBodies) {
        entry.controller.error(new TypeError('terminated: the test switched the network off'));
        void entry.reader.cancel().catch(() => undefined);
      }
      openBodies.clear();
    },
  };
}
