import { builtInCharacteristics, characteristicName, SCALE } from './characteristic';
import type { CheckIn } from './checkIn';
import { compareCodeUnits } from './compareText';
import type { GuidanceAudience, GuidanceCard, GuidanceTrigger } from './guidance';
import { guidanceCards } from './guidanceCards';
import { otherSide, sides, type Side } from './side';
import {
  LOW_SCORE_MAX,
  PERCEPTION_GAP_MIN,
  latestScore,
  perceptionGap,
  scoreSeries,
  trendDirection,
  type ScoredCheckIn,
} from './trend';

/** Why a card was picked, in words the user can read next to it. */
export interface GuidanceReason {
  trigger: GuidanceTrigger;
  characteristicId: string;
  /** For example "Trust was rated 2 of 5". */
  text: string;
}

export interface GuidanceMatch {
  card: GuidanceCard;
  reasons: GuidanceReason[];
}

/** When nothing in a check-in is low, this many "any time" cards are offered instead. */
export const FALLBACK_CARD_LIMIT = 2;

const SCALE_MAX = SCALE.length;

/**
 * Something in the scores that calls for guidance. `rank` orders signals from most to least
 * pressing; it is compared element by element, lower first.
 */
interface Signal extends GuidanceReason {
  audiences: readonly GuidanceAudience[];
  rank: readonly number[];
}

/**
 * The guidance for one check-in, phrased for the side that made it: for every characteristic
 * rated LOW_SCORE_MAX (2) or lower, the cards about it that apply after a low score. When nothing
 * matched, so that there is always something relevant to read, up to FALLBACK_CARD_LIMIT (2)
 * "any time" cards for the lowest-rated characteristic(s) that have one.
 */
export function guidanceForCheckIn(
  checkIn: Pick<CheckIn, 'side' | 'scores'>,
  cards: readonly GuidanceCard[] = guidanceCards,
): GuidanceMatch[] {
  const audiences = audiencesFor(checkIn.side);
  const rated = orderCharacteristicIds(Object.keys(checkIn.scores)).flatMap((characteristicId, position) => {
    const score = checkIn.scores[characteristicId];
    return score === undefined ? [] : [{ characteristicId, score, position }];
  });

  const lowSignals = rated
    .filter(({ score }) => score <= LOW_SCORE_MAX)
    .map(({ characteristicId, score, position }): Signal => ({
      trigger: 'low-score',
      characteristicId,
      text: `${characteristicName(characteristicId)} was rated ${score} of ${SCALE_MAX}`,
      audiences,
      rank: [severityTier('low-score', characteristicId), score, position],
    }));
  const matches = matchSignals(lowSignals, cards);
  if (matches.length > 0) return matches;

  // Only characteristics that have an "any time" card for this side can fill the gap; otherwise a
  // program's own characteristic with no guidance would leave the user with nothing.
  const coverable = rated.filter(({ characteristicId }) =>
    cards.some((card) => fits(card, characteristicId, 'always', audiences)),
  );
  const lowest = Math.min(...coverable.map(({ score }) => score));
  const overallLowest = Math.min(...rated.map(({ score }) => score));
  const fallbackSignals = coverable
    .filter(({ score }) => score === lowest)
    .map(({ characteristicId, score, position }): Signal => ({
      trigger: 'always',
      characteristicId,
      text:
        score === overallLowest
          ? `${characteristicName(characteristicId)} was rated ${score} of ${SCALE_MAX}, the lowest in this check-in`
          : `${characteristicName(characteristicId)} was rated ${score} of ${SCALE_MAX}`,
      audiences,
      rank: [severityTier('always', characteristicId), score, position],
    }));
  return matchSignals(fallbackSignals, cards).slice(0, FALLBACK_CARD_LIMIT);
}

/**
 * The guidance for a pair as one viewer sees it. Pass only the check-ins that viewer may see.
 *
 * - `side` is the viewer's side in the pair; null is someone outside it (a coordinator), who gets
 *   the cards for both sides.
 * - low-score: the latest score of the viewer's side (both sides for an outsider) at LOW_SCORE_MAX
 *   or lower.
 * - falling-trend: a falling direction (see `trendDirection`) in either side's scores, since the
 *   mentee's falling trust is as much the mentor's concern as their own.
 * - perception-gap: latest scores of the two sides PERCEPTION_GAP_MIN or more apart.
 *
 * A card picked for several reasons appears once with all of them. Most pressing first: a low or
 * falling trust score, then other low and falling scores, then gaps; ties keep library order.
 */
export function guidanceForPair(
  input: { side: Side | null; checkIns: readonly ScoredCheckIn[] },
  cards: readonly GuidanceCard[] = guidanceCards,
): GuidanceMatch[] {
  const { side: viewer, checkIns } = input;
  const live = checkIns.filter((checkIn) => !checkIn.deletedAt);
  const audiences = viewer ? audiencesFor(viewer) : (['mentor', 'mentee', 'both'] as const);
  const ids = orderCharacteristicIds(live.flatMap((checkIn) => Object.keys(checkIn.scores)));
  const signals: Signal[] = [];

  ids.forEach((characteristicId, position) => {
    const name = characteristicName(characteristicId);

    for (const rater of viewer ? [viewer] : sides) {
      const score = latestScore(live, rater, characteristicId);
      if (score !== null && score <= LOW_SCORE_MAX) {
        signals.push({
          trigger: 'low-score',
          characteristicId,
          text: `${name} was rated ${score} of ${SCALE_MAX} in ${whose(rater, viewer)} latest check-in`,
          audiences,
          rank: [severityTier('low-score', characteristicId), score, position],
        });
      }
    }

    for (const rater of sides) {
      if (trendDirection(scoreSeries(live, rater, characteristicId)) === 'falling') {
        signals.push({
          trigger: 'falling-trend',
          characteristicId,
          text: `${name} is falling in ${whose(rater, viewer)} ratings`,
          audiences,
          // The viewer's own falling scores before their partner's.
          rank: [severityTier('falling-trend', characteristicId), rater === viewer ? 0 : 1, position],
        });
      }
    }

    const gap = perceptionGap(live, characteristicId);
    if (gap && gap.gap >= PERCEPTION_GAP_MIN) {
      signals.push({
        trigger: 'perception-gap',
        characteristicId,
        text: gapText(name, gap, viewer),
        audiences,
        rank: [severityTier('perception-gap', characteristicId), -gap.gap, position],
      });
    }
  });

  return matchSignals(signals, cards);
}

/** The cards about a characteristic and/or for a side (a side's cards include those for both). */
export function cardsFor(
  filter: { characteristicId?: string; side?: Side },
  cards: readonly GuidanceCard[] = guidanceCards,
): GuidanceCard[] {
  const { characteristicId, side } = filter;
  return cards.filter(
    (card) =>
      (characteristicId === undefined || card.characteristicIds.includes(characteristicId)) &&
      (side === undefined || card.audience === side || card.audience === 'both'),
  );
}

function audiencesFor(side: Side): readonly GuidanceAudience[] {
  return [side, 'both'];
}

function fits(
  card: GuidanceCard,
  characteristicId: string,
  trigger: GuidanceTrigger,
  audiences: readonly GuidanceAudience[],
): boolean {
  return (
    card.characteristicIds.includes(characteristicId) &&
    card.appliesWhen.includes(trigger) &&
    audiences.includes(card.audience)
  );
}

/**
 * The seed calls trust the foundation the others rest on, so trouble with trust comes before the
 * same trouble elsewhere, and a falling trust score before a low score for anything else.
 */
function severityTier(trigger: GuidanceTrigger, characteristicId: string): number {
  const trust = characteristicId === 'trust';
  switch (trigger) {
    case 'low-score':
      return trust ? 0 : 2;
    case 'falling-trend':
      return trust ? 1 : 3;
    case 'perception-gap':
      return trust ? 4 : 5;
    case 'always':
      return trust ? 6 : 7;
  }
}

/** Cards for the signals, each card once with all its reasons, most pressing first. */
function matchSignals(signals: readonly Signal[], cards: readonly GuidanceCard[]): GuidanceMatch[] {
  const byCard = new Map<GuidanceCard, { index: number; signals: Signal[] }>();
  cards.forEach((card, index) => {
    const matched = signals.filter((signal) => fits(card, signal.characteristicId, signal.trigger, signal.audiences));
    if (matched.length > 0) byCard.set(card, { index, signals: matched.sort((a, b) => compareRanks(a.rank, b.rank)) });
  });
  return [...byCard.entries()]
    .sort(([, a], [, b]) => {
      // Each list is sorted, so its first signal is its most pressing.
      const [aFirst] = a.signals;
      const [bFirst] = b.signals;
      const byRank = aFirst && bFirst ? compareRanks(aFirst.rank, bFirst.rank) : 0;
      return byRank || b.signals.length - a.signals.length || a.index - b.index;
    })
    .map(([card, { signals: matched }]) => ({
      card,
      reasons: matched.map(({ trigger, characteristicId, text }) => ({ trigger, characteristicId, text })),
    }));
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Built-in characteristics in their usual order, then any others alphabetically; no repeats. */
function orderCharacteristicIds(ids: readonly string[]): string[] {
  const builtInOrder = builtInCharacteristics.map((characteristic) => characteristic.id);
  const position = (id: string) => {
    const index = builtInOrder.indexOf(id);
    return index === -1 ? builtInOrder.length : index;
  };
  return [...new Set(ids)].sort((a, b) => position(a) - position(b) || compareCodeUnits(a, b));
}

/** "your", "your mentee's" or "the mentor's", depending on who is reading. */
function whose(rater: Side, viewer: Side | null): string {
  if (viewer === null) return `the ${rater}’s`;
  return rater === viewer ? 'your' : `your ${rater}’s`;
}

function gapText(name: string, gap: { mentor: number; mentee: number }, viewer: Side | null): string {
  if (viewer === null) {
    return `${name} is seen differently: the mentor rated it ${gap.mentor} of ${SCALE_MAX}, the mentee ${gap.mentee} of ${SCALE_MAX}`;
  }
  const partner = otherSide(viewer);
  return `${name} is seen differently: you rated it ${gap[viewer]} of ${SCALE_MAX}, your ${partner} ${gap[partner]} of ${SCALE_MAX}`;
}
