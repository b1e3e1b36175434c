import { describe, expect, it } from 'vitest';
import type { AttentionFlag, AttentionFlagKind } from '../../domain/attentionFlags';
import {
  applyDashboardQuery,
  dashboardSearchParams,
  defaultQuery,
  parseDashboardQuery,
  toggleSort,
  type DashboardQuery,
  type DashboardRow,
} from './dashboardTable';

function flag(kind: AttentionFlagKind): AttentionFlag {
  return { kind, reason: kind, guidance: { characteristicId: null, when: null } };
}

function aRow(overrides: Partial<DashboardRow> = {}): DashboardRow {
  return {
    pairId: crypto.randomUUID(),
    mentorId: 'mentor-a',
    mentorName: 'Ada',
    menteeName: 'Zoe',
    status: 'active',
    lastSessionDate: '2026-03-10',
    recentSessions: 6,
    expectedRecentSessions: 6,
    latestTrust: { mentor: 4, mentee: 4 },
    trustDirection: { mentor: 'steady', mentee: 'steady' },
    widestGap: { characteristicId: 'trust', mentor: 4, mentee: 4, gap: 0 },
    flags: [],
    ...overrides,
  };
}

const names = (rows: readonly DashboardRow[]) => rows.map((row) => row.mentorName);
const query = (overrides: Partial<DashboardQuery>): DashboardQuery => ({ ...defaultQuery, ...overrides });

describe('the dashboard table', () => {
  const calm = aRow({ mentorName: 'Ada' });
  const late = aRow({
    mentorName: 'Ben',
    mentorId: 'mentor-b',
    flags: [flag('action-items-overdue')],
    lastSessionDate: '2026-01-02',
  });
  const falling = aRow({
    mentorName: 'Cy',
    mentorId: 'mentor-c',
    flags: [flag('trust-falling')],
    latestTrust: { mentor: 4, mentee: 2 },
    trustDirection: { mentor: 'steady', mentee: 'falling' },
    widestGap: { characteristicId: 'trust', mentor: 4, mentee: 2, gap: 2 },
  });
  const paused = aRow({
    mentorName: 'Dee',
    mentorId: 'mentor-b',
    status: 'paused',
    expectedRecentSessions: null,
    recentSessions: 0,
    lastSessionDate: null,
    latestTrust: { mentor: null, mentee: 5 },
    trustDirection: { mentor: null, mentee: null },
    widestGap: null,
  });
  const rows = [calm, paused, late, falling];

  it('puts the pairs needing attention first by default, then the others by mentor', () => {
    expect(names(applyDashboardQuery(rows, defaultQuery))).toEqual(['Cy', 'Ben', 'Ada', 'Dee']);
  });

  it('sorts by a column, keeping pairs without a value last either way, and ties by need', () => {
    // Ada and Cy met on the same day; Cy has a flag, so comes first either way.
    expect(names(applyDashboardQuery(rows, query({ sort: 'lastSession', direction: 'ascending' })))).toEqual([
      'Ben',
      'Cy',
      'Ada',
      'Dee',
    ]);
    expect(names(applyDashboardQuery(rows, query({ sort: 'lastSession', direction: 'descending' })))).toEqual([
      'Cy',
      'Ada',
      'Ben',
      'Dee',
    ]);
    expect(names(applyDashboardQuery(rows, query({ sort: 'menteeTrust', direction: 'ascending' })))).toEqual([
      'Cy',
      'Ben',
      'Ada',
      'Dee',
    ]);
    expect(names(applyDashboardQuery(rows, query({ sort: 'mentorTrust', direction: 'descending' })))).toEqual([
      'Cy',
      'Ben',
      'Ada',
      'Dee',
    ]);
    expect(names(applyDashboardQuery(rows, query({ sort: 'gap', direction: 'descending' })))).toEqual([
      'Cy',
      'Ben',
      'Ada',
      'Dee',
    ]);
    expect(names(applyDashboardQuery(rows, query({ sort: 'direction', direction: 'ascending' })))).toEqual([
      'Cy',
      'Ben',
      'Ada',
      'Dee',
    ]);
    expect(names(applyDashboardQuery(rows, query({ sort: 'mentor', direction: 'descending' })))).toEqual([
      'Dee',
      'Cy',
      'Ben',
      'Ada',
    ]);
    expect(names(applyDashboardQuery(rows, query({ sort: 'status', direction: 'descending' })))).toEqual([
      'Dee',
      'Cy',
      'Ben',
      'Ada',
    ]);
  });

  it('sorts sessions against the cadence: the smallest share of expected sessions first', () => {
    const behind = aRow({ mentorName: 'Eve', recentSessions: 2, expectedRecentSessions: 6 });
    const weekly = aRow({ mentorName: 'Fay', recentSessions: 6, expectedRecentSessions: 12 });
    expect(
      names(applyDashboardQuery([calm, weekly, behind, paused], query({ sort: 'sessions', direction: 'ascending' }))),
    ).toEqual(['Eve', 'Fay', 'Ada', 'Dee']);
  });

  it('filters by status, by flag (or any flag) and by mentor', () => {
    expect(names(applyDashboardQuery(rows, query({ status: 'paused' })))).toEqual(['Dee']);
    expect(names(applyDashboardQuery(rows, query({ flag: 'trust-falling' })))).toEqual(['Cy']);
    expect(names(applyDashboardQuery(rows, query({ flag: 'any' })))).toEqual(['Cy', 'Ben']);
    expect(names(applyDashboardQuery(rows, query({ mentor: 'mentor-b' })))).toEqual(['Ben', 'Dee']);
    expect(names(applyDashboardQuery(rows, query({ mentor: 'mentor-b', status: 'active' })))).toEqual(['Ben']);
  });

  it('sorts a column the way that shows trouble first, and reverses on a second choice', () => {
    const byGap = toggleSort(defaultQuery, 'gap');
    expect(byGap).toMatchObject({ sort: 'gap', direction: 'descending' });
    expect(toggleSort(byGap, 'gap')).toMatchObject({ sort: 'gap', direction: 'ascending' });
    expect(toggleSort(byGap, 'mentor')).toMatchObject({ sort: 'mentor', direction: 'ascending' });
  });
});

describe('the dashboard’s address', () => {
  it('round-trips filters and sort, and leaves the defaults out', () => {
    const state = query({
      status: 'active',
      flag: 'perception-gap',
      mentor: 'abc',
      sort: 'gap',
      direction: 'ascending',
    });
    const params = dashboardSearchParams(state);
    expect(params.toString()).toBe('status=active&flag=perception-gap&mentor=abc&sort=gap&dir=ascending');
    expect(parseDashboardQuery(params)).toEqual(state);
    expect(dashboardSearchParams(defaultQuery).toString()).toBe('');
  });

  it('falls back to the defaults for anything it does not know', () => {
    expect(parseDashboardQuery(new URLSearchParams('status=lost&flag=nope&sort=height&dir=up'))).toEqual(defaultQuery);
    expect(parseDashboardQuery(new URLSearchParams('sort=mentor'))).toMatchObject({
      sort: 'mentor',
      direction: 'ascending',
    });
  });
});
