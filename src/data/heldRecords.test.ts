import { describe, expect, it, vi } from 'vitest';
import { db } from '../db/database';
import type { SyncRecord } from '../domain/syncedRecord';
import { aPairWithPeople } from '../test/backupImports';
import { aCheckIn, aPerson, aSession } from '../test/builders';
import { seedRecords, storedRecords } from '../test/seedRecords';
import { DirectoryIds, LoggedIdLedger } from './heldRecords';
import { withdrawRecords, writePulledRecords } from './syncedRecords';

const takeAll = (_local: SyncRecord | null, pulled: SyncRecord) => pulled;
const readLedger = () => db.transaction('r', db.monthLogs, () => LoggedIdLedger.read(db));

describe('the ledger of a sync’s session and check-in ids', () => {
  it('still sets aside a pulled record whose id the sync itself wrote in another pair', async () => {
    const ledger = await readLedger();
    const first = aPairWithPeople().pair;
    const second = aPairWithPeople().pair;
    const session = aSession({ pairId: first.id });
    await writePulledRecords(db, [{ entries: [{ type: 'session', record: session }], choose: takeAll }], ledger);

    const [outcome] = await writePulledRecords(
      db,
      [{ entries: [{ type: 'checkIn', record: aCheckIn({ id: session.id, pairId: second.id }) }], choose: takeAll }],
      ledger,
    );

    expect(outcome?.setAside).toHaveLength(1);
    expect(await storedRecords()).toEqual({ sessions: [session], checkIns: [] });
  });

  it('is no longer trusted once the app added a record it did not write, which is then looked up', async () => {
    const ledger = await readLedger();
    const { pair } = aPairWithPeople();
    const other = aPairWithPeople().pair;
    await writePulledRecords(
      db,
      [{ entries: [{ type: 'session', record: aSession({ pairId: pair.id }) }], choose: takeAll }],
      ledger,
    );
    const local = aSession({ pairId: other.id });
    await seedRecords({ pairs: [other], sessions: [local] });

    const [outcome] = await writePulledRecords(
      db,
      [{ entries: [{ type: 'session', record: { ...local, pairId: pair.id } }], choose: takeAll }],
      ledger,
    );

    expect(outcome?.setAside.map(({ message }) => message)).toEqual([expect.stringMatching(/in another pair/)]);
    expect(await ledger?.stillWhole(db)).toBe(false);
  });

  it('is not kept for a device with more records than it reads whole', async () => {
    const { pair } = aPairWithPeople();
    await seedRecords({ sessions: [aSession({ pairId: pair.id }), aSession({ pairId: pair.id })] });
    expect(await db.transaction('r', db.monthLogs, () => LoggedIdLedger.read(db, 1))).toBeNull();
    expect((await readLedger())?.has(crypto.randomUUID())).toBe(false);
  });
});

describe('a sync run’s person and pair ids', () => {
  const pulled = (entries: SyncRecord[], directory: DirectoryIds) =>
    writePulledRecords(db, [{ entries, choose: takeAll }], null, directory);

  it('set aside a pulled session that takes the id of a pair the run wrote', async () => {
    const directory = new DirectoryIds();
    const { mentor, mentee, pair } = aPairWithPeople();
    await pulled(
      [
        { type: 'person', record: mentor },
        { type: 'person', record: mentee },
        { type: 'pair', record: pair },
      ],
      directory,
    );

    const [outcome] = await pulled(
      [{ type: 'session', record: aSession({ id: pair.id, pairId: pair.id }) }],
      directory,
    );

    expect(outcome?.setAside.map(({ message }) => message)).toEqual([expect.stringMatching(/a pair with the same id/)]);
    expect((await storedRecords()).sessions).toEqual([]);
  });

  it('are read again when the app added a person the run did not write', async () => {
    const directory = new DirectoryIds();
    const { mentor, mentee, pair } = aPairWithPeople();
    await pulled([{ type: 'pair', record: pair }], directory);
    await seedRecords({ people: [mentor, mentee] });

    const [outcome] = await pulled(
      [{ type: 'checkIn', record: aCheckIn({ id: mentee.id, pairId: pair.id }) }],
      directory,
    );

    expect(outcome?.setAside.map(({ message }) => message)).toEqual([
      expect.stringMatching(/a person with the same id/),
    ]);
  });

  it('are not read key by key again while the counts agree', async () => {
    const directory = new DirectoryIds();
    const { pair } = aPairWithPeople();
    await seedRecords({ people: [aPerson(), aPerson()] });
    const getAllKeys = vi.spyOn(IDBObjectStore.prototype, 'getAllKeys');
    const readsOfEveryPerson = () =>
      getAllKeys.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'people').length;
    await pulled([{ type: 'pair', record: pair }], directory);
    await pulled([{ type: 'session', record: aSession({ pairId: pair.id }) }], directory);
    await pulled([{ type: 'person', record: aPerson() }], directory);
    await pulled([{ type: 'session', record: aSession({ pairId: pair.id }) }], directory);

    expect(readsOfEveryPerson()).toBe(1);
  });

  it('no longer hold a pair the run withdrew: its id is free again', async () => {
    const directory = new DirectoryIds();
    const { pair } = aPairWithPeople();
    await pulled([{ type: 'pair', record: pair }], directory);
    await withdrawRecords(db, [{ type: 'pair', id: pair.id }], () => true, null, directory);

    const session = aSession({ id: pair.id, pairId: aPairWithPeople().pair.id });
    const [outcome] = await pulled([{ type: 'session', record: session }], directory);

    expect(outcome?.setAside).toEqual([]);
    expect((await storedRecords()).sessions).toEqual([session]);
  });
});
