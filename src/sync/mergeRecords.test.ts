import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Session } from '../domain/session';
import { aSession } from '../test/builders';
import { initialClockState, nextStamp, observeStamp } from './changeClock';
import { mergeRecords } from './mergeRecords';

const base = aSession({ notes: '' });
const stamps = ['2026-05-01T10:00:00.000Z', '2026-05-01T10:00:00.001Z', '2026-05-01T11:00:00.000Z'];

/** Versions of one record; few stamps, so that many share one and the tie-break is exercised. */
const version = fc.record({
  updatedAt: fc.constantFrom(...stamps),
  notes: fc.string({ maxLength: 8 }),
  durationMinutes: fc.integer({ min: 1, max: 120 }),
  deleted: fc.boolean(),
});
const toSession = (v: { updatedAt: string; notes: string; durationMinutes: number; deleted: boolean }): Session => ({
  ...base,
  updatedAt: v.updatedAt,
  notes: v.notes,
  durationMinutes: v.durationMinutes,
  deletedAt: v.deleted ? v.updatedAt : null,
});

/** What one device holds after receiving versions one by one. */
function deliver(versions: readonly Session[]): Session | null {
  return versions.reduce<Session | null>(
    (held, pulled) => (mergeRecords(held, pulled) === 'take-pulled' ? pulled : held),
    null,
  );
}

describe('merging versions of a record', () => {
  it('gives every device the same record whatever order, and however often, the versions arrive', () => {
    fc.assert(
      fc.property(
        fc.array(version, { minLength: 1, maxLength: 6 }).chain((versions) =>
          fc.tuple(
            fc.constant(versions.map(toSession)),
            // Each device gets every version at least once, in its own order, some twice.
            fc.array(
              fc.tuple(
                fc.shuffledSubarray(
                  versions.map((_, index) => index),
                  { minLength: versions.length },
                ),
                fc.array(fc.nat(versions.length - 1), { maxLength: 3 }),
              ),
              { minLength: 2, maxLength: 5 },
            ),
          ),
        ),
        ([versions, devices]) => {
          const finals = devices.map(([order, repeats]) =>
            deliver([...order, ...repeats].map((index) => versions[index]!)),
          );
          for (const final of finals) expect(final).toEqual(finals[0]);
        },
      ),
    );
  });

  it('lets a deletion stamped after an edit it has seen win over that edit, in either order', () => {
    fc.assert(
      fc.property(fc.integer({ min: -86_400_000, max: 3 * 86_400_000 }), fc.string(), (skewMs, notes) => {
        const now = Date.parse('2026-05-01T10:00:00.000Z');
        const edit = { ...base, notes, updatedAt: nextStamp(initialClockState, now).stamp };
        // The deleting device's clock is off by `skewMs` (up to a day behind: further behind, the edit is refused as implausible); it has seen the edit before deleting.
        const seen = observeStamp(initialClockState, edit.updatedAt, now + skewMs);
        const stamp = nextStamp(seen.state, now + skewMs).stamp;
        const deletion = { ...edit, updatedAt: stamp, deletedAt: stamp };
        expect(deliver([edit, deletion])).toEqual(deletion);
        expect(deliver([deletion, edit])).toEqual(deletion);
      }),
    );
  });

  it('keeps what the device holds when the same version arrives again', () => {
    expect(mergeRecords(base, { ...base })).toBe('keep-local');
    expect(mergeRecords(null, base)).toBe('take-pulled');
  });
});
