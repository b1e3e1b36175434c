import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aPair, aPerson, aSession } from '../test/builders';
import { createMemoryDevice } from './memorySyncStore';
import { databaseName } from './serverRules';
import { startSync } from './startSync';

const pair = aPair({ mentorId: aPerson().id, menteeId: aPerson().id });
const pairDb = databaseName({ kind: 'pair', pairId: pair.id });

/**
 * A server whose first `_bulk_docs` is taken and never answered (a connection gone silent), and
 * which answers every later one. Returns the fetch and the ids each answered push carried.
 */
function silentOnceServer() {
  const answered: string[][] = [];
  let bulkCalls = 0;
  const fetch: typeof globalThis.fetch = (input, init) => {
    const path = String(input);
    if (!path.endsWith('/_bulk_docs')) return Promise.resolve(new Response('{}', { status: 404 }));
    bulkCalls++;
    if (bulkCalls === 1)
      return new Promise((_, reject) => {
        const signal = init?.signal;
        signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
      });
    const { docs } = JSON.parse(String(init?.body)) as { docs: { _id: string }[] };
    answered.push(docs.map((doc) => doc._id));
    const results = docs.map((doc) => ({ id: doc._id, rev: '1-a', ok: true }));
    return Promise.resolve(new Response(JSON.stringify(results), { status: 201 }));
  };
  return { fetch, answered, bulkCalls: () => bulkCalls };
}

describe('a push the server never answers', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fails after its time is up and is sent again, so the change still reaches the server', async () => {
    const device = createMemoryDevice();
    const session = device.edit({ type: 'session', record: aSession({ pairId: pair.id }) }, [pairDb]);
    const server = silentOnceServer();
    const states: string[] = [];
    const sync = startSync({
      serverUrl: 'https://couch.example',
      fetch: server.fetch,
      databases: [{ name: pairDb, push: true, pull: false }],
      store: device.store,
      records: device.records,
      random: () => 0,
      onStatus: (status) => states.push(status.state),
    });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(server.bulkCalls()).toBe(1);
    expect(await device.store.pending(pairDb)).toHaveLength(1);

    // A minute after it was sent, it counts as failed; the retry follows half a second later.
    await vi.advanceTimersByTimeAsync(31_000);
    expect(states).toContain('retrying');
    expect(server.answered).toEqual([[`session:${session.record.id}`]]);
    expect(await device.store.pending(pairDb)).toEqual([]);
    expect(sync.status().state).toBe('up-to-date');
    await sync.stop();
  });
});
