import { afterEach, describe, expect, it } from 'vitest';
import { flushAllDrafts, registerDraftFlusher } from '../../src/app/drafts/flush';

const unregisters: Array<() => void> = [];

function register(flusher: () => void | Promise<void>): void {
  unregisters.push(registerDraftFlusher(flusher));
}

afterEach(() => {
  unregisters.splice(0).forEach((unregister) => unregister());
});

describe('flushAllDrafts', () => {
  it('waits for every flusher', async () => {
    const written: string[] = [];
    register(async () => {
      await Promise.resolve();
      written.push('checkin');
    });
    register(() => {
      written.push('order');
    });

    const result = await flushAllDrafts();

    expect(written.sort()).toEqual(['checkin', 'order']);
    expect(result).toEqual({ flushed: 2, failed: [] });
  });

  it('continues past a failing flusher', async () => {
    const written: string[] = [];
    const failure = new Error('quota');
    register(() => Promise.reject(failure));
    register(() => {
      written.push('order');
    });

    const result = await flushAllDrafts();

    expect(written).toEqual(['order']);
    expect(result.flushed).toBe(1);
    expect(result.failed).toEqual([failure]);
  });

  it('skips an unregistered flusher', async () => {
    let calls = 0;
    const unregister = registerDraftFlusher(() => {
      calls += 1;
    });
    unregister();

    const result = await flushAllDrafts();

    expect(calls).toBe(0);
    expect(result.flushed).toBe(0);
  });
});
