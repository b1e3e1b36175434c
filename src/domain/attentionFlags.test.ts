/* eslint-disable max-lines -- every flag's rule beside its ranking and its guidance link, over the same builders: the table users read in "How flags work", tested in one place */
import { describe, expect, it } from 'vitest';
import { aCheckIn, aPair } from '../test/builders';
import {
  attentionFlagKinds,
  attentionFlagLabels,
  attentionFlagRules,
  attentionFlags,
  attentionRank,
  compareAttention,
  guidancePath,
  type AttentionFlagKind,
  type PairSnapshot,
} from './attentionFlags';
import type { CheckIn } from './checkIn';
import { guidanceCards } from './guidanceCards';
import type { Side } from './side';
import { thresholds } from './trend';

const today = '2026-03-21';

/** Both sides' check-ins, one per day from `start`, with the given trust scores. */
function trustCheckIns(side: Side, scores: readonly number[], start = '2026-03-01'): CheckIn[] {
  const day = Number(start.slice(8));
  return scores.map((trust, index) =>
    aCheckIn({ side, date: `${start.slice(0, 8)}${String(day + index).padStart(2, '0')}`, scores: { trust } }),
  );
}

/** A healthy active pair: met yesterday, both sides checked in lately and agree. */
function aSnapshot(overrides: Partial<PairSnapshot> = {}): PairSnapshot {
  return {
    pair: aPair({ startDate: '2026-01-01', cadenceDays: 14, status: 'active' }),
    lastSessionDate: '2026-03-20',
    checkIns: [...trustCheckIns('mentor', [4, 4, 4]), ...trustCheckIns('mentee', [4, 4, 4])],
    actionItems: [],
    ...overrides,
  };
}

const kinds = (snapshot: PairSnapshot, on = today): AttentionFlagKind[] =>
  attentionFlags(snapshot, on).map((flag) => flag.kind);

describe('attentionFlags', () => {
  it('raises nothing for a pair that meets on time, checks in and agrees', () => {
    expect(attentionFlags(aSnapshot(), today)).toEqual([]);
  });

  describe('session overdue', () => {
    // Cadence 14 × 1.5 = 21 days: 21 days since the last session is not yet overdue, 22 is.
    it.each([
      { lastSessionDate: '2026-02-28', days: 21, overdue: false },
      { lastSessionDate: '2026-02-27', days: 22, overdue: true },
    ])('after $days days with a 14-day cadence: overdue $overdue', ({ lastSessionDate, overdue }) => {
      expect(kinds(aSnapshot({ lastSessionDate })).includes('session-overdue')).toBe(overdue);
    });

    it('flags a pair whose last session is past 1.5× its cadence, and says why', () => {
      const [flag] = attentionFlags(aSnapshot({ lastSessionDate: '2026-02-11' }), today);
      expect(flag).toEqual({
        kind: 'session-overdue',
        reason: 'The last session was 38 days ago; the pair meets every 14 days.',
        guidance: { characteristicId: 'integrity', when: 'always' },
      });
    });

    it('counts from the start for a pair that has never met', () => {
      const snapshot = aSnapshot({ pair: aPair({ startDate: '2026-02-01', cadenceDays: 14 }), lastSessionDate: null });
      const flag = attentionFlags(snapshot, today).find((candidate) => candidate.kind === 'session-overdue');
      expect(flag?.reason).toBe(
        'No session has been logged in the 48 days since the pair started; the pair meets every 14 days.',
      );
    });

    it('is not raised for two sessions on the same day as the last one, however many', () => {
      // The snapshot carries the last date only, so same-day sessions count once and never look overdue.
      expect(kinds(aSnapshot({ lastSessionDate: today }))).not.toContain('session-overdue');
    });
  });

  describe('trust falling', () => {
    it('flags trust falling on one side, naming the side and its last scores', () => {
      const snapshot = aSnapshot({
        checkIns: [...trustCheckIns('mentor', [4, 4, 4, 4]), ...trustCheckIns('mentee', [5, 4, 3, 2])],
      });
      const flags = attentionFlags(snapshot, today);
      // Latest mentor 4, mentee 2: a gap of 2 as well.
      expect(flags.map((flag) => flag.kind)).toEqual(['trust-falling', 'perception-gap']);
      expect(flags[0]).toEqual({
        kind: 'trust-falling',
        reason: 'The mentee’s trust scores are falling: 5, 4, 3, 2.',
        guidance: { characteristicId: 'trust', when: 'falling-trend' },
      });
    });

    it('names both sides when both are falling', () => {
      const snapshot = aSnapshot({
        checkIns: [...trustCheckIns('mentor', [5, 4, 3]), ...trustCheckIns('mentee', [4, 3, 2])],
      });
      expect(attentionFlags(snapshot, today)[0]?.reason).toBe(
        'Both partners’ trust scores are falling: mentor 5, 4, 3; mentee 4, 3, 2.',
      );
    });

    it('needs three check-ins before calling trust falling', () => {
      const snapshot = aSnapshot({
        checkIns: [...trustCheckIns('mentor', [5, 3]), ...trustCheckIns('mentee', [5, 3])],
      });
      expect(kinds(snapshot)).not.toContain('trust-falling');
    });

    it('with one check-in only, raises no trend flag', () => {
      expect(kinds(aSnapshot({ checkIns: trustCheckIns('mentee', [1]) }))).not.toContain('trust-falling');
    });

    it('does not count a fall in another characteristic as trust falling', () => {
      const fairness = [5, 4, 3, 2].map((score, index) =>
        aCheckIn({ side: 'mentee', date: `2026-03-0${index + 1}`, scores: { fairness: score } }),
      );
      expect(kinds(aSnapshot({ checkIns: [...aSnapshot().checkIns, ...fairness] }))).not.toContain('trust-falling');
    });
  });

  describe('perception gap', () => {
    it.each([
      { mentor: 5, mentee: 4, flagged: false },
      { mentor: 5, mentee: 3, flagged: true },
      { mentor: 1, mentee: 4, flagged: true },
    ])('mentor $mentor, mentee $mentee: flagged $flagged', ({ mentor, mentee, flagged }) => {
      const snapshot = aSnapshot({
        checkIns: [
          aCheckIn({ side: 'mentor', date: '2026-03-10', scores: { trust: mentor } }),
          aCheckIn({ side: 'mentee', date: '2026-03-10', scores: { trust: mentee } }),
        ],
      });
      expect(kinds(snapshot).includes('perception-gap')).toBe(flagged);
    });

    it('lists every wide gap, widest first, and links to guidance on the widest', () => {
      const snapshot = aSnapshot({
        checkIns: [
          aCheckIn({ side: 'mentor', date: '2026-03-10', scores: { trust: 4, 'non-judgment': 5, fairness: 4 } }),
          aCheckIn({ side: 'mentee', date: '2026-03-11', scores: { trust: 4, 'non-judgment': 2, fairness: 2 } }),
        ],
      });
      const flag = attentionFlags(snapshot, today).find((candidate) => candidate.kind === 'perception-gap');
      expect(flag).toEqual({
        kind: 'perception-gap',
        reason:
          'The partners see non-judgment (mentor 5 of 5, mentee 2 of 5) and fairness (mentor 4 of 5, mentee 2 of 5) differently.',
        guidance: { characteristicId: 'non-judgment', when: 'perception-gap' },
      });
    });

    it('with scores from one side only, raises no gap', () => {
      expect(kinds(aSnapshot({ checkIns: trustCheckIns('mentor', [5, 5, 1]) }))).not.toContain('perception-gap');
    });

    it('flags a gap on a characteristic added later, linking to gap guidance in general since no card names it', () => {
      const snapshot = aSnapshot({
        checkIns: [
          ...aSnapshot().checkIns,
          aCheckIn({ side: 'mentor', date: '2026-03-10', scores: { punctuality: 5 } }),
          aCheckIn({ side: 'mentee', date: '2026-03-10', scores: { punctuality: 1 } }),
        ],
      });
      const flag = attentionFlags(snapshot, today).find((candidate) => candidate.kind === 'perception-gap');
      expect(flag?.reason).toBe('The partners see punctuality (mentor 5 of 5, mentee 1 of 5) differently.');
      expect(flag?.guidance).toEqual({ characteristicId: null, when: 'perception-gap' });
    });
  });

  describe('no recent check-in', () => {
    // 42 days before 2026-03-21 is 2026-02-07.
    it.each([
      { last: '2026-02-07', days: 42, flagged: false },
      { last: '2026-02-06', days: 43, flagged: true },
    ])('from one side, last on $last ($days days): flagged $flagged', ({ last, flagged }) => {
      const snapshot = aSnapshot({
        checkIns: [...trustCheckIns('mentor', [4]), aCheckIn({ side: 'mentee', date: last, scores: { trust: 4 } })],
      });
      expect(kinds(snapshot).includes('check-in-missing')).toBe(flagged);
    });

    it('says which side has gone quiet and for how long', () => {
      const snapshot = aSnapshot({
        checkIns: [
          ...trustCheckIns('mentor', [4]),
          aCheckIn({ side: 'mentee', date: '2026-02-01', scores: { trust: 4 } }),
        ],
      });
      expect(attentionFlags(snapshot, today)).toEqual([
        {
          kind: 'check-in-missing',
          reason: 'The mentee has shared no check-in with the program for 48 days.',
          guidance: { characteristicId: 'trust', when: 'always' },
        },
      ]);
    });

    it('counts from the pair’s start for a side that never checked in, and not before it is due', () => {
      const young = aSnapshot({ pair: aPair({ startDate: '2026-03-01' }), checkIns: trustCheckIns('mentor', [4]) });
      expect(kinds(young)).toEqual([]);
      const old = aSnapshot({ checkIns: trustCheckIns('mentor', [4]) });
      expect(attentionFlags(old, today)[0]?.reason).toBe(
        'The mentee has shared no check-in with the program since the pair started, 79 days ago.',
      );
    });
  });

  describe('action items past due', () => {
    it('flags open items past their due date, but not done ones, undated ones or ones due today', () => {
      const snapshot = aSnapshot({
        actionItems: [
          { dueDate: '2026-03-01', done: false },
          { dueDate: '2026-03-15', done: false },
          { dueDate: '2026-03-01', done: true },
          { dueDate: null, done: false },
          { dueDate: today, done: false },
        ],
      });
      expect(attentionFlags(snapshot, today)).toEqual([
        {
          kind: 'action-items-overdue',
          reason: '2 action items are still open past their due dates, the oldest by 20 days.',
          guidance: { characteristicId: 'integrity', when: 'always' },
        },
      ]);
    });

    it('words a single item, a day late, in the singular', () => {
      const snapshot = aSnapshot({ actionItems: [{ dueDate: '2026-03-20', done: false }] });
      expect(attentionFlags(snapshot, today)[0]?.reason).toBe(
        'One action item is still open, 1 day past its due date.',
      );
    });
  });

  describe('pairs that are not active', () => {
    const troubled = aSnapshot({
      lastSessionDate: '2026-01-02',
      checkIns: [
        ...trustCheckIns('mentor', [5, 5, 5], '2026-01-01'),
        ...trustCheckIns('mentee', [5, 3, 1], '2026-01-01'),
      ],
      actionItems: [{ dueDate: '2026-01-10', done: false }],
    });

    it('raises everything for the same records while active', () => {
      expect(kinds(troubled)).toEqual([
        'trust-falling',
        'perception-gap',
        'session-overdue',
        'check-in-missing',
        'action-items-overdue',
      ]);
    });

    it('keeps only falling trust and perception gaps for a paused pair, which owes no sessions', () => {
      expect(kinds({ ...troubled, pair: { ...troubled.pair, status: 'paused' } })).toEqual([
        'trust-falling',
        'perception-gap',
      ]);
    });

    it('raises nothing for a closed pair', () => {
      expect(kinds({ ...troubled, pair: { ...troubled.pair, status: 'closed' } })).toEqual([]);
    });
  });

  it('ignores deleted check-ins', () => {
    const deleted = trustCheckIns('mentee', [1]).map((checkIn) => ({
      ...checkIn,
      date: '2026-03-19',
      deletedAt: '2026-03-19T00:00:00.000Z',
    }));
    expect(kinds(aSnapshot({ checkIns: [...aSnapshot().checkIns, ...deleted] }))).toEqual([]);
  });
});

describe('attentionRank', () => {
  it('puts a pair with one pressing flag before one with several minor ones', () => {
    const pressing = attentionRank([{ kind: 'trust-falling' }]);
    const minor = attentionRank([{ kind: 'check-in-missing' }, { kind: 'action-items-overdue' }]);
    expect(pressing).toEqual([3, 1, 3]);
    expect(minor).toEqual([2, 2, 3]);
    expect(pressing[0]).toBeGreaterThan(minor[0]);
  });

  it('is all zeros for a pair with no flags', () => {
    expect(attentionRank([])).toEqual([0, 0, 0]);
  });

  it('sorts pairs most in need first', () => {
    const pairs = [
      [],
      [{ kind: 'action-items-overdue' as const }],
      [{ kind: 'session-overdue' as const }, { kind: 'action-items-overdue' as const }],
      [{ kind: 'perception-gap' as const }],
    ];
    expect([...pairs].sort(compareAttention)).toEqual([pairs[2], pairs[3], pairs[1], pairs[0]]);
  });
});

describe('guidancePath', () => {
  it('filters the guidance library by characteristic and trigger', () => {
    expect(guidancePath({ characteristicId: 'trust', when: 'falling-trend' })).toBe(
      '/guidance?characteristic=trust&when=falling-trend',
    );
    expect(guidancePath({ characteristicId: null, when: 'perception-gap' })).toBe('/guidance?when=perception-gap');
    expect(guidancePath({ characteristicId: null, when: null })).toBe('/guidance');
  });

  it('leads every flag of the built-in characteristics to at least one card about that characteristic', () => {
    const gapOn = (id: string) =>
      aSnapshot({
        checkIns: [
          aCheckIn({ side: 'mentor', scores: { [id]: 5 } }),
          aCheckIn({ side: 'mentee', scores: { [id]: 1 } }),
        ],
      });
    const troubled = aSnapshot({
      lastSessionDate: '2026-01-02',
      checkIns: [...trustCheckIns('mentee', [5, 3, 1], '2026-01-01')],
      actionItems: [{ dueDate: '2026-01-10', done: false }],
    });
    const flags = [
      ...attentionFlags(troubled, today),
      ...['trust', 'non-judgment', 'competence', 'integrity', 'fairness'].flatMap((id) =>
        attentionFlags(gapOn(id), today),
      ),
    ];
    expect(new Set(flags.map((flag) => flag.kind))).toEqual(new Set(attentionFlagKinds));
    for (const { kind, guidance } of flags) {
      const { characteristicId, when } = guidance;
      expect(characteristicId, kind).not.toBeNull();
      const cards = guidanceCards.filter(
        (card) =>
          card.characteristicIds.includes(characteristicId ?? '') && (when === null || card.appliesWhen.includes(when)),
      );
      expect(cards.length, `${kind}: ${guidancePath(guidance)}`).toBeGreaterThan(0);
    }
  });
});

describe('attentionFlagRules', () => {
  it('explains every flag with the thresholds the calculation uses', () => {
    expect(Object.keys(attentionFlagRules).sort()).toEqual([...attentionFlagKinds].sort());
    expect(Object.keys(attentionFlagLabels).sort()).toEqual([...attentionFlagKinds].sort());
    expect(attentionFlagRules['session-overdue']).toContain(`${thresholds.OVERDUE_FACTOR}×`);
    expect(attentionFlagRules['session-overdue']).toContain('more than 21 days');
    expect(attentionFlagRules['perception-gap']).toContain(`${thresholds.PERCEPTION_GAP_MIN} or more points`);
    expect(attentionFlagRules['check-in-missing']).toContain(`${thresholds.NO_CHECK_IN_DAYS} days`);
    expect(attentionFlagRules['trust-falling']).toContain(`${thresholds.TREND_SLOPE_MIN} points`);
    expect(attentionFlagRules['action-items-overdue']).toContain(`${thresholds.RECENT_DAYS} days`);
  });
});
