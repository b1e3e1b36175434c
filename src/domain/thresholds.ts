import { OVERDUE_FACTOR } from './cadence';

/*
 * The numbers behind trends, perception gaps and attention flags, in a module of their own with no
 * imports beyond plain constants, so that the database layer (which keeps pair digests) can read
 * them without loading the characteristics and zod.
 */

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
/**
 * The rolling mean at a check-in averages that score and the ones just before it, this many in
 * all, so that one unusual session does not swing the line.
 */
export const ROLLING_MEAN_WINDOW = 3;
/** A side that has shared no check-in with the program for longer than this is flagged. */
export const NO_CHECK_IN_DAYS = 42;
/** The dashboard counts sessions, and looks for overdue action items, over this many days. */
export const RECENT_DAYS = 90;
/** How many months the program's trends cover, at most. */
export const PROGRAM_TREND_MONTHS = 12;

/**
 * Every threshold in one place, for the calculations and for screens that explain themselves
 * ("2 of 5 or lower"): trends, perception gaps and the attention flags all read from here.
 */
export const thresholds = {
  LOW_SCORE_MAX,
  PERCEPTION_GAP_MIN,
  MIN_CHECKINS_FOR_DIRECTION,
  TREND_WINDOW,
  TREND_SLOPE_MIN,
  ROLLING_MEAN_WINDOW,
  OVERDUE_FACTOR,
  NO_CHECK_IN_DAYS,
  RECENT_DAYS,
  PROGRAM_TREND_MONTHS,
} as const;
