/*
 * The numbers behind trends, perception gaps and attention flags, in a module of their own with no
 * imports beyond plain constants, so that the database layer (which keeps pair digests) can read
 * them without loading the characteristics and zod.
 */

/** A session is overdue once the time since the last one passes this multiple of the cadence. */
export const OVERDUE_FACTOR = 1.5;

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

/**
 * The dates a program's records can actually hold: what an import accepts and the forms allow
 * (src/domain/plausibleDate.ts applies them and words the messages). Dates outside them come from a
 * damaged or made-up file, or a slip of the keyboard (1926 for 2026), and would skew every trend.
 */
export const plausibleDates = {
  /** No pair starts before this day: no program kept records like these earlier. */
  EARLIEST_PAIR_START: '1970-01-01',
  /** No day (a pair's start or end, a session, a check-in) is more than this many years after today. */
  YEARS_AFTER_TODAY: 1,
  /** A session or check-in is at most this many years before its pair started (a first meeting before the match was made). */
  YEARS_BEFORE_PAIR_START: 1,
  /** An action item is due at most this many years before or after its session. */
  DUE_YEARS_FROM_SESSION: 5,
  /** No record was made, changed or deleted more than this many days after now (clocks differ a little). */
  TIMESTAMP_DAYS_AFTER_NOW: 1,
} as const;
