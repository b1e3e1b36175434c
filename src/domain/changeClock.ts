/*
 * The hybrid logical clock that stamps every change (`updatedAt`, `deletedAt`). A stamp is the
 * latest of the wall clock, the last stamp this device issued + 1 ms and the last stamp it saw from
 * the server + 1 ms, so an edit made after seeing a partner's version is later than that version
 * whatever this device's clock says, and the larger stamp can decide which version of a record wins.
 */

/** A device whose clock runs further ahead than this cannot push everyone's clocks into the future. */
export const MAX_STAMP_AHEAD_MS = 24 * 60 * 60 * 1000;

export interface ClockState {
  /** Milliseconds of the last stamp this device issued (0: none yet). */
  lastIssuedMs: number;
  /** Milliseconds of the latest stamp seen from the server (0: none yet). */
  lastSeenMs: number;
}

export const initialClockState: ClockState = { lastIssuedMs: 0, lastSeenMs: 0 };

export function nextStamp(state: ClockState, nowMs: number): { stamp: string; state: ClockState } {
  const ms = Math.max(nowMs, state.lastIssuedMs + 1, state.lastSeenMs + 1);
  return { stamp: new Date(ms).toISOString(), state: { ...state, lastIssuedMs: ms } };
}

export type ObserveResult = { ok: true; state: ClockState } | { ok: false; state: ClockState; reason: string };

/** Raises the clock past a stamp pulled from the server, unless that stamp is implausible. */
export function observeStamp(state: ClockState, remoteStamp: string, nowMs: number): ObserveResult {
  const ms = Date.parse(remoteStamp);
  if (Number.isNaN(ms)) return { ok: false, state, reason: `"${remoteStamp.slice(0, 40)}" is not a time.` };
  const ahead = stampAheadReason(ms, nowMs);
  if (ahead) return { ok: false, state, reason: ahead };
  return { ok: true, state: ms > state.lastSeenMs ? { ...state, lastSeenMs: ms } : state };
}

/** Why a stamp is too far in the future to trust, or null when it is not. */
export function stampAheadReason(stampMs: number, nowMs: number): string | null {
  if (stampMs - nowMs <= MAX_STAMP_AHEAD_MS) return null;
  const days = Math.floor((stampMs - nowMs) / MAX_STAMP_AHEAD_MS);
  return `It was changed ${days === 1 ? 'a day' : `${days} days`} or more ahead of this device's clock, so the device or the server that wrote it has a wrong date.`;
}
