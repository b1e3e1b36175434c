import { describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { localToday } from '../domain/dates';
import type { SyncRecord } from '../domain/syncedRecord';
import { aPairWithPeople } from '../test/backupImports';
import { aCheckIn, aSession } from '../test/builders';
import { rebuildPairDerived } from '../test/rebuildPairDerived';
import { seedRecords, storedRecords } from '../test/seedRecords';
import { saveSyncAccount } from './syncAccount';
import { readSyncedRecords, withdrawRecords, writePulledRecords } from './syncedRecords';

/** Takes every pulled version, as a database whose versions all win would. */
const takeAll = (_local: SyncRecord | null, pulled: SyncRecord) => pulled;

async function expectDerivedFresh(pairId: string) {
  const rebuilt = await rebuildPairDerived(db, pairId, localToday());
  expect(await db.pairDigests.get(pairId)).toEqual(rebuilt.digest);
  expect(await db.pairMonths.get(pairId)).toEqual(rebuilt.months);
  expect((await db.pairLastSessions.get(pairId))?.lastSessionDate).toBe(rebuilt.digest.lastSessionDate);
}

const today = localToday();

describe('pulled records written to the device', () => {
  it('go into their months with the pair’s digest, monthly figures and last session date rewritten', async () => {
    const { mentor, mentee, pair } = aPairWithPeople();
    const session = aSession({ pairId: pair.id, date: today, loggedById: mentor.id });
    const checkIn = aCheckIn({ pairId: pair.id, date: today, raterId: mentee.id, visibility: 'program' });

    const [outcome] = await writePulledRecords(db, [
      {
        entries: [
          { type: 'person', record: mentor },
          { type: 'person', record: mentee },
          { type: 'pair', record: pair },
          { type: 'session', record: session },
          { type: 'checkIn', record: checkIn },
        ],
        choose: takeAll,
      },
    ]);

    expect(outcome?.applied).toHaveLength(5);
    expect(await storedRecords()).toEqual({ sessions: [session], checkIns: [checkIn] });
    expect((await db.pairLastSessions.get(pair.id))?.lastSessionDate).toBe(today);
    await expectDerivedFresh(pair.id);
  });

  it('are not local changes: nothing is marked pending, and a local change they replace is pending no more', async () => {
    const { mentor, pair } = aPairWithPeople();
    const session = aSession({ pairId: pair.id, loggedById: mentor.id, notes: 'mine' });
    await seedRecords({ pairs: [pair], sessions: [session] });
    saveSyncAccount({
      serverUrl: '/couch',
      personId: mentor.id,
      role: 'partner',
      pairIds: [pair.id],
      since: today + 'T00:00:00.000Z',
    });
    await db.syncPending.put({
      docId: `session:${session.id}`,
      type: 'session',
      recordId: session.id,
      pairId: pair.id,
      author: null,
      updatedAt: session.updatedAt,
      reached: [],
    });
    const partners = { ...session, notes: 'the partner’s later edit', updatedAt: '2026-06-01T00:00:00.000Z' };

    await writePulledRecords(db, [{ entries: [{ type: 'session', record: partners }], choose: takeAll }]);

    expect(await db.syncPending.count()).toBe(0);
    expect((await storedRecords()).sessions).toEqual([partners]);
  });

  it('keep the device’s version when the choice says so, and choose against the version written just before', async () => {
    const { pair } = aPairWithPeople();
    const session = aSession({ pairId: pair.id, notes: 'first' });
    const seen: (string | null)[] = [];

    await writePulledRecords(db, [
      {
        entries: [
          { type: 'session', record: session },
          { type: 'session', record: { ...session, notes: 'second' } },
        ],
        choose: (local, pulled) => {
          seen.push(local?.type === 'session' ? local.record.notes : null);
          return local ? null : pulled;
        },
      },
    ]);

    expect(seen).toEqual([null, 'first']);
    expect((await storedRecords()).sessions).toEqual([session]);
  });

  it('move a session whose date changed out of its old month, leaving one copy', async () => {
    const { pair } = aPairWithPeople();
    const session = aSession({ pairId: pair.id, date: '2026-01-15' });
    await seedRecords({ pairs: [pair], sessions: [session] });
    const moved = { ...session, date: '2026-02-03', updatedAt: '2026-02-03T10:00:00.000Z' };

    await writePulledRecords(db, [{ entries: [{ type: 'session', record: moved }], choose: takeAll }]);

    expect((await storedRecords()).sessions).toEqual([moved]);
    await expectDerivedFresh(pair.id);
  });

  it('set aside a version whose id the device holds as another kind of record, or in another pair', async () => {
    const { mentor, pair } = aPairWithPeople();
    const other = aPairWithPeople().pair;
    const session = aSession({ pairId: pair.id });
    await seedRecords({ people: [mentor], pairs: [pair, other], sessions: [session] });
    const asCheckIn = aCheckIn({ id: session.id, pairId: pair.id });
    const asPair = { ...other, id: mentor.id };
    const inOtherPair = { ...session, pairId: other.id, updatedAt: '2026-06-01T00:00:00.000Z' };

    const [outcome] = await writePulledRecords(db, [
      {
        entries: [
          { type: 'checkIn', record: asCheckIn },
          { type: 'pair', record: asPair },
          { type: 'session', record: inOtherPair },
        ],
        choose: takeAll,
      },
    ]);

    expect(outcome?.applied).toEqual([]);
    expect(outcome?.setAside.map(({ entry, message }) => [entry.type, message])).toEqual([
      ['checkIn', expect.stringMatching(/holds a session with the same id/)],
      ['pair', expect.stringMatching(/holds a person with the same id/)],
      ['session', expect.stringMatching(/in another pair/)],
    ]);
    expect(await storedRecords()).toEqual({ sessions: [session], checkIns: [] });
    expect(await db.pairs.get(mentor.id)).toBeUndefined();
  });

  it('set aside a session or check-in whose id the device holds as a person or pair, however many come at once', async () => {
    const { mentor, mentee, pair } = aPairWithPeople();
    await seedRecords({ people: [mentor, mentee], pairs: [pair] });
    // More records than the device holds people and pairs: their ids are checked against the keys.
    const sessions = Array.from({ length: 80 }, (_, day) =>
      aSession({ pairId: pair.id, date: `2026-0${1 + (day % 9)}-1${day % 10}`, loggedById: mentor.id }),
    );
    const asPerson = { ...sessions[0]!, id: mentee.id };
    const asPair = aCheckIn({ id: pair.id, pairId: pair.id, raterId: mentee.id });

    const [outcome] = await writePulledRecords(db, [
      {
        entries: [
          { type: 'session', record: asPerson },
          ...sessions.slice(1).map((record): SyncRecord => ({ type: 'session', record })),
          { type: 'checkIn', record: asPair },
        ],
        choose: takeAll,
      },
    ]);

    expect(outcome?.setAside.map(({ entry, message }) => [entry.record.id, message])).toEqual([
      [mentee.id, expect.stringMatching(/holds a person with the same id/)],
      [pair.id, expect.stringMatching(/holds a pair with the same id/)],
    ]);
    expect(outcome?.applied).toHaveLength(79);
    expect((await storedRecords()).sessions).toHaveLength(79);
    expect(await db.people.get(mentee.id)).toEqual(mentee);
  });

  it('are read back by type and id, whatever month holds them', async () => {
    const { mentor, pair } = aPairWithPeople();
    const session = aSession({ pairId: pair.id, date: '2025-11-02' });
    await seedRecords({ people: [mentor], pairs: [pair], sessions: [session] });

    expect(
      await readSyncedRecords(db, [
        { type: 'session', id: session.id },
        { type: 'checkIn', id: session.id },
        { type: 'person', id: mentor.id },
        { type: 'pair', id: crypto.randomUUID() },
      ]),
    ).toEqual([{ type: 'session', record: session }, null, { type: 'person', record: mentor }, null]);
  });
});

describe('withdrawn records', () => {
  it('leave the device, with the digest rewritten, when the choice agrees', async () => {
    const { mentee, pair } = aPairWithPeople();
    const shared = aCheckIn({ pairId: pair.id, raterId: mentee.id, date: today, visibility: 'program' });
    const kept = aCheckIn({ pairId: pair.id, raterId: mentee.id, date: today, visibility: 'program' });
    await seedRecords({ pairs: [pair], checkIns: [shared, kept] });

    const gone = await withdrawRecords(
      db,
      [
        { type: 'checkIn', id: shared.id },
        { type: 'checkIn', id: kept.id },
      ],
      (local) => local.record.id === shared.id,
    );

    expect(gone).toBe(1);
    expect((await storedRecords()).checkIns).toEqual([kept]);
    await expectDerivedFresh(pair.id);
  });
});
