import { z } from 'zod';
import type { DashboardPair } from '../../data/dashboard';
import {
  attentionFlagKinds,
  attentionRank,
  compareAttentionRanks,
  type AttentionFlag,
  type AttentionFlagKind,
} from '../../domain/attentionFlags';
import { pairStatusSchema, type PairStatus } from '../../domain/pair';
import { compareText } from '../../domain/compareText';
import type { PairSummary } from '../../domain/pairSummary';
import type { TrendDirection } from '../../domain/trend';

/** One line of the dashboard's table: a pair as the program sees it. */
export interface DashboardRow extends PairSummary {
  pairId: string;
  mentorId: string;
  mentorName: string;
  menteeName: string;
  status: PairStatus;
}

export function toDashboardRow({ pair, mentor, mentee, summary }: DashboardPair): DashboardRow {
  return {
    ...summary,
    pairId: pair.id,
    mentorId: pair.mentorId,
    mentorName: mentor?.name ?? 'Unknown mentor',
    menteeName: mentee?.name ?? 'Unknown mentee',
    status: pair.status,
  };
}

export const sortKeySchema = z.enum([
  'mentor',
  'mentee',
  'status',
  'lastSession',
  'sessions',
  'mentorTrust',
  'menteeTrust',
  'direction',
  'gap',
  'attention',
]);
export type SortKey = z.infer<typeof sortKeySchema>;
export type SortDirection = 'ascending' | 'descending';

/** "Any flag" in the flag filter; otherwise a flag's kind. */
export const ANY_FLAG = 'any';
export type FlagFilter = AttentionFlagKind | typeof ANY_FLAG;

/** What the table shows: its filters and sort, all of them kept in the address. */
export interface DashboardQuery {
  status: PairStatus | null;
  flag: FlagFilter | null;
  /** A mentor's person id. */
  mentor: string | null;
  sort: SortKey;
  direction: SortDirection;
}

/**
 * Which way a column sorts when first chosen: the way that brings the pairs needing attention to
 * the top (oldest last session, fewest sessions, lowest trust, falling first, widest gap, most
 * flags), and A to Z for names.
 */
export const firstDirection: Record<SortKey, SortDirection> = {
  mentor: 'ascending',
  mentee: 'ascending',
  status: 'ascending',
  lastSession: 'ascending',
  sessions: 'ascending',
  mentorTrust: 'ascending',
  menteeTrust: 'ascending',
  direction: 'ascending',
  gap: 'descending',
  attention: 'descending',
};

/** The pairs that need attention first. */
export const defaultQuery: DashboardQuery = {
  status: null,
  flag: null,
  mentor: null,
  sort: 'attention',
  direction: 'descending',
};

const flagFilterSchema = z.union([
  z.enum(attentionFlagKinds as [AttentionFlagKind, ...AttentionFlagKind[]]),
  z.literal(ANY_FLAG),
]);
const directionSchema = z.enum(['ascending', 'descending']);

/** Reads the table's state from the address; anything unknown falls back to the default. */
export function parseDashboardQuery(params: URLSearchParams): DashboardQuery {
  const sort = sortKeySchema.safeParse(params.get('sort'));
  const sortKey = sort.success ? sort.data : defaultQuery.sort;
  const direction = directionSchema.safeParse(params.get('dir'));
  const status = pairStatusSchema.safeParse(params.get('status'));
  const flag = flagFilterSchema.safeParse(params.get('flag'));
  return {
    status: status.success ? status.data : null,
    flag: flag.success ? flag.data : null,
    mentor: params.get('mentor') || null,
    sort: sortKey,
    direction: direction.success ? direction.data : firstDirection[sortKey],
  };
}

/** The address for a table state, leaving out what is the default so links stay short. */
export function dashboardSearchParams(query: DashboardQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.flag) params.set('flag', query.flag);
  if (query.mentor) params.set('mentor', query.mentor);
  if (query.sort !== defaultQuery.sort || query.direction !== defaultQuery.direction) {
    params.set('sort', query.sort);
    params.set('dir', query.direction);
  }
  return params;
}

/** Choosing a column: sort by it the way that shows trouble first; choosing it again reverses. */
export function toggleSort(query: DashboardQuery, key: SortKey): DashboardQuery {
  if (query.sort === key) return { ...query, direction: query.direction === 'ascending' ? 'descending' : 'ascending' };
  return { ...query, sort: key, direction: firstDirection[key] };
}

/** The rows the filters let through, in the chosen order. */
export function applyDashboardQuery(rows: readonly DashboardRow[], query: DashboardQuery): DashboardRow[] {
  // Each row's sort keys are worked out once, not at every comparison: a thousand pairs take
  // some ten thousand comparisons.
  return rows
    .filter(
      (row) =>
        (query.status === null || row.status === query.status) &&
        (query.mentor === null || row.mentorId === query.mentor) &&
        matchesFlag(row.flags, query.flag),
    )
    .map((row) => ({
      row,
      rank: attentionRank(row.flags),
      value: query.sort === 'attention' ? null : sortValue(row, query.sort),
    }))
    .sort((a, b) => compareRows(a, b, query.sort, query.direction))
    .map(({ row }) => row);
}

function matchesFlag(flags: readonly AttentionFlag[], filter: FlagFilter | null): boolean {
  if (filter === null) return true;
  if (filter === ANY_FLAG) return flags.length > 0;
  return flags.some((flag) => flag.kind === filter);
}

const statusOrder: Record<PairStatus, number> = { active: 0, paused: 1, closed: 2 };
const directionOrder: Record<TrendDirection, number> = { falling: 0, steady: 1, rising: 2 };

/** The value a column sorts by; null sorts last whichever way the column is sorted. */
function sortValue(row: DashboardRow, key: Exclude<SortKey, 'attention'>): number | string | null {
  switch (key) {
    case 'mentor':
      return row.mentorName.toLocaleLowerCase();
    case 'mentee':
      return row.menteeName.toLocaleLowerCase();
    case 'status':
      return statusOrder[row.status];
    case 'lastSession':
      return row.lastSessionDate;
    case 'sessions':
      // Against the cadence: the share of the sessions it asks for that were held.
      return row.expectedRecentSessions ? row.recentSessions / row.expectedRecentSessions : null;
    case 'mentorTrust':
      return row.latestTrust.mentor;
    case 'menteeTrust':
      return row.latestTrust.mentee;
    case 'direction': {
      // The worse of the two sides' directions.
      const known = [row.trustDirection.mentor, row.trustDirection.mentee].flatMap((direction) =>
        direction === null ? [] : [directionOrder[direction]],
      );
      return known.length === 0 ? null : Math.min(...known);
    }
    case 'gap':
      return row.widestGap?.gap ?? null;
  }
}

interface KeyedRow {
  row: DashboardRow;
  rank: readonly number[];
  value: number | string | null;
}

function compareRows(a: KeyedRow, b: KeyedRow, key: SortKey, direction: SortDirection): number {
  const sign = direction === 'ascending' ? 1 : -1;
  let primary: number;
  if (key === 'attention') {
    // compareAttentionRanks puts the most in need first: that is the "descending" order here.
    primary = -sign * compareAttentionRanks(a.rank, b.rank);
  } else if (a.value === null || b.value === null) {
    primary = a.value === b.value ? 0 : a.value === null ? 1 : -1;
  } else {
    primary = sign * compareValues(a.value, b.value);
  }
  return (
    primary ||
    compareAttentionRanks(a.rank, b.rank) ||
    compareText(a.row.mentorName, b.row.mentorName) ||
    compareText(a.row.menteeName, b.row.menteeName) ||
    compareValues(a.row.pairId, b.row.pairId)
  );
}

function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareText(String(a), String(b));
}
