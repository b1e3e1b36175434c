import { describe, expect, it } from 'vitest';
import { aCheckIn } from '../test/builders';
import {
  LOW_SCORE_MAX,
  MIN_CHECKINS_FOR_DIRECTION,
  PERCEPTION_GAP_MIN,
  ROLLING_MEAN_WINDOW,
  TREND_WINDOW,
  alignSeries,
  characteristicTrend,
  latestScore,
  pairTrends,
  perceptionGap,
  ratedCharacteristicIds,
  rollingMeans,
  scoreSeries,
  sideTrend,
  thresholds,
  trendDirection,
} from './trend';

const series = (...scores: number[]) =>
  scores.map((score, day) => ({ date: `2026-02-${String(day + 1).padStart(2, '0')}`, score }));

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

describe('rollingMeans', () => {
  // Worked by hand with a window of 3: each value averages itself and up to two before it.
  it.each([
    { values: [4, 2, 3, 1], means: [4, 3, 3, 2] },
    { values: [5], means: [5] },
    { values: [1, 5], means: [1, 3] },
    { values: [2, 2, 5, 5, 5], means: [2, 2, 3, 4, 5] },
  ])('averages $values into $means', ({ values, means }) => {
    rollingMeans(values).forEach((mean, index) => expect(mean).toBeCloseTo(means[index] ?? Number.NaN, 9));
  });

  it('uses the window the README names', () => {
    expect(ROLLING_MEAN_WINDOW).toBe(3);
    expect(thresholds.ROLLING_MEAN_WINDOW).toBe(ROLLING_MEAN_WINDOW);
    expect(rollingMeans([1, 2, 3, 4], 2)).toEqual([1, 1.5, 2.5, 3.5]);
  });

  it('is empty for no values', () => {
    expect(rollingMeans([])).toEqual([]);
  });
});

describe('sideTrend', () => {
  it('gives one side’s points with their rolling mean, its direction and latest score', () => {
    const checkIns = [4, 4, 3, 3].map((trust, index) =>
      aCheckIn({ side: 'mentor', date: `2026-02-0${index + 1}`, scores: { trust } }),
    );
    const trend = sideTrend(checkIns, 'mentor', 'trust');
    expect(trend.points.map(({ score, rollingMean }) => [score, rollingMean])).toEqual([
      [4, 4],
      [4, 4],
      [3, 11 / 3],
      [3, 10 / 3],
    ]);
    expect(trend.direction).toBe('falling');
    expect(trend.latest).toBe(3);
  });

  it('with one check-in only, has a point and a latest score but no direction', () => {
    const trend = sideTrend([aCheckIn({ side: 'mentee', scores: { trust: 2 } })], 'mentee', 'trust');
    expect(trend.points).toEqual([{ date: '2026-01-15', score: 2, rollingMean: 2 }]);
    expect(trend.direction).toBeNull();
    expect(trend.latest).toBe(2);
  });

  it('is empty for a side that has not rated the characteristic', () => {
    expect(sideTrend([aCheckIn({ side: 'mentee' })], 'mentor', 'trust')).toEqual({
      points: [],
      direction: null,
      latest: null,
    });
  });
});

describe('alignSeries', () => {
  it('puts two series on one time line, a row per day, null where a series has nothing', () => {
    const rows = alignSeries([
      [{ date: '2026-01-01' }, { date: '2026-01-15' }],
      [{ date: '2026-01-03' }, { date: '2026-01-15' }],
    ]);
    expect(rows.map(({ date, values }) => [date, values.map((value) => value?.date ?? null)])).toEqual([
      ['2026-01-01', ['2026-01-01', null]],
      ['2026-01-03', [null, '2026-01-03']],
      ['2026-01-15', ['2026-01-15', '2026-01-15']],
    ]);
  });

  it('gives a second check-in on the same day a row of its own, so no score is lost', () => {
    const rows = alignSeries([
      [
        { date: '2026-01-01', score: 4 },
        { date: '2026-01-01', score: 2 },
      ],
      [{ date: '2026-01-01', score: 5 }],
    ]);
    expect(
      rows.map(({ date, occurrence, values }) => [date, occurrence, values.map((value) => value?.score ?? null)]),
    ).toEqual([
      ['2026-01-01', 0, [4, 5]],
      ['2026-01-01', 1, [2, null]],
    ]);
  });
});

describe('characteristicTrend', () => {
  // mentor: 5 (Jan 1), 5 (Jan 15), 4 (Feb 1)   mentee: 3 (Jan 2), 2 (Feb 1)
  // gap as it stood after each row: Jan 1 none yet; Jan 2 |5−3| = 2; Jan 15 |5−3| = 2; Feb 1 |4−2| = 2.
  const checkIns = [
    aCheckIn({ side: 'mentor', date: '2026-01-01', scores: { trust: 5 } }),
    aCheckIn({ side: 'mentee', date: '2026-01-02', scores: { trust: 3 } }),
    aCheckIn({ side: 'mentor', date: '2026-01-15', scores: { trust: 5 } }),
    aCheckIn({ side: 'mentor', date: '2026-02-01', scores: { trust: 4 } }),
    aCheckIn({ side: 'mentee', date: '2026-02-01', scores: { trust: 2 } }),
  ];

  it('lines up both sides by day with the gap as it stood on each', () => {
    const trend = characteristicTrend(checkIns, 'trust');
    expect(
      trend.rows.map(({ date, mentor, mentee, gap }) => [date, mentor?.score ?? null, mentee?.score ?? null, gap]),
    ).toEqual([
      ['2026-01-01', 5, null, null],
      ['2026-01-02', null, 3, 2],
      ['2026-01-15', 5, null, 2],
      ['2026-02-01', 4, 2, 2],
    ]);
    expect(trend.gap).toEqual({ mentor: 4, mentee: 2, gap: 2 });
    expect(trend.rows.at(-1)?.mentor?.rollingMean).toBeCloseTo(14 / 3, 9);
    expect(trend.rows.at(-1)?.mentee?.rollingMean).toBeCloseTo(2.5, 9);
  });

  it('with scores from one side only, has that side’s line and no gap', () => {
    const trend = characteristicTrend(
      checkIns.filter((checkIn) => checkIn.side === 'mentor'),
      'trust',
    );
    expect(trend.mentee.points).toEqual([]);
    expect(trend.gap).toBeNull();
    expect(trend.rows.map((row) => row.gap)).toEqual([null, null, null]);
  });
});

describe('pairTrends and ratedCharacteristicIds', () => {
  it('covers every rated characteristic, built-in ones first and those a program added later after them', () => {
    const checkIns = [
      aCheckIn({ date: '2026-01-01', scores: { fairness: 4, trust: 3 } }),
      aCheckIn({ date: '2026-02-01', scores: { trust: 4, punctuality: 2, 'active-listening': 5 } }),
    ];
    expect(ratedCharacteristicIds(checkIns)).toEqual(['trust', 'fairness', 'active-listening', 'punctuality']);
    const trends = pairTrends(checkIns);
    expect(trends.map((trend) => trend.characteristicId)).toEqual([
      'trust',
      'fairness',
      'active-listening',
      'punctuality',
    ]);
    expect(trends.find((trend) => trend.characteristicId === 'punctuality')?.mentee.points).toEqual([
      { date: '2026-02-01', score: 2, rollingMean: 2 },
    ]);
  });

  it('ignores deleted check-ins', () => {
    expect(ratedCharacteristicIds([aCheckIn({ scores: { trust: 1 }, deletedAt: '2026-01-02T00:00:00.000Z' })])).toEqual(
      [],
    );
  });
});
