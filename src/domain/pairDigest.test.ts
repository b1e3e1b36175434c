import { describe, expect, it } from 'vitest';
import { aPair, aSession } from '../test/builders';
import { buildPairDigest, digestSessions } from './pairDigest';
import { summariseRecords, summariseWithFacts } from './pairSummary';
import type { ActionItem } from './session';

const today = '2026-03-21';

function anItem(overrides: Partial<ActionItem>): ActionItem {
  return {
    id: crypto.randomUUID(),
    text: 'Send Sam the hiring rubric',
    owner: 'mentor',
    dueDate: '2026-03-01',
    done: false,
    ...overrides,
  };
}

describe('a pair digest', () => {
  const pair = aPair({ startDate: '2026-01-01' });
  const sessions = [
    aSession({
      pairId: pair.id,
      date: '2026-02-20',
      actionItems: [
        anItem({ dueDate: '2026-03-01' }),
        anItem({ dueDate: '2026-03-02', done: true }),
        anItem({ dueDate: null }),
        anItem({ dueDate: '2026-04-01' }),
      ],
    }),
    aSession({
      pairId: pair.id,
      date: '2026-03-10',
      actionItems: [anItem({ dueDate: '2026-03-15', text: 'Private words' })],
    }),
  ];
  const digest = buildPairDigest({
    pairId: pair.id,
    writtenOn: today,
    lastSessionDate: '2026-03-10',
    sessions,
    sharedCheckIns: [],
  });

  it('keeps of action items only when the open ones are due, and none of their words', () => {
    expect(digest.recentSessions).toEqual([
      {
        date: '2026-02-20',
        actionItems: [
          { dueDate: '2026-03-01', done: false },
          { dueDate: '2026-04-01', done: false },
        ],
      },
      { date: '2026-03-10', actionItems: [{ dueDate: '2026-03-15', done: false }] },
    ]);
    expect(JSON.stringify(digest)).not.toContain('Private words');
    expect(JSON.stringify(digest)).not.toContain('rubric');
  });

  it('gives the dashboard the same summary as the sessions themselves', () => {
    const fromDigest = summariseWithFacts(pair, digestSessions(digest), digest.checkIns, today);
    expect(fromDigest).toEqual(summariseRecords(pair, sessions, [], today));
    expect(fromDigest.flags.map((flag) => flag.kind)).toContain('action-items-overdue');
    expect(fromDigest.flags.find((flag) => flag.kind === 'action-items-overdue')?.reason).toBe(
      '2 action items are still open past their due dates, the oldest by 20 days.',
    );
  });
});
