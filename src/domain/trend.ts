import { builtInCharacteristics } from './characteristic';
import { liveInOrder, type ScoredCheckIn } from './checkInOrder';
import { compareCodeUnits } from './compareText';
import type { Side } from './side';

import { MIN_CHECKINS_FOR_DIRECTION, ROLLING_MEAN_WINDOW, TREND_SLOPE_MIN, TREND_WINDOW } from './thresholds';

export type { ScoredCheckIn } from './checkInOrder';
export {
  LOW_SCORE_MAX,
  MIN_CHECKINS_FOR_DIRECTION,
  NO_CHECK_IN_DAYS,
  PERCEPTION_GAP_MIN,
  RECENT_DAYS,
  ROLLING_MEAN_WINDOW,
  TREND_SLOPE_MIN,
  TREND_WINDOW,
  thresholds,
} from './thresholds';

export interface ScorePoint {
  date: string;
  score: number;
}

export type TrendDirection = 'rising' | 'steady' | 'falling';

export const trendDirectionLabels: Record<TrendDirection, string> = {
  rising: 'Rising',
  steady: 'Steady',
  falling: 'Falling',
};

/**
 * One side's scores for one characteristic, oldest first. Two check-ins on the same day are ordered
 * by when they were made. Check-ins that did not rate the characteristic are skipped.
 */
export function scoreSeries(checkIns: readonly ScoredCheckIn[], side: Side, characteristicId: string): ScorePoint[] {
  return liveInOrder(checkIns, side).flatMap((checkIn) => {
    const score = checkIn.scores[characteristicId];
    return score === undefined ? [] : [{ date: checkIn.date, score }];
  });
}

/**
 * Which way a series of scores is heading.
 *
 * - `null` with fewer than MIN_CHECKINS_FOR_DIRECTION (3) scores: too few to say.
 * - Otherwise, the least-squares slope of the last TREND_WINDOW (4) scores, measured in points per
 *   check-in (not per day, so an irregular cadence does not distort it): `falling` when the slope is
 *   -TREND_SLOPE_MIN (-0.3) or lower, `rising` when it is +0.3 or higher, `steady` in between.
 *
 * For example 4, 4, 3, 3 has a slope of -0.4 (falling); 3, 3, 3, 2 has -0.3 (falling, just);
 * 3, 4, 3, 4 has +0.2 (steady).
 */
export function trendDirection(series: readonly Pick<ScorePoint, 'score'>[]): TrendDirection | null {
  if (series.length < MIN_CHECKINS_FOR_DIRECTION) return null;
  const slope = leastSquaresSlope(series.slice(-TREND_WINDOW).map((point) => point.score));
  if (slope <= -TREND_SLOPE_MIN) return 'falling';
  if (slope >= TREND_SLOPE_MIN) return 'rising';
  return 'steady';
}

/** One side's most recent score for a characteristic, or null when that side has never rated it. */
export function latestScore(checkIns: readonly ScoredCheckIn[], side: Side, characteristicId: string): number | null {
  return scoreSeries(checkIns, side, characteristicId).at(-1)?.score ?? null;
}

export interface PerceptionGap {
  mentor: number;
  mentee: number;
  /** How far apart the two latest scores are, whichever is higher. */
  gap: number;
}

/** The mentor's and the mentee's latest view of a characteristic; null unless both have rated it. */
export function perceptionGap(checkIns: readonly ScoredCheckIn[], characteristicId: string): PerceptionGap | null {
  const mentor = latestScore(checkIns, 'mentor', characteristicId);
  const mentee = latestScore(checkIns, 'mentee', characteristicId);
  if (mentor === null || mentee === null) return null;
  return { mentor, mentee, gap: Math.abs(mentor - mentee) };
}

export interface TrendPoint extends ScorePoint {
  /** The mean of this score and the ones just before it (ROLLING_MEAN_WINDOW in all, fewer at the start). */
  rollingMean: number;
}

/** One side's view of one characteristic over time. */
export interface SideTrend {
  /** Oldest first. */
  points: TrendPoint[];
  direction: TrendDirection | null;
  latest: number | null;
}

/**
 * The rolling mean at each position: the mean of that value and up to `window − 1` values before
 * it. The first values average what there is so far, so the line starts where the scores start.
 * For example 4, 2, 3, 1 with a window of 3 gives 4, 3, 3, 2.
 */
export function rollingMeans(values: readonly number[], window: number = ROLLING_MEAN_WINDOW): number[] {
  return values.map((_value, index) => {
    const slice = values.slice(Math.max(0, index - window + 1), index + 1);
    return slice.reduce((sum, value) => sum + value, 0) / slice.length;
  });
}

/** One side's scores for a characteristic with their rolling mean, direction and latest score. */
export function sideTrend(checkIns: readonly ScoredCheckIn[], side: Side, characteristicId: string): SideTrend {
  const series = scoreSeries(checkIns, side, characteristicId);
  const means = rollingMeans(series.map((point) => point.score));
  return {
    points: series.map((point, index) => ({ ...point, rollingMean: means[index] ?? point.score })),
    direction: trendDirection(series),
    latest: series.at(-1)?.score ?? null,
  };
}

/**
 * Several series on one time line, for a chart and its table: one row per day on which any series
 * has a point, oldest first. When a series has two points on the same day, the second goes on a
 * second row for that day (and the third on a third), so no score is lost or averaged away.
 */
export interface AlignedRow<P> {
  date: string;
  /** Which of the day's rows this is: 0 for the first, 1 for a second check-in that day, … */
  occurrence: number;
  /** One entry per series, in the order given; null where that series has no point on this row. */
  values: (P | null)[];
}

export function alignSeries<P extends Pick<ScorePoint, 'date'>>(series: readonly (readonly P[])[]): AlignedRow<P>[] {
  const rows = new Map<string, AlignedRow<P>>();
  series.forEach((points, seriesIndex) => {
    const seenOnDay = new Map<string, number>();
    for (const point of points) {
      const occurrence = seenOnDay.get(point.date) ?? 0;
      seenOnDay.set(point.date, occurrence + 1);
      const key = `${point.date}#${occurrence}`;
      const row = rows.get(key) ?? { date: point.date, occurrence, values: series.map(() => null) };
      row.values[seriesIndex] = point;
      rows.set(key, row);
    }
  });
  return [...rows.values()].sort((a, b) => compareCodeUnits(a.date, b.date) || a.occurrence - b.occurrence);
}

/** One row of a characteristic's trend table: a day on which either side rated it. */
export interface TrendRow {
  date: string;
  occurrence: number;
  mentor: TrendPoint | null;
  mentee: TrendPoint | null;
  /**
   * How far apart the two sides' latest scores were as of this row: the perception gap as it stood
   * then. Null until both sides have rated the characteristic.
   */
  gap: number | null;
}

/** Both sides' trends for one characteristic, the perception gap now, and the rows for a table. */
export interface CharacteristicTrend {
  characteristicId: string;
  mentor: SideTrend;
  mentee: SideTrend;
  gap: PerceptionGap | null;
  rows: TrendRow[];
}

export function characteristicTrend(checkIns: readonly ScoredCheckIn[], characteristicId: string): CharacteristicTrend {
  const mentor = sideTrend(checkIns, 'mentor', characteristicId);
  const mentee = sideTrend(checkIns, 'mentee', characteristicId);
  let latestMentor: number | null = null;
  let latestMentee: number | null = null;
  const rows = alignSeries([mentor.points, mentee.points]).map(
    ({ date, occurrence, values: [mentorPoint, menteePoint] }) => {
      latestMentor = mentorPoint?.score ?? latestMentor;
      latestMentee = menteePoint?.score ?? latestMentee;
      return {
        date,
        occurrence,
        mentor: mentorPoint ?? null,
        mentee: menteePoint ?? null,
        gap: latestMentor === null || latestMentee === null ? null : Math.abs(latestMentor - latestMentee),
      };
    },
  );
  return { characteristicId, mentor, mentee, gap: perceptionGap(checkIns, characteristicId), rows };
}

/** A pair's trend for every characteristic either side has rated, in the usual order. */
export function pairTrends(checkIns: readonly ScoredCheckIn[]): CharacteristicTrend[] {
  return ratedCharacteristicIds(checkIns).map((characteristicId) => characteristicTrend(checkIns, characteristicId));
}

/**
 * Every characteristic rated in these check-ins: the built-in ones in their usual order, then any a
 * program added later, alphabetically. Deleted check-ins do not count.
 */
export function ratedCharacteristicIds(checkIns: readonly ScoredCheckIn[]): string[] {
  return characteristicsInUsualOrder(
    checkIns.filter((checkIn) => !checkIn.deletedAt).flatMap((checkIn) => Object.keys(checkIn.scores)),
  );
}

/** These characteristic ids once each: the built-in ones in their usual order, then the rest alphabetically. */
export function characteristicsInUsualOrder(characteristicIds: Iterable<string>): string[] {
  const ids = new Set(characteristicIds);
  const builtIn = builtInCharacteristics.map((characteristic) => characteristic.id).filter((id) => ids.has(id));
  const added = [...ids].filter((id) => !builtIn.includes(id)).sort(compareCodeUnits);
  return [...builtIn, ...added];
}

/**
 * Slope of the best-fit line through the scores at x = 0, 1, 2, … Rounded to 1e-9 so that a slope
 * that is exactly on a threshold in arithmetic (3, 3, 3, 2 → -0.3) is not pushed off it by floating
 * point.
 */
function leastSquaresSlope(scores: readonly number[]): number {
  const n = scores.length;
  const meanX = (n - 1) / 2;
  const meanY = scores.reduce((sum, score) => sum + score, 0) / n;
  let covariance = 0;
  let varianceX = 0;
  scores.forEach((score, x) => {
    covariance += (x - meanX) * (score - meanY);
    varianceX += (x - meanX) ** 2;
  });
  if (varianceX === 0) return 0;
  return Math.round((covariance / varianceX) * 1e9) / 1e9;
}
