import { act, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/database';
import { aPair, aPerson, aSession } from '../../test/builders';
import {
  failWritesTo,
  failWritesWhenTold,
  installFailingWrites,
  stopFailingWrites,
  storageFull,
} from '../../test/failingWrites';
import { renderApp, signInAs } from '../../test/renderApp';
import { seedRecords, storedRecords, storedSession } from '../../test/seedRecords';

beforeAll(installFailingWrites);
afterEach(stopFailingWrites);

async function aPairOfAlexAndSam() {
  const alex = await signInAs('mentor', { name: 'Alex Chen' });
  const sam = aPerson({ name: 'Sam Lee' });
  await db.people.add(sam);
  const pair = aPair({ mentorId: alex.id, menteeId: sam.id });
  await db.pairs.add(pair);
  return pair;
}

async function fillSession(user: ReturnType<typeof renderApp>['user']) {
  await user.type(await screen.findByLabelText('Topics'), 'hiring, delegation');
  await user.type(screen.getByLabelText('Notes'), 'Walked through the first hiring loop.');
  await user.click(screen.getByRole('button', { name: 'Add an action item' }));
  await user.type(screen.getByLabelText('Action item 1'), 'Shadow an interview');
}

function expectTypedValuesKept() {
  expect(screen.getByLabelText('Topics')).toHaveValue('hiring, delegation');
  expect(screen.getByLabelText('Notes')).toHaveValue('Walked through the first hiring loop.');
  expect(screen.getByLabelText('Action item 1')).toHaveValue('Shadow an interview');
}

describe('when logging a session fails', () => {
  it('says storage is full, keeps everything typed and saves nothing', async () => {
    const pair = await aPairOfAlexAndSam();
    const { user } = renderApp(`/pairs/${pair.id}/sessions/new`);
    await fillSession(user);
    // Sessions are stored in their pair's month logs (src/db/monthLogs.ts).
    failWritesTo(['monthLogs'], storageFull);

    await user.click(screen.getByRole('button', { name: 'Save session' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This device is out of storage space, so nothing was saved.',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Log a session' })).toBeInTheDocument();
    expectTypedValuesKept();
    expect((await storedRecords()).sessions).toHaveLength(0);
  });

  it('shows the session while it is written, and opens the form again with everything typed when the write then fails', async () => {
    const pair = await aPairOfAlexAndSam();
    const { user } = renderApp(`/pairs/${pair.id}/sessions/new`);
    await fillSession(user);
    const fail = failWritesWhenTold(['monthLogs'], storageFull);

    await user.click(screen.getByRole('button', { name: 'Save session' }));

    // The pair's page lists the session at once and says it is still being saved.
    expect(await screen.findByRole('heading', { level: 1, name: 'Alex Chen & Sam Lee' })).toBeInTheDocument();
    expect(screen.getByText('Walked through the first hiring loop.')).toBeInTheDocument();
    expect(screen.getByText('Saving the session…')).toHaveAttribute('role', 'status');
    fail();

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This device is out of storage space, so nothing was saved.',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Log a session' })).toBeInTheDocument();
    expectTypedValuesKept();
    expect(screen.queryByText('Session saved.')).not.toBeInTheDocument();
    expect((await storedRecords()).sessions).toHaveLength(0);
  });

  it('shows a session being saved only on its own pair', async () => {
    const pair = await aPairOfAlexAndSam();
    const other = aPair({ mentorId: pair.mentorId, menteeId: pair.menteeId, goals: 'The other pair' });
    await db.pairs.add(other);
    const { user, router } = renderApp(`/pairs/${pair.id}/sessions/new`);
    await fillSession(user);
    const fail = failWritesWhenTold(['monthLogs'], storageFull);
    await user.click(screen.getByRole('button', { name: 'Save session' }));
    expect(await screen.findByText('Walked through the first hiring loop.')).toBeInTheDocument();

    await act(() => router.navigate(`/pairs/${other.id}`));

    expect(await screen.findByText('The other pair')).toBeInTheDocument();
    expect(
      screen.getByText('Nothing logged yet. Log your first session or check in to start the record.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Walked through the first hiring loop.')).not.toBeInTheDocument();
    expect(screen.queryByText(/^(Saving the session…|Session saved\.)$/)).not.toBeInTheDocument();
    fail();
    // The typed session is not lost: its form opens again, for its own pair.
    expect(await screen.findByRole('alert')).toHaveTextContent('out of storage space');
    expect(router.state.location.pathname).toBe(`/pairs/${pair.id}/sessions/new`);
    expectTypedValuesKept();
  });

  it('says the database was closed, keeps everything typed and saves nothing', async () => {
    const pair = await aPairOfAlexAndSam();
    const { user } = renderApp(`/pairs/${pair.id}/sessions/new`);
    await fillSession(user);
    db.close({ disableAutoOpen: true });

    await user.click(screen.getByRole('button', { name: 'Save session' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The browser closed the database, so nothing was saved.',
    );
    expectTypedValuesKept();
    await db.open();
    expect((await storedRecords()).sessions).toHaveLength(0);
  });

  it('leaves an action item unticked, and says so, when ticking it off fails', async () => {
    const pair = await aPairOfAlexAndSam();
    const item = {
      id: crypto.randomUUID(),
      text: 'Read the book',
      owner: 'mentee' as const,
      dueDate: null,
      done: false,
    };
    const session = aSession({ pairId: pair.id, actionItems: [item] });
    await seedRecords({ sessions: [session] });
    const { user } = renderApp(`/pairs/${pair.id}`);
    failWritesTo(['monthLogs'], storageFull);

    await user.click(await screen.findByRole('checkbox', { name: 'Read the book' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('out of storage space');
    expect(screen.getByRole('checkbox', { name: 'Read the book' })).not.toBeChecked();
    expect(await storedSession(session.id)).toEqual(session);
  });

  it('keeps a session it could not delete, says nothing was changed, and offers no undo', async () => {
    const pair = await aPairOfAlexAndSam();
    const session = aSession({ pairId: pair.id, date: '2026-01-15' });
    await seedRecords({ sessions: [session] });
    const { user } = renderApp(`/pairs/${pair.id}/sessions/${session.id}`);
    failWritesTo(['monthLogs'], storageFull);

    await user.click(await screen.findByRole('button', { name: 'Delete session' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This device is out of storage space, so nothing was changed.',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Session on Jan 15, 2026' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(await storedSession(session.id)).toEqual(session);
  });

  it('keeps who sees a session’s words as they were when changing it fails, and says why', async () => {
    const pair = await aPairOfAlexAndSam();
    const session = aSession({ pairId: pair.id, loggedById: pair.mentorId, notesVisibility: 'pair', notes: 'Said.' });
    await seedRecords({ sessions: [session] });
    const { user } = renderApp(`/pairs/${pair.id}/sessions/${session.id}`);
    await user.click(await screen.findByRole('radio', { name: 'Only me' }));
    failWritesTo(['monthLogs'], storageFull);

    await user.click(screen.getByRole('button', { name: 'Save who can see it' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This device is out of storage space, so nothing was saved.',
    );
    expect(screen.getByRole('radio', { name: 'Only me' })).toBeChecked();
    expect(screen.queryByText('Saved.')).not.toBeInTheDocument();
    expect(await storedSession(session.id)).toEqual(session);
  });
});
