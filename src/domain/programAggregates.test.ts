import { describe, expect, it } from 'vitest';
import { aCheckIn, aPair, aSession } from '../test/builders';
import { addMonths, monthOf, monthsBetween, programAggregates, reportMonths } from './programAggregates';

const pairA = aPair({ startDate: '2026-01-10' });
const pairB = aPair({ startDate: '2026-02-20' });
// Closed mid-February: counts in January and February, not in March.
const pairC = aPair({ startDate: '2025-12-01', status: 'closed', endDate: '2026-02-14' });

describe('programAggregates', () => {
  /*
   * By hand, trust:
   *              pair A mentee        pair B mentee   mean of pair means
   *   January    4, 2 → 3             —               3
   *   February   5 → 5                2 → 2           (5 + 2) / 2 = 3.5
   *   March      —                    —               null
   * A plain mean of February's scores would be (5 + 2) / 2 too; January shows the difference with
   * pair C's single mentee score of 5: pair means 3 and 5 → 4, while all scores 4, 2, 5 → 3.67.
   */
  const checkIns = [
    aCheckIn({ pairId: pairA.id, side: 'mentee', date: '2026-01-12', scores: { trust: 4 } }),
    aCheckIn({ pairId: pairA.id, side: 'mentee', date: '2026-01-26', scores: { trust: 2 } }),
    aCheckIn({ pairId: pairC.id, side: 'mentee', date: '2026-01-20', scores: { trust: 5 } }),
    aCheckIn({ pairId: pairA.id, side: 'mentee', date: '2026-02-09', scores: { trust: 5 } }),
    aCheckIn({ pairId: pairB.id, side: 'mentee', date: '2026-02-23', scores: { trust: 2 } }),
    aCheckIn({ pairId: pairA.id, side: 'mentor', date: '2026-02-09', scores: { trust: 4 } }),
  ];
  const sessions = [
    aSession({ pairId: pairA.id, date: '2026-01-12' }),
    // Two sessions on the same day are two sessions held.
    aSession({ pairId: pairA.id, date: '2026-01-26' }),
    aSession({ pairId: pairA.id, date: '2026-01-26' }),
    aSession({ pairId: pairC.id, date: '2026-02-13' }),
    aSession({ pairId: pairB.id, date: '2026-03-02' }),
  ];
  const months = programAggregates({ pairs: [pairA, pairB, pairC], sessions, checkIns, from: '2026-01', to: '2026-03' });

  it('has a row for every month in the range, empty months included', () => {
    expect(months.map((month) => month.month)).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('counts active pairs, including a pair closed mid-period in the months it ran', () => {
    expect(months.map((month) => month.activePairs)).toEqual([2, 3, 2]);
  });

  it('counts sessions held and check-ins shared per month', () => {
    expect(months.map((month) => month.sessionsHeld)).toEqual([3, 1, 1]);
    expect(months.map((month) => month.checkInsShared)).toEqual([3, 3, 0]);
  });

  it('averages each pair first, then across pairs, for each side', () => {
    expect(months.map((month) => month.means.trust?.mentee)).toEqual([4, 3.5, null]);
    expect(months.map((month) => month.means.trust?.mentor)).toEqual([null, 4, null]);
  });

  it('with scores from one side only, leaves the other side null', () => {
    const [january] = programAggregates({
      pairs: [pairA],
      sessions: [],
      checkIns: [aCheckIn({ pairId: pairA.id, side: 'mentor', date: '2026-01-12', scores: { trust: 3 } })],
      from: '2026-01',
      to: '2026-01',
    });
    expect(january?.means).toEqual({ trust: { mentor: 3, mentee: null } });
  });

  it('includes a characteristic added later in every month, null before it was first rated', () => {
    const result = programAggregates({
      pairs: [pairA],
      sessions: [],
      checkIns: [
        aCheckIn({ pairId: pairA.id, date: '2026-01-12', scores: { trust: 4 } }),
        aCheckIn({ pairId: pairA.id, date: '2026-02-12', scores: { trust: 4, punctuality: 2 } }),
      ],
      from: '2026-01',
      to: '2026-02',
    });
    expect(result.map((month) => Object.keys(month.means))).toEqual([
      ['trust', 'punctuality'],
      ['trust', 'punctuality'],
    ]);
    expect(result.map((month) => month.means.punctuality?.mentee)).toEqual([null, 2]);
  });

  it('leaves out deleted records and the records of deleted pairs', () => {
    const deletedPair = aPair({ startDate: '2026-01-01', deletedAt: '2026-01-05T00:00:00.000Z' });
    const [january] = programAggregates({
      pairs: [pairA, deletedPair],
      sessions: [
        aSession({ pairId: deletedPair.id, date: '2026-01-12' }),
        aSession({ pairId: pairA.id, date: '2026-01-12', deletedAt: '2026-01-13T00:00:00.000Z' }),
      ],
      checkIns: [
        aCheckIn({ pairId: deletedPair.id, date: '2026-01-12', scores: { trust: 1 } }),
        aCheckIn({ pairId: pairA.id, date: '2026-01-12', scores: { trust: 1 }, deletedAt: '2026-01-13T00:00:00.000Z' }),
      ],
      from: '2026-01',
      to: '2026-01',
    });
    expect(january).toEqual({ month: '2026-01', activePairs: 1, sessionsHeld: 0, checkInsShared: 0, means: {} });
  });
});

describe('months', () => {
  it('finds the month of a day and steps across year ends', () => {
    expect(monthOf('2026-03-21')).toBe('2026-03');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-03', -11)).toBe('2025-04');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-02', '2026-01')).toEqual([]);
  });

  it('reports the last twelve months, but none before the program’s first pair started', () => {
    expect(reportMonths([aPair({ startDate: '2020-01-01' })], '2026-03-21', 12)).toEqual({ from: '2025-04', to: '2026-03' });
    expect(reportMonths([aPair({ startDate: '2025-10-20' })], '2026-03-21', 12)).toEqual({ from: '2025-10', to: '2026-03' });
    expect(reportMonths([], '2026-03-21', 12)).toEqual({ from: '2025-04', to: '2026-03' });
  });
});
