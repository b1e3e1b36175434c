import { describe, expect, it } from 'vitest';
import { db } from '../db/database';
import type { SyncRecord } from '../domain/syncedRecord';
import { aPairWithPeople } from '../test/backupImports';
import { aCheckIn, aSession } from '../test/builders';
import { seedRecords, storedRecords } from '../test/seedRecords';
import { LoggedIdLedger } from './heldRecords';
import { writePulledRecords } from './syncedRecords';

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
