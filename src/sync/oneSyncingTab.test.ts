import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatusView } from '../state/syncStatusStore';
import { runInOneTab } from './oneSyncingTab';

/** Web Locks as a browser grants them: one holder of a name at a time, the rest in turn. */
function stubLocks() {
  const queue: { run: () => Promise<void>; signal?: AbortSignal; reject: (error: unknown) => void }[] = [];
  let held = false;
  const next = () => {
    const waiting = queue.shift();
    if (!waiting) return;
    held = true;
    void waiting.run().finally(() => {
      held = false;
      next();
    });
  };
  const locks = {
    request: (_name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>) =>
      new Promise<void>((resolve, reject) => {
        const entry = { run: () => callback().then(resolve, reject), signal: options.signal, reject };
        options.signal?.addEventListener('abort', () => {
          const index = queue.indexOf(entry);
          if (index >= 0) {
            queue.splice(index, 1);
            reject(new DOMException('Aborted', 'AbortError'));
          }
        });
        queue.push(entry);
        if (!held) next();
      }),
  };
  Object.defineProperty(navigator, 'locks', { configurable: true, value: locks });
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'locks');
});

const aStatus = (waiting: number): SyncStatusView => ({
  phase: 'up-to-date',
  waiting,
  lastSyncedAt: 1,
  retryInMs: null,
  message: null,
  problems: [],
  progress: null,
});
const delivered = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('syncing in one tab at a time', () => {
  it('lets one tab lead while the other shows its status, and hands over when the leader stops', async () => {
    stubLocks();
    const stopped: string[] = [];
    const shares: Record<string, (status: SyncStatusView) => void> = {};
    const seen: Record<string, SyncStatusView[]> = { first: [], second: [], third: [] };
    const tab = (name: 'first' | 'second' | 'third') =>
      runInOneTab(
        (share) => {
          shares[name] = share;
          return { stop: async () => void stopped.push(name) };
        },
        (status) => seen[name]?.push(status),
      );
    const first = tab('first');
    await delivered();
    const second = tab('second');
    await delivered();
    expect(Object.keys(shares)).toEqual(['first']);

    shares.first?.(aStatus(3));
    await delivered();
    expect(seen.second).toEqual([aStatus(3)]);
    // A tab opened now asks, and is told the status at once rather than at its next change.
    const third = tab('third');
    await delivered();
    expect(seen.third).toEqual([aStatus(3)]);
    await third.stop();

    await first.stop();
    await delivered();
    expect(stopped).toEqual(['first']);
    expect(Object.keys(shares)).toEqual(['first', 'second']);
    await second.stop();
    expect(stopped).toEqual(['first', 'second']);
  });

  it('syncs in every tab where the browser has no Web Locks', async () => {
    const lead = vi.fn(() => ({ stop: async () => undefined }));
    const running = runInOneTab(lead, () => undefined);
    expect(lead).toHaveBeenCalledTimes(1);
    await running.stop();
  });
});
