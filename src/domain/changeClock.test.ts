import { describe, expect, it } from 'vitest';
import { initialClockState, nextStamp, observeStamp } from './changeClock';

const hour = 60 * 60 * 1000;
const day = 24 * hour;
const t0 = Date.parse('2026-06-01T12:00:00.000Z');

describe('the change clock', () => {
  it('follows the wall clock when it moves forward', () => {
    const first = nextStamp(initialClockState, t0);
    const second = nextStamp(first.state, t0 + 5000);
    expect(first.stamp).toBe('2026-06-01T12:00:00.000Z');
    expect(second.stamp).toBe('2026-06-01T12:00:05.000Z');
  });

  it('keeps every stamp later than the one before when the wall clock goes backwards', () => {
    let state = initialClockState;
    const stamps: string[] = [];
    for (const now of [t0, t0 - hour, t0 - day, t0 - day, t0 + 1, t0 - 10]) {
      const next = nextStamp(state, now);
      stamps.push(next.stamp);
      state = next.state;
    }
    const sorted = [...stamps].sort();
    expect(new Set(stamps).size).toBe(stamps.length);
    expect(stamps).toEqual(sorted);
  });

  it("stamps an edit made after seeing a partner's version later than it, though this device's clock is a day behind", () => {
    const partner = nextStamp(initialClockState, t0).stamp;
    const seen = observeStamp(initialClockState, partner, t0 - day);
    expect(seen.ok).toBe(true);
    const edit = nextStamp(seen.state, t0 - day).stamp;
    expect(edit > partner).toBe(true);
  });

  it('refuses a stamp more than a day ahead of this device, with a reason, and keeps its state', () => {
    const wild = new Date(t0 + 2 * day).toISOString();
    const result = observeStamp(initialClockState, wild, t0);
    expect(result).toMatchObject({ ok: false, state: initialClockState });
    expect(!result.ok && result.reason).toMatch(/ahead of this device's clock/);
    expect(observeStamp(initialClockState, new Date(t0 + day - 1).toISOString(), t0).ok).toBe(true);
  });

  it('refuses something that is not a time', () => {
    expect(observeStamp(initialClockState, 'tomorrow', t0)).toMatchObject({ ok: false });
  });

  it('never lowers what it has seen', () => {
    const later = observeStamp(initialClockState, new Date(t0).toISOString(), t0);
    const earlier = observeStamp(later.state, new Date(t0 - hour).toISOString(), t0);
    expect(earlier.state.lastSeenMs).toBe(t0);
  });
});
