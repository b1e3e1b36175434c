import { render, screen, waitFor } from '@testing-library/react';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatabaseBanner } from '../app/DatabaseBanner';
import { db, openDatabase } from '../db/database';
import { v1Stores } from '../test/fixtures/schemaV1';
import { DATABASE_NAME, schemaVersions } from '../db/schema';
import { useDatabaseStatusStore } from '../state/databaseStatusStore';
import { aPair, aSession } from '../test/builders';
import { renderApp, signInAs } from '../test/renderApp';
import { watchDatabaseConnection } from './databaseConnection';

const opened: Dexie[] = [];

/** The schema version this build of the app writes, and every table it has. */
const LATEST = Math.max(...schemaVersions.map((step) => step.version));
const latestStores = Object.assign({}, ...schemaVersions.map((step) => step.stores)) as Record<string, string>;

/** Another tab's connection, as a newer (or older) build of the app would open it. */
function anotherTab(name: string, version: number): Dexie {
  const other = new Dexie(name);
  other.version(version).stores(version === 1 ? v1Stores : { ...latestStores, drafts: 'id' });
  opened.push(other);
  return other;
}

afterEach(async () => {
  for (const other of opened.splice(0)) await other.delete();
  useDatabaseStatusStore.setState(useDatabaseStatusStore.getInitialState());
  // The app's database was closed for good by the test; open it again for the next one.
  if (!db.isOpen()) await db.open();
});

describe('a newer version of the app opened in another tab', () => {
  it('is not blocked: this tab closes its database and asks the user to reload', async () => {
    await signInAs('mentor', { name: 'Alex Chen' });
    renderApp('/pairs');
    expect(await screen.findByRole('heading', { name: 'No pairs yet' })).toBeInTheDocument();
    expect(db.isOpen()).toBe(true);

    const newer = anotherTab(DATABASE_NAME, LATEST + 1);
    const blocked = vi.fn();
    newer.on('blocked', blocked);
    await newer.open();

    expect(blocked).not.toHaveBeenCalled();
    expect(newer.verno).toBe(LATEST + 1);
    expect(db.isOpen()).toBe(false);
    expect(useDatabaseStatusStore.getState().closedBecause).toBe('newerVersion');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Mentorlog was updated in another tab. Reload to continue.',
    );
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
  });

  it('leaves this tab unable to write with its old schema until it reloads', async () => {
    await signInAs('mentor');
    const stop = watchDatabaseConnection(db);
    await anotherTab(DATABASE_NAME, LATEST + 1).open();

    await expect(db.people.count()).rejects.toHaveProperty('name', 'DatabaseClosedError');
    stop();
  });
});

describe('an older version of the app that does not let go of the database', () => {
  it('makes this tab say what it is waiting for, until the older tab closes', async () => {
    const older = anotherTab('mentorlog-blocking', 1);
    // An older build that refuses to close when asked.
    older.on('versionchange', () => false);
    await older.open();
    const newer = anotherTab('mentorlog-blocking', 2);
    const stop = watchDatabaseConnection(newer);
    render(<DatabaseBanner />);

    const opening = newer.open();
    await waitFor(() => expect(useDatabaseStatusStore.getState().blockedByOtherTab).toBe(true));
    expect(screen.getByRole('status')).toHaveTextContent('waiting for an older version of itself');

    older.close();
    await opening;
    expect(useDatabaseStatusStore.getState().blockedByOtherTab).toBe(false);
    await waitFor(() => expect(screen.queryByRole('status')).not.toBeInTheDocument());
    stop();
  });
});

describe('a long upgrade of this device’s database', () => {
  it('says what it is doing and how far it has got, until the database is ready', async () => {
    const name = 'mentorlog-upgrading';
    // A database as version 4 of the app left it: a pair with a session, one record each.
    const version4 = new Dexie(name);
    for (const step of schemaVersions.filter((candidate) => candidate.version <= 4))
      version4.version(step.version).stores(step.stores);
    const pair = aPair();
    await version4.table('pairs').add(pair);
    await version4.table('sessions').add(aSession({ pairId: pair.id }));
    version4.close();
    const upgraded = openDatabase(name);
    opened.push(upgraded);
    const seen: unknown[] = [];
    const stopRecording = useDatabaseStatusStore.subscribe((state, previous) => {
      if (state.upgrading !== previous.upgrading) seen.push(state.upgrading);
    });
    const stop = watchDatabaseConnection(upgraded);

    await upgraded.open();

    expect(seen).toEqual([{ done: 1, total: 1 }, null]);
    stopRecording();
    stop();
  });

  it('shows its progress in a banner', () => {
    useDatabaseStatusStore.getState().setUpgrading({ done: 300, total: 1000 });
    render(<DatabaseBanner />);

    expect(screen.getByRole('status')).toHaveTextContent('rearranging the records on this device');
    expect(screen.getByRole('progressbar', { name: 'Records rearranged' })).toHaveAttribute('value', '300');
  });
});
