import { plausibleDates } from './thresholds';

/*
 * The rules of `plausibleDates` (thresholds.ts) as checks, each giving the sentence that says what
 * is wrong (to follow a field's name: "date: is 1901-01-01, …") or null. Imports and forms use
 * these same checks, so a form never saves what an import would refuse.
 */

const {
  EARLIEST_PAIR_START,
  YEARS_AFTER_TODAY,
  YEARS_BEFORE_PAIR_START,
  DUE_YEARS_FROM_SESSION,
  TIMESTAMP_DAYS_AFTER_NOW,
} = plausibleDates;

const years = (count: number) => `${count} ${count === 1 ? 'year' : 'years'}`;

/** `day` moved by whole years (Feb 29 compares as the last day of February either way). */
export function addYears(day: string, count: number): string {
  const year = Number(day.slice(0, 4)) + count;
  return `${String(year).padStart(4, '0')}${day.slice(4)}`;
}

/** Any day a record holds: not far in the future. */
export function afterTodayProblem(day: string, today: string): string | null {
  return day > addYears(today, YEARS_AFTER_TODAY)
    ? `is ${day}, more than ${years(YEARS_AFTER_TODAY)} after today (${today}).`
    : null;
}

/** A pair's start date: not before EARLIEST_PAIR_START, not far in the future. */
export function pairStartProblem(startDate: string, today: string): string | null {
  if (startDate < EARLIEST_PAIR_START)
    return `is ${startDate}, before ${EARLIEST_PAIR_START}: no pair in Mentorlog starts that early.`;
  return afterTodayProblem(startDate, today);
}

/** A pair's end date (already no earlier than its start): not far in the future. */
export function pairEndProblem(endDate: string, today: string): string | null {
  return afterTodayProblem(endDate, today);
}

/** A session's or check-in's date, next to its pair's start. */
export function beforePairStartProblem(date: string, pairStartDate: string): string | null {
  if (date >= addYears(pairStartDate, -YEARS_BEFORE_PAIR_START)) return null;
  return `is ${date}, more than ${years(YEARS_BEFORE_PAIR_START)} before its pair started (${pairStartDate}).`;
}

/** A pair's start date next to one of its sessions or check-ins (`what` names it): not so late that the record is too early. */
export function startAfterRecordProblem(
  startDate: string,
  recordDate: string,
  what = "the pair's first session or check-in",
): string | null {
  if (beforePairStartProblem(recordDate, startDate) === null) return null;
  return `is ${startDate}, more than ${years(YEARS_BEFORE_PAIR_START)} after ${what}, dated ${recordDate}.`;
}

/** A session's or check-in's date, next to its pair's start and today: what the forms check. */
export function recordDateProblem(date: string, pairStartDate: string, today: string): string | null {
  return beforePairStartProblem(date, pairStartDate) ?? afterTodayProblem(date, today);
}

/** An action item's due date, next to its session's date. */
export function dueDateProblem(dueDate: string, sessionDate: string): string | null {
  if (
    dueDate < addYears(sessionDate, -DUE_YEARS_FROM_SESSION) ||
    dueDate > addYears(sessionDate, DUE_YEARS_FROM_SESSION)
  ) {
    return `is ${dueDate}, more than ${years(DUE_YEARS_FROM_SESSION)} from its session (${sessionDate}).`;
  }
  return null;
}

/** When a record was made, changed or deleted: not after now (give or take a day of clock difference). */
export function timestampProblem(stamp: string, now: Date): string | null {
  const latest = now.getTime() + TIMESTAMP_DAYS_AFTER_NOW * 24 * 60 * 60 * 1000;
  if (Date.parse(stamp) <= latest) return null;
  const day = TIMESTAMP_DAYS_AFTER_NOW === 1 ? 'a day' : `${TIMESTAMP_DAYS_AFTER_NOW} days`;
  return `is ${stamp}, more than ${day} after now (${now.toISOString()}): the clock of the device that wrote it was wrong, or the file was changed by hand.`;
}

/** One of these problems said to the person typing the date in a form: "This date is more than …". */
export function formDateMessage(problem: string): string {
  return problem.replace(/^is [^,]+, /, 'This date is ');
}
