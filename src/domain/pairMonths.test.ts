import { describe, expect, it } from 'vitest';
import { aCheckIn, aPair, aSession } from '../test/builders';
import { buildPairMonths, firstKeptMonth, pairMonthsFrom } from './pairMonths';

const pair = aPair({ startDate: '2024-06-01' });

describe('buildPairMonths', () => {
  it('keeps the last twelve months up to the day it is written, and months dated ahead', () => {
    const figures = buildPairMonths({
      pair,
      writtenOn: '2026-03-21',
      sessions: [
        aSession({ pairId: pair.id, date: '2025-03-31' }),
        aSession({ pairId: pair.id, date: '2025-04-01' }),
        aSession({ pairId: pair.id, date: '2026-05-02' }),
      ],
      checkIns: [aCheckIn({ pairId: pair.id, date: '2025-03-15', scores: { trust: 2 } })],
    });
    expect(firstKeptMonth('2026-03-21')).toBe('2025-04');
    expect(pairMonthsFrom('2026-03-21')).toBe('2025-04-01');
    expect(Object.keys(figures.months).sort()).toEqual(['2025-04', '2026-05']);
  });

  it('counts live sessions, and sums the scores of live check-ins shared with the program by side', () => {
    const deleted = '2026-03-02T00:00:00.000Z';
    const figures = buildPairMonths({
      pair,
      writtenOn: '2026-03-21',
      sessions: [
        aSession({ pairId: pair.id, date: '2026-03-01' }),
        aSession({ pairId: pair.id, date: '2026-03-01' }),
        aSession({ pairId: pair.id, date: '2026-03-08', deletedAt: deleted }),
      ],
      checkIns: [
        aCheckIn({ pairId: pair.id, side: 'mentee', date: '2026-03-01', scores: { trust: 4, competence: 3 } }),
        aCheckIn({ pairId: pair.id, side: 'mentee', date: '2026-03-15', scores: { trust: 2 } }),
        aCheckIn({ pairId: pair.id, side: 'mentor', date: '2026-03-01', scores: { trust: 5 } }),
        aCheckIn({ pairId: pair.id, side: 'mentor', date: '2026-03-08', scores: { trust: 1 }, deletedAt: deleted }),
        aCheckIn({ pairId: pair.id, side: 'mentee', date: '2026-03-08', scores: { trust: 1 }, visibility: 'pair' }),
        aCheckIn({ pairId: pair.id, side: 'mentor', date: '2026-03-08', scores: { trust: 1 }, visibility: 'private' }),
      ],
    });
    expect(figures).toEqual({
      pairId: pair.id,
      writtenOn: '2026-03-21',
      months: {
        '2026-03': {
          sessions: 2,
          checkIns: 3,
          sums: { mentee: { trust: [6, 2], competence: [3, 1] }, mentor: { trust: [5, 1] } },
        },
      },
    });
  });

  it('keeps no month in which nothing was counted', () => {
    const figures = buildPairMonths({
      pair,
      writtenOn: '2026-03-21',
      sessions: [aSession({ pairId: pair.id, date: '2026-02-01', deletedAt: '2026-02-02T00:00:00.000Z' })],
      checkIns: [aCheckIn({ pairId: pair.id, date: '2026-01-10', visibility: 'pair' })],
    });
    expect(figures.months).toEqual({});
  });
});
