import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/database';
import type { Visibility } from '../../domain/checkIn';
import type { Person } from '../../domain/person';
import { addDays } from '../../domain/dates';
import { aCheckIn, aPair, aPerson } from '../../test/builders';
import { renderApp, signInAs } from '../../test/renderApp';
import { seedRecords } from '../../test/seedRecords';
import { useViewerStore } from '../../state/viewerStore';
import { builtInCharacteristics } from '../../domain/characteristic';
import { TABLE_ROWS_AT_FIRST } from './CharacteristicTrendSection';
import { TRENDS_IN_FIRST_FRAME } from './PairTrendsPage';

/** A table's body rows as arrays of cell texts, the row header first. */
function tableRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

async function aPairOf(mentor: Person, mentee: Person, startDate = '2026-01-01') {
  const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id, startDate });
  await db.pairs.add(pair);
  return pair;
}

function rating(
  pairId: string,
  rater: Person,
  side: 'mentor' | 'mentee',
  date: string,
  trust: number,
  visibility: Visibility = 'program',
) {
  return aCheckIn({
    pairId,
    raterId: rater.id,
    side,
    date,
    scores: { trust },
    visibility,
    reflection: `Reflection of ${date}`,
    notesVisibility: 'private',
  });
}

describe('a pair’s trends', () => {
  it('charts each side’s trust with its rolling mean and the gap, and lists the same figures in a table', async () => {
    const alex = await signInAs('mentor', { name: 'Alex Chen' });
    const sam = aPerson({ name: 'Sam Lee' });
    await db.people.add(sam);
    const pair = await aPairOf(alex, sam);
    await seedRecords({
      checkIns: [
        rating(pair.id, alex, 'mentor', '2026-01-05', 5),
        rating(pair.id, sam, 'mentee', '2026-01-05', 4),
        rating(pair.id, alex, 'mentor', '2026-01-19', 5),
        rating(pair.id, sam, 'mentee', '2026-01-19', 3),
        // Alex's own private check-in shows to Alex; Sam's private one does not.
        rating(pair.id, alex, 'mentor', '2026-02-02', 4, 'private'),
        rating(pair.id, sam, 'mentee', '2026-02-02', 1, 'private'),
        rating(pair.id, sam, 'mentee', '2026-02-03', 2, 'pair'),
      ],
    });

    renderApp(`/pairs/${pair.id}/trends`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Trends: Alex Chen & Sam Lee' })).toBeInTheDocument();
    const trust = screen.getByRole('region', { name: 'Trust' });
    const table = within(trust).getByRole('table', { name: 'Trust by check-in' });
    // Rolling means: mentor 5, 5, 4.7; mentee 4, 3.5, 3. Gaps as they stood: 1, 2, 1, 2.
    expect(tableRows(table)).toEqual([
      [expect.stringMatching(/Jan 5, 2026|2026/), '5', '5', '4', '4', '1'],
      [expect.stringMatching(/2026/), '5', '5', '3', '3.5', '2'],
      [expect.stringMatching(/2026/), '4', '4.7', '', '', '1'],
      [expect.stringMatching(/2026/), '', '', '2', '3', '2'],
    ]);
    expect(within(trust).getByRole('columnheader', { name: 'Mentor (you)' })).toBeInTheDocument();
    expect(within(trust).getByText(/Latest 2 of 5/)).toBeInTheDocument();
    expect(within(trust).getByText('2 points between their latest scores')).toBeInTheDocument();
    expect(within(trust).getAllByText('Falling').length).toBeGreaterThan(0);
    expect(screen.queryByText(/Reflection of/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Print report' })).toBeInTheDocument();
  });

  it('shows every characteristic rated, in order, the first ones in the first frame and the rest just after', async () => {
    const alex = await signInAs('mentor', { name: 'Alex Chen' });
    const sam = aPerson({ name: 'Sam Lee' });
    await db.people.add(sam);
    const pair = await aPairOf(alex, sam);
    const scores = Object.fromEntries(builtInCharacteristics.map((characteristic) => [characteristic.id, 4]));
    await seedRecords({
      checkIns: [
        aCheckIn({
          pairId: pair.id,
          raterId: alex.id,
          side: 'mentor',
          date: '2026-01-05',
          scores,
          visibility: 'program',
        }),
      ],
    });

    renderApp(`/pairs/${pair.id}/trends`);
    await screen.findByRole('heading', { level: 1, name: 'Trends: Alex Chen & Sam Lee' });
    const names = builtInCharacteristics.map((characteristic) => characteristic.name);
    expect(names.length).toBeGreaterThan(TRENDS_IN_FIRST_FRAME);
    await waitFor(() =>
      expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(names),
    );
  });

  it(`lists the latest ${TABLE_ROWS_AT_FIRST} check-ins of a long history, and all of them on request`, async () => {
    const alex = await signInAs('mentor', { name: 'Alex Chen' });
    const sam = aPerson({ name: 'Sam Lee' });
    await db.people.add(sam);
    const pair = await aPairOf(alex, sam, '2024-01-01');
    const days = Array.from({ length: 30 }, (_, index) => addDays('2024-01-01', index * 14));
    await seedRecords({ checkIns: days.map((day, index) => rating(pair.id, alex, 'mentor', day, (index % 5) + 1)) });
    const { user } = renderApp(`/pairs/${pair.id}/trends`);

    const trust = await screen.findByRole('region', { name: 'Trust' });
    const table = within(trust).getByRole('table', {
      name: `Trust by check-in: the latest ${TABLE_ROWS_AT_FIRST} of 30`,
    });
    expect(tableRows(table)).toHaveLength(TABLE_ROWS_AT_FIRST);
    // The latest ones: the last row is the last check-in (score 5 for index 29).
    expect(tableRows(table).at(-1)?.[1]).toBe('5');
    await user.click(within(trust).getByRole('button', { name: 'Show all 30 check-ins' }));
    expect(tableRows(within(trust).getByRole('table', { name: 'Trust by check-in' }))).toHaveLength(30);
    expect(within(trust).queryByRole('button', { name: /Show all/ })).not.toBeInTheDocument();
  });

  it('shows a coordinator only what was shared with the program', async () => {
    const mentor = aPerson({ name: 'Alex Chen' });
    const mentee = aPerson({ name: 'Sam Lee' });
    await db.people.bulkAdd([mentor, mentee]);
    const pair = await aPairOf(mentor, mentee);
    await seedRecords({
      checkIns: [
        rating(pair.id, mentor, 'mentor', '2026-01-05', 5),
        rating(pair.id, mentee, 'mentee', '2026-01-06', 1, 'private'),
        rating(pair.id, mentee, 'mentee', '2026-01-07', 2, 'pair'),
      ],
    });
    await signInAs('coordinator', { name: 'Morgan Reyes' });

    renderApp(`/pairs/${pair.id}/trends`);
    const trust = await screen.findByRole('region', { name: 'Trust' });
    expect(tableRows(within(trust).getByRole('table'))).toEqual([[expect.any(String), '5', '5', '', '', '']]);
    expect(within(trust).getByText('Needs a score from each side')).toBeInTheDocument();
    expect(screen.getByText(/only the check-ins its partners shared with the program/)).toBeInTheDocument();
  });

  it('says what to do when nobody has checked in yet', async () => {
    const alex = await signInAs('mentor', { name: 'Alex Chen' });
    const sam = aPerson({ name: 'Sam Lee' });
    await db.people.add(sam);
    const pair = await aPairOf(alex, sam);
    renderApp(`/pairs/${pair.id}/trends`);
    expect(await screen.findByRole('heading', { name: 'No check-ins to chart yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Check in' })).toHaveAttribute('href', `/pairs/${pair.id}/check-ins/new`);
  });

  it('is linked from the pair’s page', async () => {
    const alex = await signInAs('mentor', { name: 'Alex Chen' });
    const sam = aPerson({ name: 'Sam Lee' });
    await db.people.add(sam);
    const pair = await aPairOf(alex, sam);
    const { user } = renderApp(`/pairs/${pair.id}`);
    await user.click(await screen.findByRole('link', { name: 'Trends and perception gaps' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Trends: Alex Chen & Sam Lee' })).toBeInTheDocument();
  });
});

describe('my trends', () => {
  it('shows the viewer’s own ratings in every pair, private ones included, and nobody else’s', async () => {
    const lucia = await signInAs('mentee', { name: 'Lucía Fernández' });
    const helen = aPerson({ name: 'Helen Achterberg' });
    const jamal = aPerson({ name: 'Jamal Carter' });
    await db.people.bulkAdd([helen, jamal]);
    const mentored = await aPairOf(helen, lucia);
    // Listed in the order the pairs started.
    const mentoring = await aPairOf(lucia, jamal, '2026-01-02');
    await seedRecords({
      checkIns: [
        rating(mentored.id, lucia, 'mentee', '2026-01-05', 3),
        rating(mentored.id, lucia, 'mentee', '2026-01-19', 2, 'private'),
        rating(mentoring.id, lucia, 'mentor', '2026-01-12', 5, 'pair'),
        // Partners' check-ins are theirs, not Lucía's trend.
        rating(mentored.id, helen, 'mentor', '2026-01-05', 1),
        rating(mentoring.id, jamal, 'mentee', '2026-01-12', 1),
      ],
    });

    renderApp('/my-trends');
    expect(await screen.findByRole('heading', { level: 1, name: 'My trends' })).toBeInTheDocument();
    const trust = await screen.findByRole('region', { name: 'Trust' });
    const table = within(trust).getByRole('table', { name: 'Your trust scores by check-in' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual([
      'Date',
      'With Helen Achterberg (you are the mentee)',
      'With Helen Achterberg (you are the mentee), rolling mean',
      'With Jamal Carter (you are the mentor)',
      'With Jamal Carter (you are the mentor), rolling mean',
    ]);
    expect(tableRows(table)).toEqual([
      [expect.any(String), '3', '3', '', ''],
      [expect.any(String), '', '', '5', '5'],
      [expect.any(String), '2', '2.5', '', ''],
    ]);
    expect(screen.queryByText(/Reflection of/)).not.toBeInTheDocument();
  });

  it('is linked from the navigation for mentors and mentees', async () => {
    await signInAs('mentee');
    const { user } = renderApp('/pairs');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Dashboard' })).not.toBeInTheDocument();
    await user.click(within(nav).getByRole('link', { name: 'My trends' }));
    expect(await screen.findByRole('heading', { name: 'No check-ins of yours yet' })).toBeInTheDocument();
  });

  it('follows a switch of who is viewing', async () => {
    const sam = await signInAs('mentee', { name: 'Sam Lee' });
    const alex = aPerson({ name: 'Alex Chen' });
    await db.people.add(alex);
    const pair = await aPairOf(alex, sam);
    await seedRecords({ checkIns: [rating(pair.id, alex, 'mentor', '2026-01-05', 4, 'private')] });
    renderApp('/my-trends');
    expect(await screen.findByRole('heading', { name: 'No check-ins of yours yet' })).toBeInTheDocument();
    useViewerStore.getState().setViewer(alex.id, 'mentor');
    const trust = await screen.findByRole('region', { name: 'Trust' });
    expect(tableRows(within(trust).getByRole('table'))).toEqual([[expect.any(String), '4', '4']]);
  });
});
