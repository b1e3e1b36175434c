import type { CheckIn } from './checkin';
import type { Side } from './side';

/** A score this low or lower needs attention. */
export const LOW_SCORE_MAX = 2;
/** Partners whose latest scores for a characteristic differ by this much or more see it differently. */
export const PERCEPTION_GAP_MIN = 2;
/** Fewer scores than this are too few to call a direction. */
export const MIN_CHECKINS_FOR_DIRECTION = 3;
/** The direction looks only at this many latest scores, so an old dip does not hide a recent recovery. */
export const TREND_WINDOW = 4;
/** A slope of this many points per check-in, either way, counts as rising or falling. */
export const TREND_SLOPE_MIN = 0.3;

/** Every threshold in one place, for screens that explain themselves ("2 of 5 or lower"). */
export const thresholds = {
  LOW_SCORE_MAX,
  PERCEPTION_GAP_MIN,
  MIN_CHECKINS_FOR_DIRECTION,
  TREND_WINDOW,
  TREND_SLOPE_MIN,
} as const;

/** The fields of a check-in that trends read; soft-deleted check-ins are left out. */
export type ScoredCheckIn = Pick<CheckIn, 'side' | 'scores' | 'date' | 'createdAt'> & {
  deletedAt?: string | null;
};

export interface ScorePoint {
  date: string;
  score: number;
}

export type TrendDirection = 'rising' | 'steady' | 'falling';

/**
 * One side's scores for one characteristic, oldest first. Two check-ins on the same day are ordered
 * by when they were made. Check-ins that did not rate the characteristic are skipped.
 */
export function scoreSeries(
  checkIns: readonly ScoredCheckIn[],
  side: Side,
  characteristicId: string,
): ScorePoint[] {
  return checkIns
    .filter((checkIn) => checkIn.side === side && !checkIn.deletedAt)
    .sort((a, b) => compareStrings(a.date, b.date) || compareStrings(a.createdAt, b.createdAt))
    .flatMap((checkIn) => {
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

function compareStrings(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
