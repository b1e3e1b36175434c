import { liveInOrder } from './checkInOrder';
import type { Side } from './side';
import { TREND_WINDOW } from './thresholds';
import type { ScoredCheckIn } from './trend';

// Written out rather than imported from side.ts: the database's upgrades build these facts, and this
// module must stay as light as the rest of the first screen's code (side.ts brings zod with it).
const SIDES: readonly Side[] = ['mentor', 'mentee'];

/**
 * What the program's views (the dashboard's summary and flags) need of a pair's check-ins: a few
 * numbers per side, none of which depends on the day. The pair's digest keeps them, worked out when
 * it is written, so the dashboard neither reads nor sorts a thousand pairs' check-ins to draw.
 * What the dashboard asks of them is in checkInFactQueries.ts.
 */
export interface CheckInFacts {
  /** Each side's latest TREND_WINDOW trust scores, oldest first: enough for its direction. */
  trust: Record<Side, number[]>;
  /** Each side's latest score for every characteristic it has rated, by characteristic id. */
  latest: Record<Side, Record<string, number>>;
  /** The date of each side's latest check-in. */
  lastDate: Record<Side, string | null>;
}

export const noCheckInFacts: CheckInFacts = {
  trust: { mentor: [], mentee: [] },
  latest: { mentor: {}, mentee: {} },
  lastDate: { mentor: null, mentee: null },
};

/** The facts of these check-ins; deleted ones do not count. */
export function checkInFacts(checkIns: readonly ScoredCheckIn[]): CheckInFacts {
  const facts: CheckInFacts = {
    trust: { mentor: [], mentee: [] },
    latest: { mentor: {}, mentee: {} },
    lastDate: { mentor: null, mentee: null },
  };
  for (const side of SIDES) {
    const inOrder = liveInOrder(checkIns, side);
    const trust: number[] = [];
    for (const checkIn of inOrder) {
      for (const [characteristicId, score] of Object.entries(checkIn.scores))
        facts.latest[side][characteristicId] = score;
      const trustScore = checkIn.scores.trust;
      if (trustScore !== undefined) trust.push(trustScore);
    }
    facts.trust[side] = trust.slice(-TREND_WINDOW);
    facts.lastDate[side] = inOrder.at(-1)?.date ?? null;
  }
  return facts;
}
