import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../src/db/backoff';
import { readServerSentEvents } from '../../src/db/serverSentEvents';
import { parseStreamEvent } from '../../src/db/syncProtocol';
import { storedCheckin, walkaround } from '../integration/support/fixtures';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function eventsOf(chunks: string[]): Promise<string[]> {
  const events: string[] = [];
  for await (const data of readServerSentEvents(streamOf(chunks))) events.push(data);
  return events;
}

describe('readServerSentEvents', () => {
  const cases: Array<{ name: string; chunks: string[]; expected: string[] }> = [
    { name: 'one event per blank line', chunks: ['data: "RESYNC"\n\ndata: {"a":1}\n\n'], expected: ['"RESYNC"', '{"a":1}'] },
    { name: 'an event split across chunks', chunks: ['da', 'ta: {"docu', 'ments":[]}\n', '\n'], expected: ['{"documents":[]}'] },
    { name: 'CRLF and a CR split from its LF', chunks: ['data: x\r', '\n\r\n'], expected: ['x'] },
    { name: 'several data lines joined by newlines', chunks: ['data: first\ndata: second\n\n'], expected: ['first\nsecond'] },
    { name: 'heartbeat comments skipped', chunks: [': heartbeat\n\n', 'data: y\n\n'], expected: ['y'] },
    { name: 'no space after the colon', chunks: ['data:z\n\n'], expected: ['z'] },
    { name: 'an unfinished event at the end dropped', chunks: ['data: complete\n\ndata: cut'], expected: ['complete'] },
  ];

  for (const { name, chunks, expected } of cases) {
    it(name, async () => {
      expect(await eventsOf(chunks)).toEqual(expected);
    });
  }
});

describe('parseStreamEvent', () => {
  it('reads RESYNC in JSON and bare form', () => {
    expect(parseStreamEvent('checkins', '"RESYNC"')?.item).toBe('RESYNC');
    expect(parseStreamEvent('checkins', 'RESYNC')?.item).toBe('RESYNC');
  });

  it('keeps valid documents and reports invalid ones', () => {
    const valid = storedCheckin(walkaround().checkin);
    const invalid = { ...storedCheckin(walkaround().checkin), mileageKm: -5 };
    const data = JSON.stringify({ documents: [valid, invalid], checkpoint: { seq: 42 } });

    const parsed = parseStreamEvent('checkins', data);

    expect(parsed?.item).toEqual({ documents: [valid], checkpoint: { seq: 42 } });
    expect(parsed?.invalid.map((error) => [error.documentId, error.path])).toEqual([[invalid.id, 'mileageKm']]);
  });
});

describe('backoffDelayMs', () => {
  const options = { initialMs: 1_000, maxMs: 30_000 };

  it('doubles per attempt up to the maximum', () => {
    const noJitter = () => 0;
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((attempt) => backoffDelayMs(attempt, options, noJitter))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('takes off at most a quarter at random', () => {
    expect(backoffDelayMs(2, options, () => 1)).toBe(3_000);
  });
});
