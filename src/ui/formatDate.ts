const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A `YYYY-MM-DD` day as the user's locale writes it. The day is read in UTC so it never shifts. */
export function formatDay(day: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? day : dateFormat.format(ms);
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export function formatDaysFromNow(days: number): string {
  return relative.format(days, 'day');
}
