import { checkInFacts, type CheckInFacts } from './checkInFacts';
import { addDays } from './dates';
import type { ActionItem, Session } from './session';
import { thresholds } from './thresholds';
import type { ScoredCheckIn } from './trend';

/**
 * What the dashboard and the pairs list need of one pair's sessions and check-ins, kept up to date
 * on every write that touches the pair, so that those screens read one small record per pair
 * instead of querying every pair's sessions and check-ins (the dashboard's budget: 1,000 pairs drawn in ≤ 300 ms).
 *
 * It holds no text a partner wrote (of action items, only the due dates of open ones) and only
 * check-ins shared with the program, so it is safe to show the coordinator as is. It is kept small
 * because the dashboard reads a thousand of them.
 */
export interface PairDigest {
  pairId: string;
  /** The local day the digest was written; `recentSessions` reaches back DIGEST_SESSION_DAYS from it. */
  writtenOn: string;
  lastSessionDate: string | null;
  /** Live sessions dated from `writtenOn` − DIGEST_SESSION_DAYS on, oldest first: date and open action items. */
  recentSessions: DigestSession[];
  /**
   * The facts the dashboard needs of the check-ins whose scores were shared with the program: each
   * side's latest trust scores, latest score per characteristic and latest date. Kept instead of
   * the check-ins themselves (as up to schema version 3), so the dashboard reads about a third of
   * the bytes and works nothing out from check-ins to draw.
   */
  checkIns: CheckInFacts;
}

/**
 * The one thing the pairs list needs of a pair's digest, kept beside it in a table of its own (schema
 * version 7) so that the list, the first screen of most starts, reads ~50 bytes per pair instead of
 * the whole digest (about half of what it read at start at size M).
 */
export interface PairLastSession {
  pairId: string;
  lastSessionDate: string | null;
}

export function lastSessionOf(digest: Pick<PairDigest, 'pairId' | 'lastSessionDate'>): PairLastSession {
  return { pairId: digest.pairId, lastSessionDate: digest.lastSessionDate };
}

/** What the flags need of a session: its date, and when its open action items are due. */
export interface DigestSession {
  date: string;
  /** Only open items with a due date: done ones and undated ones never make a flag. */
  actionItems: Array<Pick<ActionItem, 'dueDate' | 'done'>>;
}

/**
 * How far back a digest keeps sessions. It must exceed the dashboard's RECENT_DAYS window: any
 * session inside that window on a later day is either newer than the digest (and so was written
 * after it — which rewrote it) or at most RECENT_DAYS old on that day, which is inside this reach.
 */
export const DIGEST_SESSION_DAYS = thresholds.RECENT_DAYS * 2;

export function digestSessionsFrom(writtenOn: string): string {
  return addDays(writtenOn, -DIGEST_SESSION_DAYS);
}

/**
 * Builds a pair's digest from its records: `sessions` are the live sessions dated from
 * `digestSessionsFrom(writtenOn)` on, `lastSessionDate` the latest live session's date overall, and
 * `sharedCheckIns` at least the latest TREND_WINDOW program-shared check-ins of each side (more do
 * no harm: only their facts are kept).
 */
export function buildPairDigest(input: {
  pairId: string;
  writtenOn: string;
  lastSessionDate: string | null;
  sessions: readonly Pick<Session, 'date' | 'actionItems'>[];
  sharedCheckIns: readonly ScoredCheckIn[];
}): PairDigest {
  const from = digestSessionsFrom(input.writtenOn);
  return {
    pairId: input.pairId,
    writtenOn: input.writtenOn,
    lastSessionDate: input.lastSessionDate,
    recentSessions: input.sessions
      .filter((session) => session.date >= from)
      .map(({ date, actionItems }) => ({
        date,
        actionItems: actionItems.flatMap(({ dueDate, done }) => (!done && dueDate !== null ? [{ dueDate, done }] : [])),
      }))
      .sort((a, b) => a.date.localeCompare(b.date)),
    checkIns: checkInFacts(input.sharedCheckIns),
  };
}

/**
 * The sessions to give `summariseWithFacts` from a digest: the recent ones, or, when there are none,
 * just the latest one (for the last-session date).
 */
export function digestSessions(digest: PairDigest | undefined): Array<DigestSession & { deletedAt: null }> {
  if (!digest) return [];
  if (digest.recentSessions.length > 0)
    return digest.recentSessions.map((session) => ({ ...session, deletedAt: null }));
  return digest.lastSessionDate ? [{ date: digest.lastSessionDate, actionItems: [], deletedAt: null }] : [];
}
