import { sessionDue } from './cadence';
import { characteristicName, SCALE } from './characteristic';
import { daysBetween } from './dates';
import type { GuidanceTrigger } from './guidance';
import { guidanceCards } from './guidanceCards';
import type { Pair } from './pair';
import type { ActionItem } from './session';
import { sides, type Side } from './side';
import { perceptionGapOf, ratedCharacteristicsOf, trustDirectionOf } from './checkInFactQueries';
import { checkInFacts, type CheckInFacts } from './checkInFacts';
import { thresholds, type ScoredCheckIn } from './trend';

/**
 * Attention flags: the reasons a coordinator should talk to a pair this week. Each flag says why
 * in plain words and points at the guidance that answers it. Every number used here comes from
 * `thresholds` in `thresholds.ts`, which the dashboard also shows to the user.
 */

export type AttentionFlagKind =
  'trust-falling' | 'perception-gap' | 'session-overdue' | 'check-in-missing' | 'action-items-overdue';

/** Most pressing first: the order flags are listed in, and the order pairs are sorted by. */
export const attentionFlagKinds: readonly AttentionFlagKind[] = [
  'trust-falling',
  'perception-gap',
  'session-overdue',
  'check-in-missing',
  'action-items-overdue',
];

export const attentionFlagLabels: Record<AttentionFlagKind, string> = {
  'trust-falling': 'Trust falling',
  'perception-gap': 'Perception gap',
  'session-overdue': 'Session overdue',
  'check-in-missing': 'No recent check-in',
  'action-items-overdue': 'Action items past due',
};

/**
 * How urgent each kind is. The first three are what the program exists to catch (the seed calls
 * trust the foundation, and a pair that stops meeting or sees itself very differently is at risk);
 * a missing check-in hides the picture; late action items are worth a word, not a meeting.
 */
export const attentionFlagWeights: Record<AttentionFlagKind, number> = {
  'trust-falling': 3,
  'perception-gap': 3,
  'session-overdue': 3,
  'check-in-missing': 2,
  'action-items-overdue': 1,
};

/** Where the guidance that answers a flag lives: the library filtered by characteristic and trigger. */
export interface GuidanceLink {
  characteristicId: string | null;
  when: GuidanceTrigger | null;
}

export interface AttentionFlag {
  kind: AttentionFlagKind;
  /** Why this pair has the flag, in a sentence the coordinator can repeat to the pair. */
  reason: string;
  guidance: GuidanceLink;
}

/** What the flags need to know about one pair, as the program may see it. */
export interface PairSnapshot {
  pair: Pick<Pair, 'startDate' | 'cadenceDays' | 'status'>;
  lastSessionDate: string | null;
  /**
   * Check-ins shared with the program, newest or not: at least the latest TREND_WINDOW of each side,
   * so that directions, gaps and the last check-in date are the same as over the full history.
   */
  checkIns: readonly ScoredCheckIn[];
  /** The action items of the pair's recent sessions (see RECENT_DAYS). */
  actionItems: readonly Pick<ActionItem, 'dueDate' | 'done'>[];
}

const SCALE_MAX = SCALE.length;

/** Written from `thresholds`, so the explanation the user reads cannot drift from the rule applied. */
export const attentionFlagRules: Record<AttentionFlagKind, string> = {
  'trust-falling':
    `Either partner’s trust scores are falling: at least ${thresholds.MIN_CHECKINS_FOR_DIRECTION} check-ins, and over the ` +
    `last ${thresholds.TREND_WINDOW} the best-fit line drops by ${thresholds.TREND_SLOPE_MIN} points or more per check-in.`,
  'perception-gap':
    `The partners’ latest scores for the same characteristic are ${thresholds.PERCEPTION_GAP_MIN} or more points apart ` +
    `(on the 1–${SCALE_MAX} scale).`,
  'session-overdue':
    `The time since the last session (or since the pair started) is more than ${thresholds.OVERDUE_FACTOR}× the pair’s ` +
    `cadence: more than ${14 * thresholds.OVERDUE_FACTOR} days for a pair that meets every 14 days. Active pairs only.`,
  'check-in-missing':
    `One partner has shared no check-in with the program for more than ${thresholds.NO_CHECK_IN_DAYS} days ` +
    `(counted from the pair’s start if they never have). Active pairs only.`,
  'action-items-overdue':
    `An action item from a session in the last ${thresholds.RECENT_DAYS} days is still open after its due date. ` +
    'Active pairs only.',
};

/**
 * The flags a pair raises today, most pressing first. Closed pairs raise none. Paused pairs raise
 * only the flags about how the partners see the relationship (falling trust, a perception gap):
 * nothing is expected of them while paused, so overdue sessions, check-ins and action items are not
 * held against them.
 */
export function attentionFlags(snapshot: PairSnapshot, today: string): AttentionFlag[] {
  return attentionFlagsFromFacts({ ...snapshot, checkIns: checkInFacts(snapshot.checkIns) }, today);
}

/** A pair's snapshot with its check-ins' facts (as a pair's digest keeps them) instead of the check-ins. */
export type PairFactsSnapshot = Omit<PairSnapshot, 'checkIns'> & { checkIns: CheckInFacts };

/** `attentionFlags` from the facts of the check-ins: what the dashboard works from. */
export function attentionFlagsFromFacts(snapshot: PairFactsSnapshot, today: string): AttentionFlag[] {
  const { pair, checkIns } = snapshot;
  if (pair.status === 'closed') return [];
  const flags = [trustFalling(checkIns), widePerceptionGap(checkIns)];
  if (pair.status === 'active') {
    flags.push(
      sessionOverdue(snapshot, today),
      checkInMissing(snapshot.pair, checkIns, today),
      actionItemsOverdue(snapshot.actionItems, today),
    );
  }
  return flags.filter((flag): flag is AttentionFlag => flag !== null);
}

/**
 * Sorts pairs by need: compare these keys element by element, larger first. First the weight of
 * the most pressing flag, then how many flags, then their total weight.
 */
export function attentionRank(flags: readonly Pick<AttentionFlag, 'kind'>[]): [number, number, number] {
  const weights = flags.map((flag) => attentionFlagWeights[flag.kind]);
  return [Math.max(0, ...weights), weights.length, weights.reduce((sum, weight) => sum + weight, 0)];
}

/** For sorting pairs most in need first: negative when `a` needs attention more than `b`. */
export function compareAttention(
  a: readonly Pick<AttentionFlag, 'kind'>[],
  b: readonly Pick<AttentionFlag, 'kind'>[],
): number {
  return compareAttentionRanks(attentionRank(a), attentionRank(b));
}

/** `compareAttention` on ranks worked out once, for sorting many pairs. */
export function compareAttentionRanks(rankA: readonly number[], rankB: readonly number[]): number {
  for (let i = 0; i < rankA.length; i += 1) {
    const difference = (rankB[i] ?? 0) - (rankA[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The guidance library's address for a flag, e.g. `/guidance?characteristic=trust&when=falling-trend`. */
export function guidancePath(link: GuidanceLink): string {
  const params = new URLSearchParams();
  if (link.characteristicId) params.set('characteristic', link.characteristicId);
  if (link.when) params.set('when', link.when);
  const query = params.toString();
  return query ? `/guidance?${query}` : '/guidance';
}

function trustFalling(facts: CheckInFacts): AttentionFlag | null {
  const falling = sides.flatMap((side) =>
    trustDirectionOf(facts, side) === 'falling' ? [{ side, scores: facts.trust[side] }] : [],
  );
  const [first] = falling;
  if (!first) return null;
  const reason =
    falling.length === 1
      ? `The ${first.side}’s trust scores are falling: ${first.scores.join(', ')}.`
      : `Both partners’ trust scores are falling: ${falling.map(({ side, scores }) => `${side} ${scores.join(', ')}`).join('; ')}.`;
  return { kind: 'trust-falling', reason, guidance: guidanceFor('trust', 'falling-trend') };
}

function widePerceptionGap(facts: CheckInFacts): AttentionFlag | null {
  const gaps = ratedCharacteristicsOf(facts)
    .flatMap((characteristicId) => {
      const gap = perceptionGapOf(facts, characteristicId);
      return gap && gap.gap >= thresholds.PERCEPTION_GAP_MIN ? [{ characteristicId, ...gap }] : [];
    })
    // Widest first; the sort is stable, so equal gaps keep the usual order of characteristics.
    .sort((a, b) => b.gap - a.gap);
  const [widest] = gaps;
  if (!widest) return null;
  const described = gaps.map(
    ({ characteristicId, mentor, mentee }) =>
      `${characteristicName(characteristicId).toLowerCase()} (mentor ${mentor} of ${SCALE_MAX}, mentee ${mentee} of ${SCALE_MAX})`,
  );
  return {
    kind: 'perception-gap',
    reason: `The partners see ${described.join(' and ')} differently.`,
    guidance: guidanceFor(widest.characteristicId, 'perception-gap'),
  };
}

function sessionOverdue(snapshot: Pick<PairSnapshot, 'pair' | 'lastSessionDate'>, today: string): AttentionFlag | null {
  const { pair, lastSessionDate } = snapshot;
  const due = sessionDue(pair, lastSessionDate ? [lastSessionDate] : [], today);
  if (!due?.overdue) return null;
  const since = lastSessionDate
    ? `The last session was ${daysBetween(lastSessionDate, today)} days ago`
    : `No session has been logged in the ${daysBetween(pair.startDate, today)} days since the pair started`;
  return {
    kind: 'session-overdue',
    reason: `${since}; the pair meets every ${pair.cadenceDays} days.`,
    // Turning up when agreed is integrity as the seed describes it: being someone who can be counted on.
    guidance: guidanceFor('integrity', 'always'),
  };
}

function checkInMissing(pair: PairSnapshot['pair'], facts: CheckInFacts, today: string): AttentionFlag | null {
  const quiet = sides.flatMap((side): Array<{ side: Side; days: number; never: boolean }> => {
    const last = facts.lastDate[side];
    const days = daysBetween(last ?? pair.startDate, today);
    return days > thresholds.NO_CHECK_IN_DAYS ? [{ side, days, never: last === null }] : [];
  });
  if (quiet.length === 0) return null;
  const reason = quiet
    .map(({ side, days, never }) =>
      never
        ? `The ${side} has shared no check-in with the program since the pair started, ${days} days ago.`
        : `The ${side} has shared no check-in with the program for ${days} days.`,
    )
    .join(' ');
  // A short check on trust at every session is the seed's own answer to a relationship going quiet.
  return { kind: 'check-in-missing', reason, guidance: guidanceFor('trust', 'always') };
}

function actionItemsOverdue(
  items: readonly Pick<ActionItem, 'dueDate' | 'done'>[],
  today: string,
): AttentionFlag | null {
  const late = items.flatMap((item) =>
    !item.done && item.dueDate !== null && item.dueDate < today ? [item.dueDate] : [],
  );
  const oldest = late.reduce<string | null>(
    (earliest, date) => (earliest === null || date < earliest ? date : earliest),
    null,
  );
  if (oldest === null) return null;
  const overdueBy = dayCount(daysBetween(oldest, today));
  return {
    kind: 'action-items-overdue',
    reason:
      late.length === 1
        ? `One action item is still open, ${overdueBy} past its due date.`
        : `${late.length} action items are still open past their due dates, the oldest by ${overdueBy}.`,
    guidance: guidanceFor('integrity', 'always'),
  };
}

/**
 * The link for a characteristic and trigger, falling back to the trigger alone when no card speaks
 * to that characteristic (a program's own characteristic may have none), so a link never leads to
 * an empty page.
 */
function guidanceFor(characteristicId: string, when: GuidanceTrigger): GuidanceLink {
  const answered = guidanceCards.some(
    (card) => card.characteristicIds.includes(characteristicId) && card.appliesWhen.includes(when),
  );
  return { characteristicId: answered ? characteristicId : null, when };
}

function dayCount(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}
