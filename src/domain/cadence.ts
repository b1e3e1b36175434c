import { addDays, daysBetween } from './dates';
import type { Pair } from './pair';
import { OVERDUE_FACTOR } from './thresholds';

export interface SessionDue {
  /** The last session's date, or null when none has been held. */
  lastSessionDate: string | null;
  /** When the next session is due by the pair's cadence. */
  dueDate: string;
  /** Days until due; negative once the due date has passed. */
  daysUntilDue: number;
  /** True once the time since the last session passes 1.5× the cadence. */
  overdue: boolean;
}

/**
 * When a pair's next session is due. With no session yet, the first is due one cadence after the
 * pair started. Paused and closed pairs have nothing due.
 */
export function sessionDue(
  pair: Pick<Pair, 'startDate' | 'cadenceDays' | 'status'>,
  sessionDates: readonly string[],
  today: string,
): SessionDue | null {
  if (pair.status !== 'active') return null;
  const lastSessionDate = sessionDates.reduce<string | null>(
    (latest, date) => (latest === null || date > latest ? date : latest),
    null,
  );
  const from = lastSessionDate ?? pair.startDate;
  const dueDate = addDays(from, pair.cadenceDays);
  const daysSince = daysBetween(from, today);
  return {
    lastSessionDate,
    dueDate,
    daysUntilDue: daysBetween(today, dueDate),
    overdue: daysSince > pair.cadenceDays * OVERDUE_FACTOR,
  };
}
