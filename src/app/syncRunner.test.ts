import { describe, expect, it, vi } from 'vitest';
import { forgetSyncAccount, saveSyncAccount } from '../data/syncAccount';
import type { SyncAccount } from '../domain/syncAccount';
import { useSyncStatusStore } from '../state/syncStatusStore';
import { runSyncWhileConnected } from './syncRunner';

const account = (pairIds: string[] = [crypto.randomUUID()]): SyncAccount => ({
  serverUrl: '/couch',
  personId: crypto.randomUUID(),
  role: 'partner',
  pairIds,
  since: '2026-03-01T10:00:00.000Z',
});

/** A stand-in for the engine: records what was started and stopped, in order. */
function anEngine() {
  const log: string[] = [];
  const start = vi.fn(async (started: SyncAccount) => {
    const name = started.pairIds.join();
    log.push(`start ${name}`);
    return { stop: async () => void log.push(`stop ${name}`) };
  });
  return { log, start };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('running sync while the device has an account', () => {
  it('loads nothing and starts nothing without an account', async () => {
    const { start } = anEngine();
    const stop = runSyncWhileConnected(start);
    await settled();
    expect(start).not.toHaveBeenCalled();
    stop();
  });

  it('starts when an account is saved, starts again when it changes or on request, and stops when it goes', async () => {
    const { log, start } = anEngine();
    const stop = runSyncWhileConnected(start);
    saveSyncAccount(account(['a0000000-0000-4000-8000-000000000001']));
    await settled();
    saveSyncAccount(account(['a0000000-0000-4000-8000-000000000002']));
    await settled();
    useSyncStatusStore.getState().requestRestart();
    await settled();
    useSyncStatusStore.getState().setStatus({
      phase: 'up-to-date',
      waiting: 0,
      lastSyncedAt: 1,
      retryInMs: null,
      message: null,
      problems: [],
      progress: null,
    });
    forgetSyncAccount();
    await settled();
    await settled();

    expect(log).toEqual([
      'start a0000000-0000-4000-8000-000000000001',
      'stop a0000000-0000-4000-8000-000000000001',
      'start a0000000-0000-4000-8000-000000000002',
      'stop a0000000-0000-4000-8000-000000000002',
      'start a0000000-0000-4000-8000-000000000002',
      'stop a0000000-0000-4000-8000-000000000002',
    ]);
    expect(useSyncStatusStore.getState().status).toBeNull();
    stop();
  });
});
