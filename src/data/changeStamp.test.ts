import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANGE_CLOCK_KEY, nextChangeStamp, observeChangeStamp } from './changeStamp';

const t0 = Date.parse('2026-06-01T12:00:00.000Z');
const day = 24 * 60 * 60 * 1000;

afterEach(() => {
  vi.useRealTimers();
});

describe('the device’s change clock', () => {
  it('stamps each change later than the one before, though the wall clock went back', () => {
    const first = nextChangeStamp(null, t0);
    const second = nextChangeStamp(null, t0 - 60_000);
    expect(first).toBe('2026-06-01T12:00:00.000Z');
    expect(second).toBe('2026-06-01T12:00:00.001Z');
  });

  it('keeps its state in localStorage, where every tab reads it afresh', () => {
    nextChangeStamp(null, t0);
    expect(JSON.parse(localStorage.getItem(CHANGE_CLOCK_KEY) ?? '{}')).toEqual({ lastIssuedMs: t0, lastSeenMs: 0 });
    // Another tab's later stamp, written meanwhile, counts for this tab's next one.
    localStorage.setItem(CHANGE_CLOCK_KEY, JSON.stringify({ lastIssuedMs: t0 + 5000, lastSeenMs: 0 }));
    expect(nextChangeStamp(null, t0)).toBe('2026-06-01T12:00:05.001Z');
  });

  it('stamps a change after a stamp it saw from the server, with its own clock a day behind', () => {
    observeChangeStamp('2026-06-01T12:00:00.000Z', t0 - day + 60_000);
    expect(nextChangeStamp(null, t0 - day + 60_000)).toBe('2026-06-01T12:00:00.001Z');
  });

  it('stamps an edit later than the version it edits, wherever that version came from', () => {
    expect(nextChangeStamp('2026-06-01T12:00:00.000Z', t0 - 3_600_000)).toBe('2026-06-01T12:00:00.001Z');
  });

  it('does not follow a stamp implausibly far ahead of this device’s clock', () => {
    observeChangeStamp(new Date(t0 + 3 * day).toISOString(), t0);
    expect(nextChangeStamp(null, t0)).toBe('2026-06-01T12:00:00.000Z');
  });

  it('starts again from its own memory when the stored state is damaged', () => {
    localStorage.setItem(CHANGE_CLOCK_KEY, '{"lastIssuedMs":"soon"}');
    expect(Date.parse(nextChangeStamp(null, t0))).toBeGreaterThanOrEqual(t0);
  });
});
