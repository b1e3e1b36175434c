import { initialClockState, nextStamp, observeStamp, type ClockState } from '../domain/changeClock';

/*
 * The device's change clock (src/domain/changeClock.ts), kept in localStorage. Every write the app
 * makes stamps its record here, and every stamp pulled from the server is observed here, so an
 * edit made after seeing a partner's version is later than it even if this device's clock is
 * behind.
 *
 * localStorage rather than a Dexie row: a stamp is needed synchronously, before a write's
 * transaction (a form builds its record with its stamp, and the screen shows it while it is
 * written), and each call reads, steps and writes the state in one synchronous turn, which no
 * other code of this tab can interleave. Every tab reads the state afresh on each call, so a stamp
 * observed in one is counted by the next write in any other. Two tabs stamping in the same
 * millisecond may issue the same stamp; versions with equal stamps are still ordered the same way
 * on every device (src/sync/mergeRecords.ts), so nothing diverges. Where there is no localStorage
 * (the import's worker, which stamps nothing), the state lives in memory.
 */

export const CHANGE_CLOCK_KEY = 'mentorlog.changeClock';

let inMemory: ClockState = initialClockState;
/** Whether localStorage took the last state: then a missing state was cleared with the site's data. */
let stored = false;

function readState(): ClockState {
  try {
    const raw = localStorage.getItem(CHANGE_CLOCK_KEY);
    if (raw === null) return stored ? initialClockState : inMemory;
    const { lastIssuedMs, lastSeenMs } = JSON.parse(raw) as Partial<ClockState>;
    const valid = (ms: unknown): ms is number => typeof ms === 'number' && Number.isFinite(ms) && ms >= 0;
    return valid(lastIssuedMs) && valid(lastSeenMs) ? { lastIssuedMs, lastSeenMs } : inMemory;
  } catch {
    return inMemory;
  }
}

function writeState(state: ClockState): void {
  inMemory = state;
  try {
    localStorage.setItem(CHANGE_CLOCK_KEY, JSON.stringify(state));
    stored = true;
  } catch {
    stored = false;
    // Storage that cannot be written: this tab's stamps still step forward in memory.
  }
}

/**
 * The stamp for a change made now: later than every stamp this device issued or saw, and later
 * than `after` (the version being changed, which may have come from a file) when given.
 */
export function nextChangeStamp(after?: string | null, nowMs: number = Date.now()): string {
  let state = readState();
  const afterMs = after ? Date.parse(after) : Number.NaN;
  // A version being edited counts as seen, unless its stamp is implausibly far ahead.
  if (!Number.isNaN(afterMs)) {
    const seen = observeStamp(state, after as string, nowMs);
    if (seen.ok) state = seen.state;
  }
  const next = nextStamp(state, nowMs);
  writeState(next.state);
  return next.stamp;
}

/** Raises the clock past a stamp pulled from the server (unless it is implausibly far ahead). */
export function observeChangeStamp(stamp: string, nowMs: number = Date.now()): void {
  const state = readState();
  const seen = observeStamp(state, stamp, nowMs);
  if (seen.ok && seen.state !== state) writeState(seen.state);
}
