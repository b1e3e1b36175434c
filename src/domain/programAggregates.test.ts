import { describe, expect, it } from 'vitest';
import { aCheckIn, aPair, aSession } from '../test/builders';
import type { CheckIn } from './checkIn';
import type { Month } from './dates';
import type { Pair } from './pair';
import { buildPairMonths } from './pairMonths';
import { programAggregates, reportMonths, type MonthlyAggregate } from './programAggregates';
import type { Session } from './session';

/**
 * The program's months from its records the way the app gets there: each pair's monthly figures,
 * written on `writtenOn` (by default in the last month reported), then the aggregate of those.
 */
function aggregatesFromRecords(input: {
  pairs: readonly Pair[];
  sessions: readonly Session[];
  checkIns: readonly CheckIn[];
  from: Month;
  to: Month;
  writtenOn?: string;
}): MonthlyAggregate[] {
  const writtenOn = input.writtenOn ?? `${input.to}-28`;
  const pairMonths = input.pairs.map((pair) =>
    buildPairMonths({
      pair,
      writtenOn,
      sessions: input.sessions.filter((session) => session.pairId === pair.id),
      checkIns: input.checkIns.filter((checkIn) => checkIn.pairId === pair.id),
    }),
  );
  return programAggregates({ pairs: input.pairs, pairMonths, from: input.from, to: input.to });
}

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
  const months = aggregatesFromRecords({
    pairs: [pairA, pairB, pairC],
    sessions,
    checkIns,
    from: '2026-01',
    to: '2026-03',
  });

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
    const [january] = aggregatesFromRecords({
      pairs: [pairA],
      sessions: [],
      checkIns: [aCheckIn({ pairId: pairA.id, side: 'mentor', date: '2026-01-12', scores: { trust: 3 } })],
      from: '2026-01',
      to: '2026-01',
    });
    expect(january?.means).toEqual({ trust: { mentor: 3, mentee: null } });
  });

  it('includes a characteristic added later in every month, null before it was first rated', () => {
    const result = aggregatesFromRecords({
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
    const [january] = aggregatesFromRecords({
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

  it('leaves out a deleted pair even though its figures still count its records', () => {
    // Deleting a pair marks its records deleted but leaves its figures as they were, for the undo.
    const deletedPair = aPair({ startDate: '2026-01-01', deletedAt: '2026-01-20T00:00:00.000Z' });
    const figures = buildPairMonths({
      pair: deletedPair,
      writtenOn: '2026-01-19',
      sessions: [aSession({ pairId: deletedPair.id, date: '2026-01-12' })],
      checkIns: [aCheckIn({ pairId: deletedPair.id, date: '2026-01-12', scores: { trust: 1 } })],
    });
    expect(figures.months['2026-01']?.sessions).toBe(1);
    const [january] = programAggregates({
      pairs: [pairA, deletedPair],
      pairMonths: [figures],
      from: '2026-01',
      to: '2026-01',
    });
    expect(january).toEqual({ month: '2026-01', activePairs: 1, sessionsHeld: 0, checkInsShared: 0, means: {} });
  });

  it('gives today’s figures from a pair’s monthly figures written months ago', () => {
    // Nothing was written for this pair since November: its figures were never rewritten.
    const quiet = aPair({ startDate: '2025-01-06' });
    const records = {
      pairs: [quiet],
      sessions: [
        aSession({ pairId: quiet.id, date: '2025-03-30' }),
        aSession({ pairId: quiet.id, date: '2025-04-14' }),
        aSession({ pairId: quiet.id, date: '2025-11-03' }),
      ],
      checkIns: [
        aCheckIn({ pairId: quiet.id, date: '2025-04-14', scores: { trust: 3 } }),
        aCheckIn({ pairId: quiet.id, date: '2025-11-03', scores: { trust: 5 } }),
      ],
      from: '2025-04',
      to: '2026-03',
    };
    const writtenInNovember = aggregatesFromRecords({ ...records, writtenOn: '2025-11-10' });
    expect(writtenInNovember).toEqual(aggregatesFromRecords({ ...records, writtenOn: '2026-03-21' }));
    expect(writtenInNovember.map((month) => month.sessionsHeld)).toEqual([1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(writtenInNovember.map((month) => month.means.trust?.mentee)).toEqual([
      3,
      null,
      null,
      null,
      null,
      null,
      null,
      5,
      null,
      null,
      null,
      null,
    ]);
  });

  it('counts a session dated ahead once its month is reported, without its pair’s figures rewritten', () => {
    const figures = buildPairMonths({
      pair: pairA,
      writtenOn: '2026-01-20',
      sessions: [
        aSession({ pairId: pairA.id, date: '2026-01-12' }),
        aSession({ pairId: pairA.id, date: '2026-02-03' }),
      ],
      checkIns: [],
    });
    const sessionsHeld = (to: Month) =>
      programAggregates({ pairs: [pairA], pairMonths: [figures], from: '2026-01', to }).map(
        (month) => month.sessionsHeld,
      );
    expect(sessionsHeld('2026-01')).toEqual([1]);
    expect(sessionsHeld('2026-02')).toEqual([1, 1]);
  });

  it('counts nothing for a pair with no monthly figures yet', () => {
    const [january] = programAggregates({ pairs: [pairA], pairMonths: [], from: '2026-01', to: '2026-01' });
    expect(january).toEqual({ month: '2026-01', activePairs: 1, sessionsHeld: 0, checkInsShared: 0, means: {} });
  });
});

describe('reportMonths', () => {
  it('reports the last twelve months, but none before the program’s first pair started', () => {
    expect(reportMonths([aPair({ startDate: '2020-01-01' })], '2026-03-21', 12)).toEqual({
      from: '2025-04',
      to: '2026-03',
    });
    expect(reportMonths([aPair({ startDate: '2025-10-20' })], '2026-03-21', 12)).toEqual({
      from: '2025-10',
      to: '2026-03',
    });
    expect(reportMonths([], '2026-03-21', 12)).toEqual({ from: '2025-04', to: '2026-03' });
  });
});
