import { describe, expect, it } from 'vitest';
import { aCheckIn } from '../test/builders';
import {
  LOW_SCORE_MAX,
  MIN_CHECKINS_FOR_DIRECTION,
  PERCEPTION_GAP_MIN,
  TREND_WINDOW,
  latestScore,
  perceptionGap,
  scoreSeries,
  thresholds,
  trendDirection,
} from './trend';

const series = (...scores: number[]) => scores.map((score, day) => ({ date: `2026-02-${String(day + 1).padStart(2, '0')}`, score }));

describe('thresholds', () => {
  it('keeps the agreed values in one object', () => {
    expect(thresholds).toMatchObject({
      LOW_SCORE_MAX: 2,
      PERCEPTION_GAP_MIN: 2,
      MIN_CHECKINS_FOR_DIRECTION: 3,
      TREND_WINDOW: 4,
    });
    expect([LOW_SCORE_MAX, PERCEPTION_GAP_MIN, MIN_CHECKINS_FOR_DIRECTION, TREND_WINDOW]).toEqual([2, 2, 3, 4]);
  });
});

describe('scoreSeries', () => {
  it('lists one side’s scores for a characteristic oldest first', () => {
    const checkIns = [
      aCheckIn({ side: 'mentee', date: '2026-03-01', scores: { trust: 3 } }),
      aCheckIn({ side: 'mentee', date: '2026-01-01', scores: { trust: 5 } }),
      aCheckIn({ side: 'mentor', date: '2026-02-01', scores: { trust: 1 } }),
      aCheckIn({ side: 'mentee', date: '2026-02-01', scores: { trust: 4 } }),
    ];
    expect(scoreSeries(checkIns, 'mentee', 'trust')).toEqual([
      { date: '2026-01-01', score: 5 },
      { date: '2026-02-01', score: 4 },
      { date: '2026-03-01', score: 3 },
    ]);
  });

  it('orders two check-ins on the same day by when they were made', () => {
    const checkIns = [
      aCheckIn({ date: '2026-03-01', createdAt: '2026-03-01T18:00:00.000Z', scores: { trust: 2 } }),
      aCheckIn({ date: '2026-03-01', createdAt: '2026-03-01T09:00:00.000Z', scores: { trust: 5 } }),
    ];
    expect(scoreSeries(checkIns, 'mentee', 'trust').map((point) => point.score)).toEqual([5, 2]);
  });

  it('skips check-ins that did not rate the characteristic or were deleted', () => {
    const checkIns = [
      aCheckIn({ date: '2026-01-01', scores: { trust: 4 } }),
      aCheckIn({ date: '2026-01-02', scores: { competence: 2 } }),
      aCheckIn({ date: '2026-01-03', scores: { trust: 1 }, deletedAt: '2026-01-04T00:00:00.000Z' }),
    ];
    expect(scoreSeries(checkIns, 'mentee', 'trust')).toEqual([{ date: '2026-01-01', score: 4 }]);
  });

  it('does not reorder the array it is given', () => {
    const checkIns = [aCheckIn({ date: '2026-02-01' }), aCheckIn({ date: '2026-01-01' })];
    const before = [...checkIns];
    scoreSeries(checkIns, 'mentee', 'trust');
    expect(checkIns).toEqual(before);
  });
});

describe('trendDirection', () => {
  // Slopes worked by hand: x = 0..n-1, slope = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)².
  it.each([
    { scores: [4, 4, 3, 3], slope: '-0.4', direction: 'falling' },
    { scores: [3, 3, 3, 2], slope: '-0.3, exactly on the threshold', direction: 'falling' },
    { scores: [5, 4, 3], slope: '-1', direction: 'falling' },
    { scores: [3, 4, 3, 4], slope: '+0.2', direction: 'steady' },
    { scores: [4, 4, 4, 4], slope: '0', direction: 'steady' },
    { scores: [2, 2, 2, 3], slope: '+0.3', direction: 'rising' },
    { scores: [1, 2, 3, 4], slope: '+1', direction: 'rising' },
  ])('calls $scores $direction (slope $slope)', ({ scores, direction }) => {
    expect(trendDirection(series(...scores))).toBe(direction);
  });

  it('says nothing with fewer than three scores', () => {
    expect(trendDirection(series())).toBeNull();
    expect(trendDirection(series(5))).toBeNull();
    expect(trendDirection(series(5, 1))).toBeNull();
  });

  it('looks only at the last four scores, so an old drop does not hide a recovery', () => {
    // Over all six the slope is negative; the last four (2, 3, 4, 5) rise by 1 per check-in.
    expect(trendDirection(series(5, 5, 2, 3, 4, 5))).toBe('rising');
    // The last four (5, 5, 4, 3) fall by 0.7 per check-in, whatever came before.
    expect(trendDirection(series(1, 1, 5, 5, 4, 3))).toBe('falling');
  });
});

describe('latestScore', () => {
  it('gives the most recent score of one side', () => {
    const checkIns = [
      aCheckIn({ side: 'mentor', date: '2026-01-01', scores: { trust: 2 } }),
      aCheckIn({ side: 'mentor', date: '2026-02-01', scores: { trust: 4 } }),
      aCheckIn({ side: 'mentee', date: '2026-03-01', scores: { trust: 1 } }),
    ];
    expect(latestScore(checkIns, 'mentor', 'trust')).toBe(4);
  });

  it('is null when that side has never rated the characteristic', () => {
    expect(latestScore([aCheckIn({ side: 'mentee' })], 'mentor', 'trust')).toBeNull();
  });
});

describe('perceptionGap', () => {
  it('compares the latest score of each side', () => {
    const checkIns = [
      aCheckIn({ side: 'mentor', date: '2026-01-01', scores: { trust: 2 } }),
      aCheckIn({ side: 'mentor', date: '2026-02-01', scores: { trust: 5 } }),
      aCheckIn({ side: 'mentee', date: '2026-02-03', scores: { trust: 2 } }),
    ];
    expect(perceptionGap(checkIns, 'trust')).toEqual({ mentor: 5, mentee: 2, gap: 3 });
  });

  it('measures the gap the same way whichever side rates higher', () => {
    const checkIns = [
      aCheckIn({ side: 'mentor', scores: { fairness: 1 } }),
      aCheckIn({ side: 'mentee', scores: { fairness: 4 } }),
    ];
    expect(perceptionGap(checkIns, 'fairness')).toEqual({ mentor: 1, mentee: 4, gap: 3 });
  });

  it('is null until both sides have rated the characteristic', () => {
    expect(perceptionGap([aCheckIn({ side: 'mentor', scores: { trust: 1 } })], 'trust')).toBeNull();
  });
});
