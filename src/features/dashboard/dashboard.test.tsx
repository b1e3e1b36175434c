import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/database';
import { localToday, addDays } from '../../domain/dates';
import { demoScenario, generateDemoProgram } from '../../domain/demoProgram';
import { useViewerStore } from '../../state/viewerStore';
import { aCheckIn, aPair, aPerson, aSession } from '../../test/builders';
import { renderApp, signInAs } from '../../test/renderApp';
import { seedRecords } from '../../test/seedRecords';
import { saveCheckIn } from '../../data/checkIns';
import { ROWS_AT_FIRST } from './DashboardPage';

async function loadDemo() {
  const program = generateDemoProgram({ today: localToday() });
  await seedRecords(program);
  useViewerStore.getState().setViewer(program.coordinator.id, 'coordinator');
  return program;
}

// The demo program is a dozen pairs over six months: on a busy two-core machine, reading and
// drawing it takes a few seconds in happy-dom.
const SLOW = { timeout: 5000 };

async function pairsTable() {
  return screen.findByRole('table', { name: /^Pairs/ }, SLOW);
}

/** The table's rows as "Mentor & Mentee", in the order shown. */
function shownPairs(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(
      (row) =>
        within(row).queryByRole('link', { name: / & / })?.getAttribute('aria-label') ??
        within(row).getByRole('cell').textContent ??
        '',
    );
}

const label = ({ mentor, mentee }: { mentor: string; mentee: string }) => `${mentor} & ${mentee}`;

describe('the coordinator’s dashboard', { timeout: 20_000 }, () => {
  it('keeps the mentor filter’s names up to date while it is open', async () => {
    const mentor = aPerson({ name: 'Alex Chen' });
    const mentee = aPerson({ name: 'Sam Lee' });
    const coordinator = aPerson({ name: 'Casey Park' });
    await seedRecords({
      people: [mentor, mentee, coordinator],
      pairs: [aPair({ mentorId: mentor.id, menteeId: mentee.id })],
    });
    useViewerStore.getState().setViewer(coordinator.id, 'coordinator');
    renderApp('/dashboard');
    const filter = await screen.findByLabelText('Mentor', undefined, SLOW);
    // The mentors' names are drawn in the render after the table's (the filter shows before them).
    await waitFor(
      () =>
        expect(
          within(filter)
            .getAllByRole('option')
            .map((option) => option.textContent),
        ).toEqual(['All mentors', 'Alex Chen']),
      SLOW,
    );

    await db.people.update(mentor.id, { name: 'Alex Chen-Okafor' });

    await waitFor(
      () =>
        expect(
          within(filter)
            .getAllByRole('option')
            .map((option) => option.textContent),
        ).toEqual(['All mentors', 'Alex Chen-Okafor']),
      SLOW,
    );
  });

  it('lists every pair, the falling-trust, overdue and wide-gap pairs first, each with its flag', async () => {
    const program = await loadDemo();
    renderApp('/dashboard');
    const table = await pairsTable();
    await waitFor(() => expect(shownPairs(table)).toHaveLength(program.pairs.length), SLOW);

    const flagged = [label(demoScenario.fallingTrust), label(demoScenario.overdue), label(demoScenario.wideGap)];
    expect(shownPairs(table).slice(0, 3).sort()).toEqual([...flagged].sort());
    expect(within(table).getByRole('columnheader', { name: /Flags/ })).toHaveAttribute('aria-sort', 'descending');

    const rowOf = (names: { mentor: string; mentee: string }) => {
      const link = within(table).getByRole('link', { name: label(names) });
      const row = link.closest('tr');
      if (!row) throw new Error(`No row for ${label(names)}`);
      return row;
    };
    expect(within(rowOf(demoScenario.fallingTrust)).getByRole('link', { name: 'Trust falling' })).toHaveAttribute(
      'href',
      '/guidance?characteristic=trust&when=falling-trend',
    );
    expect(
      within(rowOf(demoScenario.fallingTrust)).getByText(/trust scores are falling: .*mentee 5, 4, 3, 2/),
    ).toBeInTheDocument();
    expect(within(rowOf(demoScenario.overdue)).getByRole('link', { name: 'Session overdue' })).toBeInTheDocument();
    expect(within(rowOf(demoScenario.wideGap)).getByRole('link', { name: 'Perception gap' })).toHaveAttribute(
      'href',
      '/guidance?characteristic=non-judgment&when=perception-gap',
    );
    expect(within(rowOf(demoScenario.wideGap)).getByText('3 (Non-judgment)')).toBeInTheDocument();
  });

  it('sorts by a column when its header button is pressed, and reverses on a second press', async () => {
    await loadDemo();
    const { user, router } = renderApp('/dashboard');
    const table = await pairsTable();
    await waitFor(() => expect(shownPairs(table).length).toBeGreaterThan(5), SLOW);

    await user.click(within(table).getByRole('button', { name: 'Mentor' }));
    const mentorHeader = within(table).getByRole('columnheader', { name: 'Mentor' });
    expect(mentorHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(within(table).getByRole('columnheader', { name: /Flags/ })).not.toHaveAttribute('aria-sort');
    const mentors = shownPairs(table).map((pair) => pair.split(' & ')[0] ?? '');
    expect(mentors).toEqual([...mentors].sort((a, b) => a.localeCompare(b)));
    expect(new URLSearchParams(router.state.location.search).get('sort')).toBe('mentor');

    await user.click(within(table).getByRole('button', { name: 'Mentor' }));
    expect(mentorHeader).toHaveAttribute('aria-sort', 'descending');
    expect(shownPairs(table).map((pair) => pair.split(' & ')[0])).toEqual([...mentors].reverse());
    expect(new URLSearchParams(router.state.location.search).get('dir')).toBe('descending');
  });

  it('filters by status, flag and mentor, and keeps the filters in the address', async () => {
    await loadDemo();
    const { user, router } = renderApp('/dashboard');
    const table = await pairsTable();
    await waitFor(() => expect(shownPairs(table).length).toBeGreaterThan(5), SLOW);

    await user.selectOptions(screen.getByLabelText('Status'), 'Paused');
    expect(shownPairs(table)).toEqual([label(demoScenario.paused)]);
    expect(screen.getByText(/Showing 1 of \d+ pairs/)).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Status'), 'Any status');
    await user.selectOptions(screen.getByLabelText('Flag'), 'Trust falling');
    expect(shownPairs(table)).toEqual([label(demoScenario.fallingTrust)]);
    expect(new URLSearchParams(router.state.location.search).get('flag')).toBe('trust-falling');

    await user.selectOptions(screen.getByLabelText('Flag'), 'All pairs');
    await user.selectOptions(screen.getByLabelText('Mentor'), demoScenario.mentorAndMentee);
    expect(shownPairs(table)).toEqual([`${demoScenario.mentorAndMentee} & Jamal Carter`]);

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(router.state.location.search).toBe('');
    expect(shownPairs(table).length).toBeGreaterThan(5);
  });

  it('opens with the filters and sort in the address, as after a reload', async () => {
    await loadDemo();
    renderApp('/dashboard?flag=any&sort=gap&dir=descending');
    const table = await pairsTable();
    await waitFor(() => expect(shownPairs(table)[0]).toBe(label(demoScenario.wideGap)), SLOW);
    expect(screen.getByLabelText('Flag')).toHaveDisplayValue('Any flag');
    expect(within(table).getByRole('columnheader', { name: /Widest gap/ })).toHaveAttribute('aria-sort', 'descending');
    for (const row of within(table).getAllByRole('row').slice(1)) {
      expect(within(row).getAllByRole('link').length).toBeGreaterThan(1);
    }
  });

  it('uses only check-ins shared with the program, and updates when one is added', async () => {
    await signInAs('coordinator');
    const mentor = aPerson({ name: 'Alex Chen' });
    const mentee = aPerson({ name: 'Sam Lee' });
    const today = localToday();
    const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id, startDate: addDays(today, -30) });
    const rated = (
      side: 'mentor' | 'mentee',
      trust: number,
      daysAgo: number,
      visibility: 'private' | 'pair' | 'program',
    ) =>
      aCheckIn({
        pairId: pair.id,
        side,
        raterId: side === 'mentor' ? mentor.id : mentee.id,
        date: addDays(today, -daysAgo),
        scores: { trust },
        visibility,
      });
    await seedRecords({
      people: [mentor, mentee],
      pairs: [pair],
      sessions: [aSession({ pairId: pair.id, date: addDays(today, -3) })],
      checkIns: [
        rated('mentor', 4, 10, 'program'),
        rated('mentee', 4, 10, 'program'),
        // Newer, but not for the coordinator's eyes: neither may change what the dashboard shows.
        rated('mentee', 1, 3, 'private'),
        rated('mentee', 1, 2, 'pair'),
      ],
    });

    renderApp('/dashboard');
    const table = await pairsTable();
    const row = await within(table).findByRole('row', { name: /Alex Chen/ });
    const cells = () =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(cells()).toEqual([
      'Sam Lee',
      'Active',
      expect.any(String),
      '1 of 2',
      '4 of 5',
      '4 of 5',
      'Mentor: Too early to tellMentee: Too early to tell',
      '0 (Trust)',
      'None',
    ]);

    await saveCheckIn(rated('mentee', 2, 1, 'program'));
    await waitFor(() => expect(cells()[5]).toBe('2 of 5'));
    expect(within(row).getByRole('link', { name: 'Perception gap' })).toBeInTheDocument();
  });

  it(`draws the first ${ROWS_AT_FIRST} pairs of a large program, and the rest on request`, async () => {
    await signInAs('coordinator');
    const people = Array.from({ length: 210 }, (_, index) =>
      aPerson({ name: `Person ${String(index).padStart(3, '0')}` }),
    );
    await db.people.bulkAdd(people);
    await db.pairs.bulkAdd(
      Array.from({ length: 105 }, (_, index) =>
        aPair({
          mentorId: people[2 * index]?.id,
          menteeId: people[2 * index + 1]?.id,
          startDate: addDays(localToday(), -10),
        }),
      ),
    );
    const { user } = renderApp('/dashboard');
    const table = await pairsTable();
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(ROWS_AT_FIRST + 1), SLOW);
    expect(screen.getByText(/Showing 105 of 105 pairs/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show all 105 pairs' }));
    expect(within(table).getAllByRole('row')).toHaveLength(106);
  });

  it('explains how flags work with the thresholds in use', async () => {
    await loadDemo();
    const { user } = renderApp('/dashboard');
    await user.click(await screen.findByText('How flags work'));
    expect(screen.getByText(/more than 1.5× the pair’s cadence/)).toBeVisible();
    expect(screen.getByText(/2 or more points apart/)).toBeVisible();
    expect(screen.getByText(/for more than 42 days/)).toBeVisible();
  });

  it('shows the program month by month under the table', async () => {
    await loadDemo();
    renderApp('/dashboard');
    const months = await screen.findByRole('table', { name: 'The program by month' }, SLOW);
    const rows = within(months).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(within(months).getByRole('columnheader', { name: 'Trust, mentees’ mean' })).toBeInTheDocument();
  });

  it('tells someone who is not a coordinator where to go instead', async () => {
    await signInAs('mentor');
    renderApp('/dashboard');
    expect(
      await screen.findByRole('heading', { name: 'The dashboard is for program coordinators' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'your own trends' })).toHaveAttribute('href', '/my-trends');
  });

  it('is linked from the navigation for coordinators only', async () => {
    await signInAs('coordinator');
    renderApp('/pairs');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Dashboard' })).toHaveAttribute('href', '/dashboard');
    expect(within(nav).queryByRole('link', { name: 'My trends' })).not.toBeInTheDocument();
  });
});
