import { describe, expect, it } from 'vitest';
import { aCheckIn, aPair, aSession } from '../test/builders';
import { buildPairDigest, digestSessions, digestSessionsFrom } from './pairDigest';
import {
  expectedSessions,
  recentWindowStart,
  summarisePair,
  summariseRecords,
  summariseWithFacts,
} from './pairSummary';
import { compareAttention } from './attentionFlags';
import { DEMO_SEED, demoScenario, generateDemoProgram } from './demoProgram';
import { programCheckIns } from './programView';
import type { ActionItem } from './session';
import { thresholds } from './trend';

const today = '2026-03-21';

describe('expectedSessions', () => {
  // The window is the 90 days ending today: 2025-12-22 to 2026-03-21.
  it.each([
    { startDate: '2025-01-01', cadenceDays: 14, expected: 6, why: '90 days / 14' },
    { startDate: '2025-01-01', cadenceDays: 7, expected: 12, why: '90 days / 7' },
    { startDate: '2025-01-01', cadenceDays: 28, expected: 3, why: '90 days / 28' },
    { startDate: '2026-02-19', cadenceDays: 14, expected: 2, why: '31 days since the start / 14' },
    { startDate: '2026-03-21', cadenceDays: 14, expected: 0, why: 'started today' },
  ])(
    'is $expected for a pair that started $startDate meeting every $cadenceDays days ($why)',
    ({ startDate, cadenceDays, expected }) => {
      expect(expectedSessions(aPair({ startDate, cadenceDays }), today)).toBe(expected);
    },
  );

  it('asks nothing of paused and closed pairs', () => {
    expect(expectedSessions(aPair({ status: 'paused' }), today)).toBeNull();
    expect(expectedSessions(aPair({ status: 'closed', endDate: '2026-02-01' }), today)).toBeNull();
  });

  it('starts the window 89 days before today, so it holds 90 days', () => {
    expect(recentWindowStart(today)).toBe('2025-12-22');
  });
});

describe('summarisePair', () => {
  it('sums up a pair for the dashboard: trust from each side, its direction, the widest gap and the flags', () => {
    const checkIns = [
      ...[5, 4, 3, 2].map((trust, index) =>
        aCheckIn({ side: 'mentee', date: `2026-03-0${index + 1}`, scores: { trust, fairness: 4 } }),
      ),
      ...[4, 4, 4].map((trust, index) =>
        aCheckIn({ side: 'mentor', date: `2026-03-0${index + 1}`, scores: { trust, fairness: 5 } }),
      ),
    ];
    const summary = summarisePair(
      {
        pair: aPair({ startDate: '2025-06-01', cadenceDays: 14 }),
        lastSessionDate: '2026-03-15',
        recentSessions: 5,
        checkIns,
        actionItems: [],
      },
      today,
    );
    expect(summary).toMatchObject({
      lastSessionDate: '2026-03-15',
      recentSessions: 5,
      expectedRecentSessions: 6,
      latestTrust: { mentor: 4, mentee: 2 },
      trustDirection: { mentor: 'steady', mentee: 'falling' },
      widestGap: { characteristicId: 'trust', mentor: 4, mentee: 2, gap: 2 },
    });
    expect(summary.flags.map((flag) => flag.kind)).toEqual(['trust-falling', 'perception-gap']);
  });

  it('with one check-in only, has a latest score but no direction and no gap', () => {
    const summary = summarisePair(
      {
        pair: aPair({ startDate: '2026-03-01' }),
        lastSessionDate: '2026-03-20',
        recentSessions: 1,
        checkIns: [aCheckIn({ side: 'mentor', date: '2026-03-20', scores: { trust: 3 } })],
        actionItems: [],
      },
      today,
    );
    expect(summary.latestTrust).toEqual({ mentor: 3, mentee: null });
    expect(summary.trustDirection).toEqual({ mentor: null, mentee: null });
    expect(summary.widestGap).toBeNull();
    expect(summary.flags).toEqual([]);
  });
});

describe('summariseRecords', () => {
  const pair = aPair({ startDate: '2025-06-01', cadenceDays: 14 });

  it('counts the sessions of the last 90 days, same-day sessions each, and takes action items from them', () => {
    const summary = summariseRecords(
      pair,
      [
        aSession({ date: '2025-12-21', actionItems: [anItem('2025-12-30')] }),
        aSession({ date: '2025-12-22' }),
        aSession({ date: '2026-03-10', actionItems: [anItem('2026-03-15')] }),
        aSession({ date: '2026-03-10' }),
        aSession({ date: '2026-03-12', deletedAt: '2026-03-12T10:00:00.000Z' }),
      ],
      [],
      today,
    );
    expect(summary.lastSessionDate).toBe('2026-03-10');
    // 2025-12-22 and the two on 2026-03-10; 2025-12-21 is day 91.
    expect(summary.recentSessions).toBe(3);
    const late = summary.flags.find((flag) => flag.kind === 'action-items-overdue');
    expect(late?.reason).toBe('One action item is still open, 6 days past its due date.');
  });

  it('does not count a session dated after today as held, though it is the latest', () => {
    const summary = summariseRecords(
      pair,
      [aSession({ date: '2026-03-20' }), aSession({ date: '2026-03-28' })],
      [],
      today,
    );
    expect(summary.recentSessions).toBe(1);
    expect(summary.lastSessionDate).toBe('2026-03-28');
  });
});

function anItem(dueDate: string): ActionItem {
  return { id: crypto.randomUUID(), text: 'Send the article', owner: 'mentor', dueDate, done: false };
}

describe.each([
  { seed: DEMO_SEED, on: today },
  { seed: 7, on: '2025-09-30' },
])('the demo program’s dashboard (seed $seed, on $on)', ({ seed, on }) => {
  const program = generateDemoProgram({ seed, today: on });
  const name = (id: string) => program.people.find((person) => person.id === id)?.name ?? '?';
  const rows = program.pairs.map((pair) => {
    const sessions = program.sessions.filter((session) => session.pairId === pair.id);
    const shared = programCheckIns(
      program.checkIns.filter((checkIn) => checkIn.pairId === pair.id),
      pair,
    );
    return {
      pair,
      label: `${name(pair.mentorId)} & ${name(pair.menteeId)}`,
      sessions,
      shared,
      summary: summariseRecords(pair, sessions, shared, on),
    };
  });
  const label = ({ mentor, mentee }: { mentor: string; mentee: string }) => `${mentor} & ${mentee}`;
  const withFlag = (kind: string) =>
    rows.filter((row) => row.summary.flags.some((flag) => flag.kind === kind)).map((row) => row.label);

  it('flags falling trust, the overdue session and the wide gap on exactly the scenario’s pairs', () => {
    expect(withFlag('trust-falling')).toEqual([label(demoScenario.fallingTrust)]);
    expect(withFlag('session-overdue')).toEqual([label(demoScenario.overdue)]);
    expect(withFlag('perception-gap')).toEqual([label(demoScenario.wideGap)]);
    expect(withFlag('check-in-missing')).toEqual([]);
  });

  it('ranks those three pairs above every other', () => {
    const ranked = [...rows].sort((a, b) => compareAttention(a.summary.flags, b.summary.flags));
    expect(
      ranked
        .slice(0, 3)
        .map((row) => row.label)
        .sort(),
    ).toEqual([label(demoScenario.fallingTrust), label(demoScenario.overdue), label(demoScenario.wideGap)].sort());
  });

  it('gives the same summary from the few records the dashboard reads as from every record', () => {
    for (const row of rows) {
      const windowStart = recentWindowStart(on);
      const recent = row.sessions.filter((session) => session.date >= windowStart);
      const latest = [...row.sessions].sort((a, b) => b.date.localeCompare(a.date)).slice(0, 1);
      const lastFew = (['mentor', 'mentee'] as const).flatMap((side) =>
        row.shared
          .filter((checkIn) => checkIn.side === side)
          .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt))
          .slice(0, thresholds.TREND_WINDOW),
      );
      // As the pair's digest keeps them, and the dashboard reads them.
      const digest = buildPairDigest({
        pairId: row.pair.id,
        writtenOn: on,
        lastSessionDate: latest[0]?.date ?? null,
        sessions: row.sessions.filter((session) => session.date >= digestSessionsFrom(on)),
        sharedCheckIns: lastFew,
      });
      expect(summariseRecords(row.pair, recent.length > 0 ? recent : latest, lastFew, on), row.label).toEqual(
        row.summary,
      );
      expect(summariseWithFacts(row.pair, digestSessions(digest), digest.checkIns, on), row.label).toEqual(row.summary);
    }
  });
});
