import { describe, expect, it } from 'vitest';
import { aCheckIn } from '../test/builders';
import { builtInCharacteristics } from './characteristic';
import type { GuidanceCard } from './guidance';
import { guidanceCards } from './guidanceCards';
import { cardsFor, guidanceForCheckIn, guidanceForPair, type GuidanceMatch } from './guidanceSelection';
import { sides } from './side';

function aCard(overrides: Partial<GuidanceCard> & Pick<GuidanceCard, 'id'>): GuidanceCard {
  return {
    title: overrides.id,
    body: 'Advice.',
    characteristicIds: ['trust'],
    audience: 'both',
    appliesWhen: ['always'],
    source: { contributor: 'A. Writer', organisation: 'Org', postTitle: 'Post', postDate: '2013-03-23' },
    ...overrides,
  };
}

// A small library whose matches can be worked out by hand.
const cards: readonly GuidanceCard[] = [
  aCard({ id: 'a-mentor-low-trust', audience: 'mentor', appliesWhen: ['low-score'] }),
  aCard({ id: 'b-mentee-low-trust', audience: 'mentee', appliesWhen: ['low-score'] }),
  aCard({ id: 'c-both-falling-trust', audience: 'both', appliesWhen: ['falling-trend'] }),
  aCard({
    id: 'd-mentee-low-competence',
    characteristicIds: ['competence'],
    audience: 'mentee',
    appliesWhen: ['low-score'],
  }),
  aCard({
    id: 'e-both-low-or-gap-trust-competence',
    characteristicIds: ['trust', 'competence'],
    audience: 'both',
    appliesWhen: ['low-score', 'perception-gap'],
  }),
  aCard({ id: 'f-mentee-any-time-trust', audience: 'mentee', appliesWhen: ['always'] }),
  aCard({ id: 'g-mentee-any-time-competence', characteristicIds: ['competence'], audience: 'mentee' }),
  aCard({ id: 'h-mentee-any-time-fairness', characteristicIds: ['fairness'], audience: 'mentee' }),
  aCard({
    id: 'i-mentor-gap-fairness',
    characteristicIds: ['fairness'],
    audience: 'mentor',
    appliesWhen: ['perception-gap'],
  }),
];

const ids = (matches: readonly GuidanceMatch[]) => matches.map((match) => match.card.id);
const reasonTexts = (matches: readonly GuidanceMatch[], id: string) =>
  matches.find((match) => match.card.id === id)?.reasons.map((reason) => reason.text);

/** Check-ins on consecutive days, one per score, so their order is the order given. */
function checkInsOver(side: 'mentor' | 'mentee', scoreList: ReadonlyArray<Record<string, number>>) {
  return scoreList.map((scores, day) =>
    aCheckIn({ side, scores, date: `2026-02-${String(day + 1).padStart(2, '0')}` }),
  );
}

describe('guidanceForCheckIn', () => {
  it('gets trust guidance for the mentee after a low trust score', () => {
    const matches = guidanceForCheckIn({
      side: 'mentee',
      scores: { trust: 2, 'non-judgment': 4, competence: 4, integrity: 4, fairness: 4 },
    });
    expect(matches.length).toBeGreaterThan(0);
    for (const { card, reasons } of matches) {
      expect(card.characteristicIds).toContain('trust');
      expect(['mentee', 'both']).toContain(card.audience);
      expect(card.appliesWhen).toContain('low-score');
      expect(reasons).toEqual([{ trigger: 'low-score', characteristicId: 'trust', text: 'Trust was rated 2 of 5' }]);
    }
  });

  it('offers only the cards written for the side that rated, or for both', () => {
    const matches = guidanceForCheckIn({ side: 'mentee', scores: { trust: 2, competence: 4 } }, cards);
    expect(ids(matches)).toEqual(['b-mentee-low-trust', 'e-both-low-or-gap-trust-competence']);
  });

  it('shows a card that speaks to two low scores once, with both reasons, ahead of the others', () => {
    const matches = guidanceForCheckIn({ side: 'mentee', scores: { trust: 1, competence: 2 } }, cards);
    // e has two reasons, b one; both are led by the low trust score, so e comes first.
    expect(ids(matches)).toEqual([
      'e-both-low-or-gap-trust-competence',
      'b-mentee-low-trust',
      'd-mentee-low-competence',
    ]);
    expect(reasonTexts(matches, 'e-both-low-or-gap-trust-competence')).toEqual([
      'Trust was rated 1 of 5',
      'Competence was rated 2 of 5',
    ]);
  });

  it('offers any-time guidance for the lowest-rated characteristic when nothing is low', () => {
    const matches = guidanceForCheckIn({ side: 'mentee', scores: { trust: 4, competence: 3, fairness: 3 } }, cards);
    expect(ids(matches)).toEqual(['g-mentee-any-time-competence', 'h-mentee-any-time-fairness']);
    expect(matches[0]?.reasons).toEqual([
      {
        trigger: 'always',
        characteristicId: 'competence',
        text: 'Competence was rated 3 of 5, the lowest in this check-in',
      },
    ]);
  });

  it('offers at most two any-time cards, trust first, when several characteristics tie for lowest', () => {
    const matches = guidanceForCheckIn({ side: 'mentee', scores: { trust: 3, competence: 3, fairness: 3 } }, cards);
    expect(ids(matches)).toEqual(['f-mentee-any-time-trust', 'g-mentee-any-time-competence']);
  });

  it('still offers something when the low score is for a characteristic with no guidance', () => {
    const matches = guidanceForCheckIn({ side: 'mentee', scores: { punctuality: 1, trust: 4 } }, cards);
    expect(ids(matches)).toEqual(['f-mentee-any-time-trust']);
    // Trust was not the lowest score, so the reason does not claim it was.
    expect(reasonTexts(matches, 'f-mentee-any-time-trust')).toEqual(['Trust was rated 4 of 5']);
  });

  it('offers nothing for a check-in with no scores', () => {
    expect(guidanceForCheckIn({ side: 'mentor', scores: {} }, cards)).toEqual([]);
  });

  it('gives every built-in characteristic and side something to read from the real library', () => {
    for (const side of sides) {
      for (const { id } of builtInCharacteristics) {
        const scores = Object.fromEntries(builtInCharacteristics.map((c) => [c.id, c.id === id ? 3 : 5]));
        const matches = guidanceForCheckIn({ side, scores });
        expect(matches.length, `${side} with ${id} lowest`).toBeGreaterThan(0);
        expect(
          matches.every((match) => match.card.characteristicIds.includes(id)),
          `${side} with ${id} lowest`,
        ).toBe(true);
      }
    }
  });
});

describe('guidanceForPair', () => {
  it('gets low-score guidance from the viewer’s own latest check-in', () => {
    const checkIns = checkInsOver('mentee', [{ trust: 4 }, { trust: 2 }]);
    const matches = guidanceForPair({ side: 'mentee', checkIns }, cards);
    expect(ids(matches)).toEqual(['b-mentee-low-trust', 'e-both-low-or-gap-trust-competence']);
    expect(reasonTexts(matches, 'b-mentee-low-trust')).toEqual(['Trust was rated 2 of 5 in your latest check-in']);
  });

  it('looks only at the latest score, so a recovered score needs no low-score guidance', () => {
    const checkIns = checkInsOver('mentee', [{ trust: 1 }, { trust: 4 }]);
    expect(guidanceForPair({ side: 'mentee', checkIns }, cards)).toEqual([]);
  });

  it('does not offer the mentee guidance for a low score the mentor gave', () => {
    const checkIns = [
      aCheckIn({ side: 'mentor', scores: { trust: 2 } }),
      aCheckIn({ side: 'mentee', scores: { trust: 3 } }),
    ];
    expect(guidanceForPair({ side: 'mentee', checkIns }, cards)).toEqual([]);
  });

  it('tells the mentor when the mentee’s trust ratings are falling', () => {
    const checkIns = checkInsOver('mentee', [{ trust: 5 }, { trust: 4 }, { trust: 3 }]);
    const matches = guidanceForPair({ side: 'mentor', checkIns }, cards);
    expect(ids(matches)).toEqual(['c-both-falling-trust']);
    expect(matches[0]?.reasons).toEqual([
      { trigger: 'falling-trend', characteristicId: 'trust', text: 'Trust is falling in your mentee’s ratings' },
    ]);
  });

  it('gets perception-gap guidance when the two latest views are two or more points apart', () => {
    const checkIns = [
      aCheckIn({ side: 'mentor', scores: { trust: 5 } }),
      aCheckIn({ side: 'mentee', scores: { trust: 3 } }),
    ];
    const matches = guidanceForPair({ side: 'mentor', checkIns }, cards);
    expect(ids(matches)).toEqual(['e-both-low-or-gap-trust-competence']);
    expect(matches[0]?.reasons).toEqual([
      {
        trigger: 'perception-gap',
        characteristicId: 'trust',
        text: 'Trust is seen differently: you rated it 5 of 5, your mentee 3 of 5',
      },
    ]);
  });

  it('sees no gap when the two views are one point apart', () => {
    const checkIns = [
      aCheckIn({ side: 'mentor', scores: { trust: 5 } }),
      aCheckIn({ side: 'mentee', scores: { trust: 4 } }),
    ];
    expect(guidanceForPair({ side: 'mentor', checkIns }, cards)).toEqual([]);
  });

  it('shows a card picked for a low score and a gap once, with both reasons', () => {
    const checkIns = [
      aCheckIn({ side: 'mentor', scores: { trust: 5 } }),
      aCheckIn({ side: 'mentee', scores: { trust: 2 } }),
    ];
    const matches = guidanceForPair({ side: 'mentee', checkIns }, cards);
    expect(ids(matches)).toEqual(['e-both-low-or-gap-trust-competence', 'b-mentee-low-trust']);
    expect(matches[0]?.reasons.map((reason) => reason.trigger)).toEqual(['low-score', 'perception-gap']);
  });

  it('puts falling trust ahead of a low score for another characteristic', () => {
    const checkIns = checkInsOver('mentee', [
      { trust: 5, competence: 2 },
      { trust: 4, competence: 2 },
      { trust: 3, competence: 2 },
    ]);
    const matches = guidanceForPair({ side: 'mentee', checkIns }, cards);
    expect(ids(matches)).toEqual([
      'c-both-falling-trust',
      'd-mentee-low-competence',
      'e-both-low-or-gap-trust-competence',
    ]);
  });

  it('gives a coordinator the cards for both sides, naming whose score it was', () => {
    const checkIns = [
      aCheckIn({ side: 'mentor', scores: { trust: 1 } }),
      aCheckIn({ side: 'mentee', scores: { trust: 2 } }),
    ];
    const matches = guidanceForPair({ side: null, checkIns }, cards);
    expect(ids(matches)).toEqual(['a-mentor-low-trust', 'b-mentee-low-trust', 'e-both-low-or-gap-trust-competence']);
    expect(reasonTexts(matches, 'a-mentor-low-trust')).toEqual([
      'Trust was rated 1 of 5 in the mentor’s latest check-in',
      'Trust was rated 2 of 5 in the mentee’s latest check-in',
    ]);
  });

  it('describes a gap from the outside for a coordinator', () => {
    const checkIns = [
      aCheckIn({ side: 'mentor', scores: { fairness: 2 } }),
      aCheckIn({ side: 'mentee', scores: { fairness: 5 } }),
    ];
    const matches = guidanceForPair({ side: null, checkIns }, cards);
    expect(reasonTexts(matches, 'i-mentor-gap-fairness')).toEqual([
      'Fairness is seen differently: the mentor rated it 2 of 5, the mentee 5 of 5',
    ]);
  });

  it('ignores deleted check-ins', () => {
    const checkIns = [
      aCheckIn({ side: 'mentee', date: '2026-01-01', scores: { trust: 4 } }),
      aCheckIn({ side: 'mentee', date: '2026-02-01', scores: { trust: 1 }, deletedAt: '2026-02-02T00:00:00.000Z' }),
    ];
    expect(guidanceForPair({ side: 'mentee', checkIns }, cards)).toEqual([]);
  });

  it('gives the same answer whatever order the check-ins arrive in', () => {
    const checkIns = [
      ...checkInsOver('mentee', [
        { trust: 5, competence: 2 },
        { trust: 4, competence: 2 },
        { trust: 3, competence: 2 },
      ]),
      aCheckIn({ side: 'mentor', date: '2026-02-02', scores: { trust: 5, competence: 5 } }),
    ];
    const forwards = guidanceForPair({ side: 'mentee', checkIns });
    const backwards = guidanceForPair({ side: 'mentee', checkIns: [...checkIns].reverse() });
    expect(forwards.length).toBeGreaterThan(0);
    expect(backwards).toEqual(forwards);
  });

  it('offers nothing for a pair with no check-ins', () => {
    expect(guidanceForPair({ side: 'mentor', checkIns: [] })).toEqual([]);
  });
});

describe('cardsFor', () => {
  it('finds the trust cards a mentee can use, including those for both sides', () => {
    const found = cardsFor({ characteristicId: 'trust', side: 'mentee' }, cards);
    expect(found.map((card) => card.id)).toEqual([
      'b-mentee-low-trust',
      'c-both-falling-trust',
      'e-both-low-or-gap-trust-competence',
      'f-mentee-any-time-trust',
    ]);
  });

  it('returns the whole library, in order, with no filter', () => {
    expect(cardsFor({})).toEqual(guidanceCards);
  });
});
