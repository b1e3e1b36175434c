import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { aCheckIn, aPair, aPerson } from '../../test/builders';
import { programCheckIns } from '../../domain/programView';
import { checkInsCsv, dashboardCsv, FORMULA_START, toCsv } from './csvExport';
import type { DashboardRow } from './dashboardTable';

const BOM = '\uFEFF';

function parse(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  return Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
}

describe('toCsv', () => {
  it('writes a header row and one row per record, quoting what needs it, with CRLF line ends', async () => {
    const csv = await toCsv({
      fields: ['Name', 'Note', 'Score'],
      rows: [
        ['Lucía Fernández', 'Said "hello", then left', 4],
        ['Sam', 'Two\nlines', null],
      ],
    });
    expect(csv).toBe(`${BOM}Name,Note,Score\r\nLucía Fernández,"Said ""hello"", then left",4\r\nSam,"Two\nlines",`);
    expect(parse(csv)).toEqual([
      ['Name', 'Note', 'Score'],
      ['Lucía Fernández', 'Said "hello", then left', '4'],
      ['Sam', 'Two\nlines', ''],
    ]);
  });

  it.each(['=HYPERLINK("http://evil.example")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', '\rReturn', '=1+1\nsecond line'])(
    'defuses %j so a spreadsheet shows it as text',
    async (text) => {
      const [, row] = parse(await toCsv({ fields: ['Text'], rows: [[text]] }));
      expect(row).toEqual([`'${text}`]);
    },
  );

  it('leaves numbers, including negative ones, and ordinary text alone', async () => {
    const [, row] = parse(await toCsv({ fields: ['A', 'B', 'C'], rows: [[-1, 'a = b', 'Daniel']] }));
    expect(row).toEqual(['-1', 'a = b', 'Daniel']);
    expect(FORMULA_START.test('a = b')).toBe(false);
  });
});

describe('dashboardCsv', () => {
  it('writes the table’s columns, with ISO dates and blanks for what is missing', () => {
    const row: DashboardRow = {
      pairId: 'p1',
      mentorId: 'm1',
      mentorName: 'Daniel Kowalski',
      menteeName: 'Priya Nair',
      status: 'active',
      lastSessionDate: '2026-03-10',
      recentSessions: 5,
      expectedRecentSessions: 6,
      latestTrust: { mentor: 3, mentee: 2 },
      trustDirection: { mentor: 'falling', mentee: null },
      widestGap: null,
      flags: [
        {
          kind: 'trust-falling',
          reason: 'The mentor’s trust scores are falling: 5, 5, 4, 3.',
          guidance: { characteristicId: 'trust', when: 'falling-trend' },
        },
      ],
    };
    const table = dashboardCsv([row]);
    expect(table.fields).toHaveLength(table.rows[0]?.length ?? 0);
    expect(Object.fromEntries(table.fields.map((field, index) => [field, table.rows[0]?.[index]]))).toEqual({
      Mentor: 'Daniel Kowalski',
      Mentee: 'Priya Nair',
      Status: 'Active',
      'Last session': '2026-03-10',
      'Sessions in the last 90 days': 5,
      'Sessions expected in the last 90 days': 6,
      'Mentor’s latest trust': 3,
      'Mentee’s latest trust': 2,
      'Mentor’s trust direction': 'Falling',
      'Mentee’s trust direction': null,
      'Widest perception gap': null,
      'Widest gap is in': null,
      Flags: 'Trust falling',
      'Why flagged': 'The mentor’s trust scores are falling: 5, 5, 4, 3.',
    });
  });
});

describe('checkInsCsv', () => {
  it('has a column per characteristic rated, a program’s own included, and the words only where shared with the program', async () => {
    const mentor = aPerson({ name: 'Grace Whitfield' });
    const mentee = aPerson({ name: 'Samuel Okafor' });
    const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id });
    const checkIns = programCheckIns(
      [
        aCheckIn({
          pairId: pair.id,
          side: 'mentee',
          raterId: mentee.id,
          date: '2026-03-01',
          scores: { trust: 4, punctuality: 2 },
          comments: { trust: 'A private comment' },
          reflection: 'A private reflection',
          notesVisibility: 'private',
        }),
        aCheckIn({
          pairId: pair.id,
          side: 'mentor',
          raterId: mentor.id,
          date: '2026-03-02',
          scores: { trust: 5 },
          comments: { trust: 'Shared, "quoted"' },
          reflection: '',
          notesVisibility: 'program',
        }),
        aCheckIn({
          pairId: pair.id,
          side: 'mentee',
          raterId: mentee.id,
          visibility: 'private',
          reflection: 'Hidden',
          scores: { trust: 1 },
        }),
      ],
      pair,
    );
    const csv = await toCsv(checkInsCsv(checkIns.map((checkIn) => ({ checkIn, pair, mentor, mentee }))));
    const [header, ...rows] = parse(csv);
    expect(header).toEqual([
      'Date',
      'Mentor',
      'Mentee',
      'Rated by',
      'Trust',
      'punctuality',
      'Comments',
      'Reflection',
      'Pair id',
      'Check-in id',
    ]);
    expect(rows.map((row) => row.slice(0, 8))).toEqual([
      ['2026-03-01', 'Grace Whitfield', 'Samuel Okafor', 'Mentee', '4', '2', '', ''],
      ['2026-03-02', 'Grace Whitfield', 'Samuel Okafor', 'Mentor', '5', '', 'Trust: Shared, "quoted"', ''],
    ]);
    expect(csv).not.toContain('private');
    expect(csv).not.toContain('Hidden');
  });
});
