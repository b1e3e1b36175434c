/**
 * Calendar arithmetic on `YYYY-MM-DD` days. Days are computed in UTC so that a day is always
 * 24 hours long, whatever the user's time zone does with daylight saving.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

function toUtcMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function addDays(day: string, days: number): string {
  return new Date(toUtcMs(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** Today's date where the user is, not in UTC. */
export function localToday(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** A calendar month, `YYYY-MM`. */
export type Month = string;

/** The month a `YYYY-MM-DD` day falls in. */
export function monthOf(day: string): Month {
  return day.slice(0, 7);
}

/** `months` months after (or, when negative, before) a month. */
export function addMonths(month: Month, months: number): Month {
  const [year = 0, monthNumber = 1] = month.split('-').map(Number);
  const index = year * 12 + (monthNumber - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included; empty when `from` is later. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const months: Month[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
}
