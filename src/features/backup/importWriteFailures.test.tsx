import { screen } from '@testing-library/react';
import { Dexie } from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/database';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from '../../domain/backupFile';
import { aPair, aPerson } from '../../test/builders';
import { failWritesTo, installFailingWrites, stopFailingWrites, storageFull } from '../../test/failingWrites';
import { renderApp, signInAs } from '../../test/renderApp';

beforeAll(installFailingWrites);
afterEach(stopFailingWrites);

async function importAFileOfOnePair() {
  const mentor = await signInAs('mentor', { name: 'Alex Chen' });
  const mentee = aPerson({ name: 'Sam Lee' });
  const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id });
  const text = JSON.stringify({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: '0.1.0',
    exportedAt: '2026-03-21T18:00:00.000Z',
    scope: 'device',
    records: { people: [mentor, mentee], pairs: [pair], sessions: [], checkIns: [] },
  });
  const { user } = renderApp('/backup');
  await user.upload(
    await screen.findByLabelText('Backup or shared pair file'),
    new File([text], 'backup.json', { type: 'application/json' }),
  );
  await user.click(screen.getByRole('button', { name: 'Import' }));
}

describe('when an import runs out of storage space', () => {
  it('says storage is full, that nothing was written, and what to do', async () => {
    failWritesTo(['pairs'], storageFull);

    await importAFileOfOnePair();

    expect(await screen.findByText(/ran out of storage space/)).toHaveTextContent(
      'This device ran out of storage space while importing, so nothing was written: an import is stored whole or not at all, and your records on this device are as they were. Free some space on this device (Settings shows how much Mentorlog uses) and try again.',
    );
    expect(await db.pairs.count()).toBe(0);
    expect((await db.people.toArray()).map((person) => person.name)).toEqual(['Alex Chen']);
  });

  it('says the same when Dexie reports the full disk record by record (a BulkError)', async () => {
    failWritesTo(['pairs'], () => new Dexie.BulkError('1 of 1 operations failed', { 0: storageFull() }));

    await importAFileOfOnePair();

    expect(await screen.findByText(/ran out of storage space/)).toHaveTextContent('so nothing was written');
    expect(await db.pairs.count()).toBe(0);
  });
});
