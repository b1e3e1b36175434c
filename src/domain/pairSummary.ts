import {
  attentionFlagsFromFacts,
  type AttentionFlag,
  type PairFactsSnapshot,
  type PairSnapshot,
} from './attentionFlags';
import { latestScoreOf, trustDirectionOf, widestGapOf } from './checkInFactQueries';
import { checkInFacts, type CheckInFacts } from './checkInFacts';
import { addDays, daysBetween } from './dates';
import type { Pair } from './pair';
import type { ActionItem, Session } from './session';
import type { Side } from './side';
import { thresholds, type PerceptionGap, type TrendDirection } from './trend';

/** One row of the coordinator's dashboard, worked out from what the program may see of a pair. */
export interface PairSummary {
  lastSessionDate: string | null;
  /** Sessions held in the last RECENT_DAYS days, today included. */
  recentSessions: number;
  /** How many sessions the cadence asks for in that time; null unless the pair is active. */
  expectedRecentSessions: number | null;
  latestTrust: Record<Side, number | null>;
  trustDirection: Record<Side, TrendDirection | null>;
  widestGap: (PerceptionGap & { characteristicId: string }) | null;
  flags: AttentionFlag[];
}

export interface PairSummaryInput extends PairSnapshot {
  pair: Pick<Pair, 'startDate' | 'cadenceDays' | 'status'>;
  recentSessions: number;
}

export function summarisePair(input: PairSummaryInput, today: string): PairSummary {
  return summariseFromFacts({ ...input, checkIns: checkInFacts(input.checkIns) }, today);
}

/** `summarisePair` from the facts of the check-ins (as a pair's digest keeps them). */
function summariseFromFacts(input: PairFactsSnapshot & { recentSessions: number }, today: string): PairSummary {
  const facts = input.checkIns;
  return {
    lastSessionDate: input.lastSessionDate,
    recentSessions: input.recentSessions,
    expectedRecentSessions: expectedSessions(input.pair, today),
    latestTrust: { mentor: latestScoreOf(facts, 'mentor', 'trust'), mentee: latestScoreOf(facts, 'mentee', 'trust') },
    trustDirection: { mentor: trustDirectionOf(facts, 'mentor'), mentee: trustDirectionOf(facts, 'mentee') },
    widestGap: widestGapOf(facts),
    flags: attentionFlagsFromFacts(input, today),
  };
}

/**
 * The summary straight from a pair's records. It needs only the pair's recent records, which is
 * what lets the dashboard read a few records per pair instead of all of them:
 *
 * - `sessions`: every session dated from `recentWindowStart(today)` on, or, if there is none, the
 *   latest session before it;
 * - `checkIns`: the latest TREND_WINDOW check-ins of each side whose scores were shared with the
 *   program (and nothing the program may not see).
 *
 * Given more records than that, the answer is the same.
 */
export function summariseRecords(
  pair: Pick<Pair, 'startDate' | 'cadenceDays' | 'status'>,
  sessions: readonly SummarySession[],
  checkIns: PairSnapshot['checkIns'],
  today: string,
): PairSummary {
  return summariseWithFacts(pair, sessions, checkInFacts(checkIns), today);
}

type SummarySession = Pick<Session, 'date' | 'deletedAt'> & {
  actionItems: readonly Pick<ActionItem, 'dueDate' | 'done'>[];
};

/**
 * `summariseRecords` with the check-ins' facts (`checkInFacts`) in place of the check-ins: what the
 * dashboard works from, since a pair's digest keeps the facts rather than the check-ins.
 */
export function summariseWithFacts(
  pair: Pick<Pair, 'startDate' | 'cadenceDays' | 'status'>,
  sessions: readonly SummarySession[],
  checkIns: CheckInFacts,
  today: string,
): PairSummary {
  const live = sessions.filter((session) => !session.deletedAt);
  const windowStart = recentWindowStart(today);
  const lastSessionDate = live.reduce<string | null>(
    (latest, { date }) => (latest === null || date > latest ? date : latest),
    null,
  );
  const recent = live.filter((session) => session.date >= windowStart);
  return summariseFromFacts(
    {
      pair,
      lastSessionDate,
      recentSessions: recent.filter((session) => session.date <= today).length,
      checkIns,
      actionItems: recent.flatMap((session) => session.actionItems),
    },
    today,
  );
}

/** The first day of the dashboard's "recent" window: RECENT_DAYS days ending today. */
export function recentWindowStart(today: string, days: number = thresholds.RECENT_DAYS): string {
  return addDays(today, -(days - 1));
}

/**
 * How many sessions an active pair's cadence asks for in the last `days` days: the whole cadences
 * that fit between the window's start (or the pair's start, if later) and today. A pair that meets
 * every 14 days owes 6 sessions in 90 days; one that started 30 days ago owes 2. Paused and closed
 * pairs owe none, so the answer is null for them.
 */
export function expectedSessions(
  pair: Pick<Pair, 'startDate' | 'cadenceDays' | 'status'>,
  today: string,
  days: number = thresholds.RECENT_DAYS,
): number | null {
  if (pair.status !== 'active') return null;
  const windowStart = recentWindowStart(today, days);
  const from = pair.startDate > windowStart ? pair.startDate : windowStart;
  const elapsed = Math.max(0, daysBetween(from, today) + 1);
  return Math.floor(elapsed / pair.cadenceDays);
}
