import { create } from 'zustand';

/**
 * How this device's sync stands, for the status shown on every screen. UI state only: the sync
 * engine (src/sync) writes it, screens read it; the records themselves are in the database.
 *
 *  - `starting`: the engine's code is loading, or it has not finished its first round;
 *  - `syncing`: sending or fetching changes (with `progress` on a first sync);
 *  - `up-to-date`: everything sent and fetched, as of `lastSyncedAt`;
 *  - `offline`: the browser says there is no network; changes wait on the device;
 *  - `retrying`: the server could not be reached or failed; the next try is in `retryInMs`;
 *  - `signed-out`: the session expired or was ended; sync waits for the person to sign in again;
 *  - `refused`: the server refuses this person something retrying will not fix (`message` says what).
 */
export type SyncPhase = 'starting' | 'syncing' | 'up-to-date' | 'offline' | 'retrying' | 'signed-out' | 'refused';

export interface SyncProblemView {
  database: string;
  docId: string;
  message: string;
}

export interface SyncStatusView {
  phase: SyncPhase;
  /** Changes made on this device and not yet on the server. */
  waiting: number;
  /** When the device last had everything (ms since the epoch), or null. */
  lastSyncedAt: number | null;
  /** When `retrying`: how long until the next try. */
  retryInMs: number | null;
  /** What went wrong and what to do, as a sentence for the person; null when nothing did. */
  message: string | null;
  /** Documents set aside on pull or refused on push: never applied, each with where and why. */
  problems: SyncProblemView[];
  /** A first sync's progress: documents fetched of those the server reported; null otherwise. */
  progress: { done: number; total: number } | null;
}

interface SyncStatusState {
  /** Null when this device syncs with no server (or the engine has not reported yet). */
  status: SyncStatusView | null;
  /** Raised to ask the engine to start again (after signing in again). */
  restarts: number;
  setStatus: (status: SyncStatusView | null) => void;
  requestRestart: () => void;
}

export const useSyncStatusStore = create<SyncStatusState>()((set) => ({
  status: null,
  restarts: 0,
  setStatus: (status) => set({ status }),
  requestRestart: () => set((state) => ({ restarts: state.restarts + 1 })),
}));
