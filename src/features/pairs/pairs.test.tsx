import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/database';
import { aPair, aPerson, aSession } from '../../test/builders';
import { renderApp, signInAs } from '../../test/renderApp';
import { seedRecords } from '../../test/seedRecords';

describe('pairs', () => {
  it('invites a new user to set up their first pair', async () => {
    await signInAs('mentor');
    renderApp('/pairs');
    expect(await screen.findByRole('heading', { name: 'No pairs yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Set up your first pair' })).toHaveAttribute('href', '/pairs/new');
  });

  it('creates a pair with the viewer as mentor and a mentee named inline', async () => {
    const alex = await signInAs('mentor', { name: 'Alex Chen' });
    const { user } = renderApp('/pairs/new');
    expect(await screen.findByLabelText('Who is the mentor?')).toHaveValue(alex.id);
    await user.type(screen.getByLabelText("New mentee's name"), 'Sam Lee');
    await user.clear(screen.getByLabelText('Days between sessions'));
    await user.type(screen.getByLabelText('Days between sessions'), '21');
    await user.click(screen.getByRole('button', { name: 'Create pair' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Alex Chen & Sam Lee' })).toBeInTheDocument();
    const [pair] = await db.pairs.toArray();
    const sam = (await db.people.toArray()).find((person) => person.name === 'Sam Lee');
    expect(pair).toMatchObject({ mentorId: alex.id, menteeId: sam?.id, cadenceDays: 21, status: 'active' });
  });

  it('keeps what was typed and writes nothing when the form has errors', async () => {
    await signInAs('mentor');
    const { user } = renderApp('/pairs/new');
    await user.type(await screen.findByLabelText('Goals'), 'Grow into a team lead');
    await user.clear(screen.getByLabelText('Days between sessions'));
    await user.click(screen.getByRole('button', { name: 'Create pair' }));

    expect(await screen.findByText("Enter the new mentee's name.")).toBeInTheDocument();
    expect(screen.getByLabelText('Days between sessions')).toHaveAccessibleDescription(
      /Enter the number of days|whole number|at least 1/,
    );
    expect(screen.getByLabelText('Goals')).toHaveValue('Grow into a team lead');
    expect(await db.pairs.count()).toBe(0);
    expect(await db.people.count()).toBe(1);
  });

  it('lists the viewer’s pairs and can show every pair on the device', async () => {
    const alex = await signInAs('mentor', { name: 'Alex Chen' });
    const sam = aPerson({ name: 'Sam Lee' });
    const kim = aPerson({ name: 'Kim Park' });
    const lee = aPerson({ name: 'Lee Wong' });
    await db.people.bulkAdd([sam, kim, lee]);
    await db.pairs.bulkAdd([
      aPair({ mentorId: alex.id, menteeId: sam.id }),
      aPair({ mentorId: kim.id, menteeId: lee.id }),
    ]);
    const { user } = renderApp('/pairs');

    const list = await screen.findByRole('list', { name: 'Pairs' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(list).getByRole('link', { name: /Alex Chen and Sam Lee/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show all 2 pairs on this device' }));
    expect(within(screen.getByRole('list', { name: 'Pairs' })).getAllByRole('listitem')).toHaveLength(2);
  });

  it('pauses, resumes and closes a pair', async () => {
    const alex = await signInAs('mentor', { name: 'Alex Chen' });
    const sam = aPerson({ name: 'Sam Lee' });
    await db.people.add(sam);
    const pair = aPair({ mentorId: alex.id, menteeId: sam.id });
    await db.pairs.add(pair);
    const { user } = renderApp(`/pairs/${pair.id}`);

    await user.click(await screen.findByRole('button', { name: 'Pause' }));
    expect(await screen.findByRole('button', { name: 'Resume' })).toBeInTheDocument();
    expect((await db.pairs.get(pair.id))?.status).toBe('paused');
    await user.click(screen.getByRole('button', { name: 'Close pair' }));
    expect(await screen.findByRole('button', { name: 'Reopen' })).toBeInTheDocument();
    const closed = await db.pairs.get(pair.id);
    expect(closed?.status).toBe('closed');
    expect(closed?.endDate).not.toBeNull();
    expect(screen.queryByRole('link', { name: 'Log a session' })).not.toBeInTheDocument();
  });

  it('edits a pair’s cadence and goals', async () => {
    const alex = await signInAs('mentor', { name: 'Alex Chen' });
    const sam = aPerson({ name: 'Sam Lee' });
    await db.people.add(sam);
    const pair = aPair({ mentorId: alex.id, menteeId: sam.id, goals: 'Old goal' });
    await db.pairs.add(pair);
    const { user } = renderApp(`/pairs/${pair.id}/edit`);
    const goals = await screen.findByLabelText('Goals');
    await user.clear(goals);
    await user.type(goals, 'Lead a project');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Lead a project')).toBeInTheDocument();
    expect((await db.pairs.get(pair.id))?.goals).toBe('Lead a project');
  });

  it('will not move a pair’s start years past its sessions, in the form or, for a deleted one, when saving', async () => {
    const alex = await signInAs('mentor', { name: 'Alex Chen' });
    const sam = aPerson({ name: 'Sam Lee' });
    const pair = aPair({ mentorId: alex.id, menteeId: sam.id, startDate: '2024-01-01' });
    const session = aSession({ pairId: pair.id, loggedById: alex.id, date: '2024-02-01' });
    const deleted = aSession({
      pairId: pair.id,
      loggedById: alex.id,
      date: '2023-06-01',
      deletedAt: '2026-01-01T12:00:00.000Z',
    });
    await seedRecords({ people: [sam], pairs: [pair], sessions: [session, deleted] });
    const { user } = renderApp(`/pairs/${pair.id}/edit`);
    const start = await screen.findByLabelText('Start date');

    await user.clear(start);
    await user.type(start, '2025-06-01');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(
      await screen.findByText(
        "This date is more than 1 year after the pair's first session or check-in, dated 2024-02-01.",
      ),
    ).toBeInTheDocument();

    await user.clear(start);
    await user.type(start, '2025-01-15');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(
      await screen.findByText(
        /The start date is more than 1 year after the pair's first session or check-in, dated 2023-06-01\./,
      ),
    ).toBeInTheDocument();
    expect((await db.pairs.get(pair.id))?.startDate).toBe('2024-01-01');
  });

  it('says so when a pair does not exist', async () => {
    await signInAs('mentor');
    renderApp(`/pairs/${crypto.randomUUID()}`);
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});

describe('a pair’s timeline', () => {
  it('shows the newest 20 entries and the older ones on request', async () => {
    const alex = await signInAs('mentor', { name: 'Alex Chen' });
    const sam = aPerson({ name: 'Sam Lee' });
    const pair = aPair({ mentorId: alex.id, menteeId: sam.id });
    const sessions = Array.from({ length: 25 }, (_, index) =>
      aSession({
        pairId: pair.id,
        date: `2026-0${1 + Math.floor(index / 9)}-${String(1 + (index % 9) * 3).padStart(2, '0')}`,
        notes: `Session note ${index + 1}`,
      }),
    );
    await seedRecords({ people: [sam], pairs: [pair], sessions });
    const { user } = renderApp(`/pairs/${pair.id}`);

    expect(await screen.findByText('Session note 25')).toBeInTheDocument();
    // The newest few come in the first frame, the rest of the 20 once it is painted.
    expect(await screen.findByText('Session note 6')).toBeInTheDocument();
    expect(screen.queryByText('Session note 5')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show 5 older of 5' }));
    expect(screen.getByText('Session note 1')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /older/ })).not.toBeInTheDocument();
  });
});
