import type { CheckInFacts } from './checkInFacts';
import type { Side } from './side';
import { characteristicsInUsualOrder, trendDirection, type PerceptionGap, type TrendDirection } from './trend';

/*
 * What the dashboard's summary and flags ask of a pair's check-in facts (checkInFacts.ts): the same
 * answers `latestScore`, `trendDirection`, `perceptionGap` and `ratedCharacteristicIds` give from
 * the check-ins themselves (tested side by side).
 */

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
