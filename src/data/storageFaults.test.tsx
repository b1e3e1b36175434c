import { screen, waitFor } from '@testing-library/react';
import { Dexie } from 'dexie';
import { forceCloseDatabase } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { db, openDatabase, type MentorlogDatabase } from '../db/database';
import { DATABASE_NAME } from '../db/schema';
import { useDatabaseStatusStore } from '../state/databaseStatusStore';
import { useViewerStore } from '../state/viewerStore';
import { aPair, aPerson } from '../test/builders';
import { renderApp, signInAs } from '../test/renderApp';
import { openDeviceDatabase, watchDatabaseConnection } from './databaseConnection';
import { RECORDS_ON_DEVICE_KEY } from './recordsOnDevice';

const opened: MentorlogDatabase[] = [];

afterEach(async () => {
  for (const other of opened.splice(0)) await other.delete();
  useDatabaseStatusStore.setState(useDatabaseStatusStore.getInitialState());
  // The app's database was closed for good (or deleted) by the test; open it again for the next one.
  if (!db.isOpen()) await db.open();
});

/** Another script of the same site deletes the database, as the developer tools or clearing site data would. */
function deleteFromElsewhere(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('deleteDatabase failed'));
  });
}

/** The app's database as a page load opens it, under a name of its own. */
async function aStartOfTheApp(name: string): Promise<MentorlogDatabase> {
  const database = openDatabase(name);
  opened.push(database);
  await openDeviceDatabase(database);
  return database;
}

async function aPairOfAlexAndSam() {
  const alex = await signInAs('mentor', { name: 'Alex Chen' });
  const sam = aPerson({ name: 'Sam Lee' });
  await db.people.add(sam);
  const pair = aPair({ mentorId: alex.id, menteeId: sam.id });
  await db.pairs.add(pair);
  return pair;
}

describe('the database deleted while the app is open', () => {
  it('says this browser no longer holds the records and how to get them back, not that the app was updated', async () => {
    await signInAs('mentor', { name: 'Alex Chen' });
    renderApp('/pairs');
    expect(await screen.findByRole('heading', { name: 'No pairs yet' })).toBeInTheDocument();

    await deleteFromElsewhere(DATABASE_NAME);

    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('This browser no longer holds your Mentorlog records');
    expect(banner).toHaveTextContent('restore a backup you downloaded from the Backup page');
    expect(banner).not.toHaveTextContent('updated in another tab');
    expect(screen.getByRole('link', { name: 'Restore from a backup' })).toHaveAttribute('href', '/restore');
    expect(useDatabaseStatusStore.getState().closedBecause).toBe('deleted');
    // Closed for good: nothing is quietly written to a new, empty database in its place.
    await expect(db.people.count()).rejects.toHaveProperty('name', 'DatabaseClosedError');
  });

  it('gives back what was typed in an open form, with the reason, when it is saved', async () => {
    const pair = await aPairOfAlexAndSam();
    const { user } = renderApp(`/pairs/${pair.id}/sessions/new`);
    await user.type(await screen.findByLabelText('Notes'), 'Walked through the first hiring loop.');

    await deleteFromElsewhere(DATABASE_NAME);
    await user.click(screen.getByRole('button', { name: 'Save session' }));

    await waitFor(() => expect(screen.getByText(/so nothing was saved/)).toBeInTheDocument());
    const reason = screen.getByText(/so nothing was saved/);
    expect(reason).toHaveTextContent(
      'This browser no longer holds your Mentorlog records (they were deleted from this device while Mentorlog was open), so nothing was saved. What you typed is still here',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Log a session' })).toBeInTheDocument();
    expect(screen.getByLabelText('Notes')).toHaveValue('Walked through the first hiring loop.');
  });
});

describe('the database closed by the browser', () => {
  it('says the browser closed it and that a reload may bring the records back, and stays closed', async () => {
    await signInAs('mentor', { name: 'Alex Chen' });
    renderApp('/pairs');
    expect(await screen.findByRole('heading', { name: 'No pairs yet' })).toBeInTheDocument();
    const connection = db.backendDB();

    // fake-indexeddb's types name the connection's class where they mean a connection.
    forceCloseDatabase(connection as unknown as Parameters<typeof forceCloseDatabase>[0]);

    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent(
      'The browser closed Mentorlog’s database, so nothing can be saved in this tab now.',
    );
    expect(banner).toHaveTextContent(
      'Reload the page: if your records are still on this device, Mentorlog opens them again',
    );
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    expect(useDatabaseStatusStore.getState().closedBecause).toBe('closedByBrowser');
    // Not reopened behind the user's back (the database may have been cleared: it would be a new, empty one).
    await waitFor(() => expect(db.isOpen()).toBe(false));
    await expect(db.people.count()).rejects.toHaveProperty('name', 'DatabaseClosedError');
  });

  it('is not mistaken for the app closing its own database', async () => {
    const stop = watchDatabaseConnection(db);
    await db.open();

    db.close({ disableAutoOpen: false });

    expect(useDatabaseStatusStore.getState().closedBecause).toBeNull();
    await expect(db.people.count()).resolves.toBe(0);
    stop();
  });
});

describe('a start after the records were lost', () => {
  it('finds a device that held records with its database gone, and offers to restore instead of an empty list', async () => {
    const name = 'mentorlog-lost';
    const first = await aStartOfTheApp(name);
    await first.people.add(aPerson({ name: 'Alex Chen' }));
    await waitFor(() => expect(localStorage.getItem(RECORDS_ON_DEVICE_KEY)).toBe('held'));
    first.close();
    await deleteFromElsewhere(name);
    useDatabaseStatusStore.setState(useDatabaseStatusStore.getInitialState());

    await aStartOfTheApp(name);

    expect(useDatabaseStatusStore.getState().recordsLost).toBe(true);
    // The reload lands on a pair's page that was open: the person chosen is remembered, the pair is gone.
    useViewerStore.getState().setViewer(aPerson().id, 'mentor');
    renderApp(`/pairs/${aPair().id}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This browser no longer holds your records' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Restore from a backup' })).toHaveAttribute('href', '/restore');
    expect(screen.queryByText('Page not found')).not.toBeInTheDocument();
  });

  it('says the same on every later start until records are written again', async () => {
    const name = 'mentorlog-lost-later';
    localStorage.setItem(RECORDS_ON_DEVICE_KEY, 'lost');

    const database = await aStartOfTheApp(name);
    expect(useDatabaseStatusStore.getState().recordsLost).toBe(true);

    // A restore (or a fresh start) writes records: the device holds records again.
    await database.people.add(aPerson());
    await waitFor(() => expect(useDatabaseStatusStore.getState().recordsLost).toBe(false));
    expect(localStorage.getItem(RECORDS_ON_DEVICE_KEY)).toBe('held');
  });

  it('lets the user start afresh without them', async () => {
    localStorage.setItem(RECORDS_ON_DEVICE_KEY, 'lost');
    await aStartOfTheApp('mentorlog-lost-afresh');
    const { user } = renderApp('/pairs');

    await user.click(await screen.findByRole('button', { name: 'Start afresh without them' }));

    expect(await screen.findByLabelText('Your name')).toBeInTheDocument();
    expect(localStorage.getItem(RECORDS_ON_DEVICE_KEY)).toBeNull();
  });

  it('greets a brand-new visitor as usual', async () => {
    await aStartOfTheApp('mentorlog-new-visitor');

    expect(useDatabaseStatusStore.getState().recordsLost).toBe(false);
    renderApp('/');
    expect(await screen.findByLabelText('Your name')).toBeInTheDocument();
    expect(screen.queryByText(/no longer holds/)).not.toBeInTheDocument();
  });

  it('does not take a device that opened the app but never saved anything for one that lost records', async () => {
    const name = 'mentorlog-never-saved';
    (await aStartOfTheApp(name)).close();
    await deleteFromElsewhere(name);

    await aStartOfTheApp(name);

    expect(useDatabaseStatusStore.getState().recordsLost).toBe(false);
  });
});

describe('a browser that refuses to store data', () => {
  /** An IndexedDB whose every open fails, as Firefox's private windows did (InvalidStateError). */
  const refusingIndexedDB = {
    open: () => {
      const request: { error: DOMException; onerror: ((event: unknown) => void) | null } = {
        error: new DOMException(
          'A mutation operation was attempted on a database that did not allow mutations.',
          'InvalidStateError',
        ),
        onerror: null,
      };
      setTimeout(() => request.onerror?.({ target: request }), 0);
      return request;
    },
    cmp: indexedDB.cmp.bind(indexedDB),
  } as unknown as IDBFactory;

  it('says so, in place of the screens, when opening the database fails', async () => {
    const refused = new Dexie('mentorlog-refused', { indexedDB: refusingIndexedDB, IDBKeyRange }) as MentorlogDatabase;
    refused.version(1).stores({ people: 'id' });

    await openDeviceDatabase(refused);

    expect(useDatabaseStatusStore.getState().openFailure).not.toBeNull();
    renderApp('/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This browser refuses to store Mentorlog’s records' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Private or incognito windows, and settings that block sites from storing data, do this\./),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Your name')).not.toBeInTheDocument();
  });

  it('says so when the browser has no IndexedDB at all', async () => {
    const missing = new Dexie('mentorlog-missing', {
      indexedDB: undefined,
      IDBKeyRange: undefined,
    }) as MentorlogDatabase;
    missing.version(1).stores({ people: 'id' });

    await openDeviceDatabase(missing);

    renderApp('/pairs');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This browser refuses to store Mentorlog’s records' }),
    ).toBeInTheDocument();
  });
});
