import { describe, expect, it } from 'vitest';
import { sessionDue } from './cadence';

const pair = { startDate: '2026-01-01', cadenceDays: 14, status: 'active' as const };

describe('sessionDue', () => {
  it('makes the first session due one cadence after the pair started', () => {
    expect(sessionDue(pair, [], '2026-01-05')).toEqual({
      lastSessionDate: null,
      dueDate: '2026-01-15',
      daysUntilDue: 10,
      overdue: false,
    });
  });

  it('counts from the latest session, whatever order the dates come in', () => {
    const due = sessionDue(pair, ['2026-02-01', '2026-03-01', '2026-02-15'], '2026-03-10');
    expect(due?.lastSessionDate).toBe('2026-03-01');
    expect(due?.dueDate).toBe('2026-03-15');
    expect(due?.daysUntilDue).toBe(5);
  });

  it('is not overdue at exactly 1.5 times the cadence, and is one day later', () => {
    expect(sessionDue(pair, ['2026-03-01'], '2026-03-22')?.overdue).toBe(false); // 21 days = 1.5 × 14
    expect(sessionDue(pair, ['2026-03-01'], '2026-03-23')?.overdue).toBe(true);
  });

  it('gives a negative number of days once the due date has passed', () => {
    expect(sessionDue(pair, ['2026-03-01'], '2026-03-20')?.daysUntilDue).toBe(-5);
  });

  it('has nothing due for paused or closed pairs', () => {
    expect(sessionDue({ ...pair, status: 'paused' }, [], '2026-06-01')).toBeNull();
    expect(sessionDue({ ...pair, status: 'closed' }, [], '2026-06-01')).toBeNull();
  });

  it('crosses months and leap days correctly', () => {
    expect(sessionDue({ ...pair, cadenceDays: 7 }, ['2028-02-25'], '2028-02-26')?.dueDate).toBe('2028-03-03');
  });
});
