import { compareCodeUnits } from './compareText';
import type { Side } from './side';
import type { CheckIn } from './checkIn';

/** The fields of a check-in that trends read; soft-deleted check-ins are left out. */
export type ScoredCheckIn = Pick<CheckIn, 'side' | 'scores' | 'date' | 'createdAt'> & {
  deletedAt?: string | null;
};

/**
 * One side's live check-ins, oldest first, worked out once per list: a pair's summary asks for the
 * series of every characteristic of both sides from the same list, and the dashboard asks that of
 * every pair. Lists are never changed once made (they are readonly), so the answer stays right.
 */
const ordered = new WeakMap<readonly ScoredCheckIn[], Partial<Record<Side, readonly ScoredCheckIn[]>>>();

export function liveInOrder(checkIns: readonly ScoredCheckIn[], side: Side): readonly ScoredCheckIn[] {
  let bySide = ordered.get(checkIns);
  if (!bySide) {
    bySide = {};
    ordered.set(checkIns, bySide);
  }
  let sorted = bySide[side];
  if (!sorted) {
    sorted = checkIns
      .filter((checkIn) => checkIn.side === side && !checkIn.deletedAt)
      .sort((a, b) => compareCodeUnits(a.date, b.date) || compareCodeUnits(a.createdAt, b.createdAt));
    bySide[side] = sorted;
  }
  return sorted;
}
