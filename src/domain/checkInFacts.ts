import { sides, type Side } from './side';
import { TREND_WINDOW } from './thresholds';
import { characteristicsInUsualOrder, liveInOrder, trendDirection, type PerceptionGap, type ScoredCheckIn, type TrendDirection } from './trend';

/**
 * What the program's views (the dashboard's summary and flags) need of a pair's check-ins: a few
 * numbers per side, none of which depends on the day. The pair's digest keeps them, worked out when
 * it is written, so the dashboard neither reads nor sorts a thousand pairs' check-ins to draw.
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
  const facts: CheckInFacts = { trust: { mentor: [], mentee: [] }, latest: { mentor: {}, mentee: {} }, lastDate: { mentor: null, mentee: null } };
  for (const side of sides) {
    const inOrder = liveInOrder(checkIns, side);
    const trust: number[] = [];
    for (const checkIn of inOrder) {
      for (const [characteristicId, score] of Object.entries(checkIn.scores)) facts.latest[side][characteristicId] = score;
      const trustScore = checkIn.scores.trust;
      if (trustScore !== undefined) trust.push(trustScore);
    }
    facts.trust[side] = trust.slice(-TREND_WINDOW);
    facts.lastDate[side] = inOrder.at(-1)?.date ?? null;
  }
  return facts;
}

/** One side's latest score for a characteristic, or null when it never rated it. */
export function latestScoreOf(facts: CheckInFacts, side: Side, characteristicId: string): number | null {
  const scores = facts.latest[side];
  // Own fields only: a program's characteristic could be called "constructor".
  return Object.hasOwn(scores, characteristicId) ? (scores[characteristicId] ?? null) : null;
}

/** Which way a side's trust is heading (see `trendDirection`). */
export function trustDirectionOf(facts: CheckInFacts, side: Side): TrendDirection | null {
  return trendDirection(facts.trust[side].map((score) => ({ score })));
}

/** Every characteristic either side rated: the built-in ones in their usual order, then the rest. */
export function ratedCharacteristicsOf(facts: CheckInFacts): string[] {
  return characteristicsInUsualOrder([...Object.keys(facts.latest.mentor), ...Object.keys(facts.latest.mentee)]);
}

/** The mentor's and the mentee's latest view of a characteristic; null unless both have rated it. */
export function perceptionGapOf(facts: CheckInFacts, characteristicId: string): PerceptionGap | null {
  const mentor = latestScoreOf(facts, 'mentor', characteristicId);
  const mentee = latestScoreOf(facts, 'mentee', characteristicId);
  if (mentor === null || mentee === null) return null;
  return { mentor, mentee, gap: Math.abs(mentor - mentee) };
}

/** The widest perception gap across every characteristic both sides rated; ties go to the usual order. */
export function widestGapOf(facts: CheckInFacts): (PerceptionGap & { characteristicId: string }) | null {
  let widest: (PerceptionGap & { characteristicId: string }) | null = null;
  for (const characteristicId of ratedCharacteristicsOf(facts)) {
    const gap = perceptionGapOf(facts, characteristicId);
    if (gap && (widest === null || gap.gap > widest.gap)) widest = { ...gap, characteristicId };
  }
  return widest;
}
