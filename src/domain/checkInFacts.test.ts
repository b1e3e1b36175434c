import { describe, expect, it } from 'vitest';
import { aCheckIn } from '../test/builders';
import { latestScoreOf, perceptionGapOf, trustDirectionOf, widestGapOf } from './checkInFactQueries';
import { checkInFacts, noCheckInFacts } from './checkInFacts';
import { latestScore, perceptionGap, scoreSeries, trendDirection } from './trend';

describe('the facts kept of a pair’s check-ins', () => {
  it('keeps each side’s latest trust scores, oldest first, and its latest date', () => {
    const checkIns = [
      aCheckIn({ side: 'mentee', date: '2026-03-05', scores: { trust: 2 } }),
      aCheckIn({ side: 'mentee', date: '2026-01-05', scores: { trust: 5 } }),
      aCheckIn({ side: 'mentee', date: '2026-02-05', scores: { trust: 4 } }),
      aCheckIn({ side: 'mentee', date: '2026-02-20', scores: { fairness: 3 } }),
      aCheckIn({ side: 'mentee', date: '2026-03-01', scores: { trust: 3 } }),
      aCheckIn({ side: 'mentee', date: '2026-03-09', scores: { trust: 1 }, deletedAt: '2026-03-10T00:00:00.000Z' }),
      aCheckIn({ side: 'mentor', date: '2025-12-01', scores: { trust: 4 } }),
    ];
    const facts = checkInFacts(checkIns);
    expect(facts.trust).toEqual({ mentee: [5, 4, 3, 2], mentor: [4] });
    expect(facts.lastDate).toEqual({ mentee: '2026-03-05', mentor: '2025-12-01' });
    expect(trustDirectionOf(facts, 'mentee')).toBe('falling');
    expect(trustDirectionOf(facts, 'mentor')).toBeNull();
  });

  it('gives the same latest scores, directions and gaps as the full history', () => {
    const checkIns = Array.from({ length: 12 }, (_, index) =>
      aCheckIn({
        side: index % 2 === 0 ? 'mentor' : 'mentee',
        date: `2026-0${1 + Math.floor(index / 3)}-1${index % 3}`,
        scores:
          index % 4 === 3
            ? { competence: 1 + (index % 5) }
            : { trust: 5 - (index % 5), competence: 1 + (index % 3), integrity: 3 },
      }),
    );
    const facts = checkInFacts(checkIns);
    for (const side of ['mentor', 'mentee'] as const) {
      expect(trustDirectionOf(facts, side)).toBe(trendDirection(scoreSeries(checkIns, side, 'trust')));
      for (const id of ['trust', 'competence', 'integrity', 'fairness'])
        expect(latestScoreOf(facts, side, id)).toBe(latestScore(checkIns, side, id));
    }
    for (const id of ['trust', 'competence', 'integrity', 'fairness'])
      expect(perceptionGapOf(facts, id)).toEqual(perceptionGap(checkIns, id));
  });

  it('picks the characteristic the partners see most differently', () => {
    const facts = checkInFacts([
      aCheckIn({ side: 'mentor', scores: { trust: 4, fairness: 5, 'non-judgment': 5 } }),
      aCheckIn({ side: 'mentee', scores: { trust: 3, fairness: 2, 'non-judgment': 2 } }),
    ]);
    // trust 1, non-judgment 3, fairness 3: a tie goes to the usual order, so non-judgment.
    expect(widestGapOf(facts)).toEqual({ characteristicId: 'non-judgment', mentor: 5, mentee: 2, gap: 3 });
  });

  it('has no gap until both sides have rated something', () => {
    expect(widestGapOf(checkInFacts([aCheckIn({ side: 'mentor' })]))).toBeNull();
    expect(widestGapOf(noCheckInFacts)).toBeNull();
  });

  it('takes a characteristic called like an object’s built-in field as any other', () => {
    const facts = checkInFacts([
      aCheckIn({ side: 'mentor', scores: { trust: 4 } }),
      aCheckIn({ side: 'mentee', scores: { constructor: 2 } }),
    ]);
    expect(latestScoreOf(facts, 'mentor', 'constructor')).toBeNull();
    expect(latestScoreOf(facts, 'mentee', 'constructor')).toBe(2);
    expect(perceptionGapOf(facts, 'constructor')).toBeNull();
  });

  it('survives being stored: a structured copy answers the same', () => {
    const facts = checkInFacts([
      aCheckIn({ side: 'mentor', scores: { trust: 4, fairness: 1 } }),
      aCheckIn({ side: 'mentee', scores: { trust: 1, fairness: 5 } }),
    ]);
    expect(widestGapOf(structuredClone(facts))).toEqual(widestGapOf(facts));
  });
});
