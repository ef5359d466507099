/**
 * Reads the `data` of each server-sent event from a streamed response body (the
 * text/event-stream format of the HTML standard: events end at a blank line, several
 * `data:` lines join with newlines, lines starting with `:` are comments). The fetch
 * streaming API is used instead of EventSource because the stream needs an Authorization header.
 * `onChunk` runs on every chunk received, comments included, for an idle-connection timer.
 */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>, onChunk?: () => void): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let dataLines: string[] = [];

  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      onChunk?.();
      buffer += decoder.decode(value, { stream: true });

      let lineEnd = buffer.search(/\r\n|\r|\n/);
      while (lineEnd >= 0) {
        // A lone \r at the end of the buffer may be the first half of \r\n; wait for more bytes.
        if (buffer[lineEnd] === '\r' && lineEnd === buffer.length - 1) break;
        const line = buffer.slice(0, lineEnd);
        buffer = buffer.slice(lineEnd + (buffer.startsWith('\r\n', lineEnd) ? 2 : 1));

        if (line === '') {
          if (dataLines.length > 0) yield dataLines.join('\n');
          dataLines = [];
        } else if (line.startsWith('data:')) {
          const value = line.slice(5);
          dataLines.push(value.startsWith(' ') ? value.slice(1) : value);
        }
        // Other fields (event, id, retry) and comments carry nothing this client uses.
        lineEnd = buffer.search(/\r\n|\r|\n/);
      }
    }
  } finally {
    reader.releaseLock();
    await body.cancel().catch(() => undefined);
  }
}
