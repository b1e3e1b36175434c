import type { SyncProblemView, SyncStatusView } from '../state/syncStatusStore';
import type { SyncStatus } from './startSync';

/*
 * The engine's status as every screen shows it (src/state/syncStatusStore.ts), with what the
 * engine does not know: whether the browser is online, and how many changes wait on the device.
 */

export const OFFLINE_MESSAGE =
  'This device is offline. Your changes are kept on it and will be sent when it is back online.';

export const REFUSED_MESSAGE =
  'The sync server does not let you use your program’s records. Ask your program coordinator to check your access; your records are safe on this device.';

export interface StatusContext {
  online: boolean;
  waiting: number;
  /** Databases without which this device cannot sync at all (a partner's pair databases, the coordinator's directory). */
  essential: readonly string[];
}

function problemViews(status: SyncStatus): SyncProblemView[] {
  return status.problems.map(({ database, docId, field, message }) => ({
    database,
    docId,
    message: field ? `${field}: ${message}` : message,
  }));
}

/** What the status line shows; `engine` is null until the engine has started. */
export function toStatusView(engine: SyncStatus | null, context: StatusContext): SyncStatusView {
  const base: SyncStatusView = {
    phase: 'starting',
    waiting: context.waiting,
    lastSyncedAt: engine?.lastSyncedAt ?? null,
    retryInMs: null,
    message: null,
    problems: engine ? problemViews(engine) : [],
    progress: null,
  };
  if (engine?.state === 'signed-out') return { ...base, phase: 'signed-out', message: engine.lastError };
  if (engine && context.essential.some((name) => engine.refused.includes(name)))
    return { ...base, phase: 'refused', message: REFUSED_MESSAGE };
  if (!context.online) return { ...base, phase: 'offline', message: OFFLINE_MESSAGE };
  switch (engine?.state) {
    case undefined:
    case 'stopped':
      return base;
    case 'retrying':
      return { ...base, phase: 'retrying', retryInMs: engine.retryInMs, message: engine.lastError };
    case 'syncing':
      return { ...base, phase: 'syncing', progress: engine.progress };
    case 'up-to-date':
      return { ...base, phase: 'up-to-date' };
  }
}
