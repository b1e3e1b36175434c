import type { SharedCheckInRecord } from '../../data/dashboard';
import { attentionFlagLabels } from '../../domain/attentionFlags';
import { characteristicName } from '../../domain/characteristic';
import { pairStatusLabels } from '../../domain/pair';
import { sideLabels } from '../../domain/side';
import { ratedCharacteristicIds, trendDirectionLabels } from '../../domain/trend';
import type { DashboardRow } from './dashboardTable';

export type CsvCell = string | number | null;

/** A table for a spreadsheet: a header row and one row per record. */
export interface CsvTable {
  fields: string[];
  rows: CsvCell[][];
}

/**
 * Cells a spreadsheet would run as a formula (CSV injection): those starting with = + - @, a tab
 * or a carriage return. papaparse's own `escapeFormulae: true` pattern ends in `.*$` without the
 * `s` flag, so it misses a cell whose formula is followed by a line break; this one looks at the
 * first character only.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark; other programs ignore it. */
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * The table as CSV, written by papaparse (loaded on first use, so the library is fetched only when
 * someone exports): a header row, commas, fields quoted where they need it and quotes doubled,
 * CRLF line ends (RFC 4180), and text that could run as a formula prefixed with a quote (').
 */
export async function toCsv(table: CsvTable): Promise<string> {
  const { default: Papa } = await import('papaparse');
  const csv = Papa.unparse(
    { fields: table.fields, data: table.rows.map((row) => row.map((cell) => cell ?? '')) },
    { escapeFormulae: FORMULA_START, newline: '\r\n' },
  );
  return BYTE_ORDER_MARK + csv;
}

/** The dashboard's table as shown (filtered and sorted), dates in ISO format. */
export function dashboardCsv(rows: readonly DashboardRow[]): CsvTable {
  return {
    fields: [
      'Mentor',
      'Mentee',
      'Status',
      'Last session',
      'Sessions in the last 90 days',
      'Sessions expected in the last 90 days',
      'Mentor’s latest trust',
      'Mentee’s latest trust',
      'Mentor’s trust direction',
      'Mentee’s trust direction',
      'Widest perception gap',
      'Widest gap is in',
      'Flags',
      'Why flagged',
    ],
    rows: rows.map((row) => [
      row.mentorName,
      row.menteeName,
      pairStatusLabels[row.status],
      row.lastSessionDate,
      row.recentSessions,
      row.expectedRecentSessions,
      row.latestTrust.mentor,
      row.latestTrust.mentee,
      row.trustDirection.mentor ? trendDirectionLabels[row.trustDirection.mentor] : null,
      row.trustDirection.mentee ? trendDirectionLabels[row.trustDirection.mentee] : null,
      row.widestGap?.gap ?? null,
      row.widestGap ? characteristicName(row.widestGap.characteristicId) : null,
      row.flags.map((flag) => attentionFlagLabels[flag.kind]).join('; '),
      row.flags.map((flag) => flag.reason).join(' '),
    ]),
  };
}

/**
 * Every check-in shared with the program, one row each: a column per characteristic rated in any of
 * them (a program's own characteristics included), and the comments and reflection only where the
 * rater shared their words with the program too (the records come to this function blanked).
 */
export function checkInsCsv(records: readonly SharedCheckInRecord[]): CsvTable {
  const characteristicIds = ratedCharacteristicIds(records.map((record) => record.checkIn));
  return {
    fields: [
      'Date',
      'Mentor',
      'Mentee',
      'Rated by',
      ...characteristicIds.map(characteristicName),
      'Comments',
      'Reflection',
      'Pair id',
      'Check-in id',
    ],
    rows: records.map(({ checkIn, pair, mentor, mentee }) => [
      checkIn.date,
      mentor?.name ?? null,
      mentee?.name ?? null,
      sideLabels[checkIn.side],
      ...characteristicIds.map((id) => checkIn.scores[id] ?? null),
      Object.entries(checkIn.comments)
        .map(([id, comment]) => `${characteristicName(id)}: ${comment}`)
        .join('\n'),
      checkIn.reflection,
      pair.id,
      checkIn.id,
    ]),
  };
}
