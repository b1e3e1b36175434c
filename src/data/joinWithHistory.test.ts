import { describe, expect, it } from 'vitest';
import { db } from '../db/database';
import type { SyncAccount } from '../domain/syncAccount';
import { aPairWithPeople } from '../test/backupImports';
import { aCheckIn, aSession } from '../test/builders';
import { seedRecords } from '../test/seedRecords';
import { joinAgainWithHistory, joinWithHistory } from './joinWithHistory';

const markedIds = async () => (await db.syncPending.toArray()).map((mark) => mark.docId).sort();

async function aPairKeptBeforeTheServer() {
  const { mentor, mentee, pair } = aPairWithPeople();
  const session = aSession({ pairId: pair.id, loggedById: mentor.id, date: '2025-06-02' });
  const deleted = aSession({ pairId: pair.id, date: '2025-07-02', deletedAt: '2025-07-03T10:00:00.000Z' });
  const mine = aCheckIn({ pairId: pair.id, raterId: mentor.id, side: 'mentor', notesVisibility: 'pair' });
  const privateOne = aCheckIn({
    pairId: pair.id,
    raterId: mentor.id,
    side: 'mentor',
    visibility: 'private',
    notesVisibility: 'private',
  });
  const partners = aCheckIn({ pairId: pair.id, raterId: mentee.id, side: 'mentee' });
  await seedRecords({
    people: [mentor, mentee],
    pairs: [pair],
    sessions: [session, deleted],
    checkIns: [mine, privateOne, partners],
  });
  const account: SyncAccount = {
    serverUrl: '/couch',
    personId: mentor.id,
    role: 'partner',
    pairIds: [pair.id],
    since: '2026-03-01T10:00:00.000Z',
  };
  return { mentor, mentee, pair, session, deleted, mine, account };
}

describe('a pair kept before the program had a server', () => {
  it('joins with its history: the pair, its partners, its sessions and this person’s check-ins, private ones left out', async () => {
    const { mentor, mentee, pair, session, deleted, mine, account } = await aPairKeptBeforeTheServer();

    expect(await joinWithHistory(db, account)).toBe(6);

    expect(await markedIds()).toEqual(
      [
        `pair:${pair.id}`,
        `person:${mentor.id}`,
        `person:${mentee.id}`,
        `session:${session.id}`,
        `session:${deleted.id}`,
        `checkIn:${mine.id}`,
      ].sort(),
    );
  });

  it('joins once: a second start marks nothing again, even after its changes went', async () => {
    const { account } = await aPairKeptBeforeTheServer();
    await joinWithHistory(db, account);
    await db.syncPending.clear();

    expect(await joinWithHistory(db, account)).toBe(0);
    expect(await db.syncPending.count()).toBe(0);
  });

  it('joins again, all of it, when the pair’s records are to be sealed over their readable copies', async () => {
    const { account } = await aPairKeptBeforeTheServer();
    const first = await joinWithHistory(db, account);
    await db.syncPending.clear();

    await joinAgainWithHistory(account.pairIds[0] ?? '', db);
    expect(await joinWithHistory(db, account)).toBe(first);
    expect(await db.syncPending.count()).toBe(first);
  });

  it('resumes a join cut short with the pairs not yet joined, and joins a pair added to the account later', async () => {
    const first = await aPairKeptBeforeTheServer();
    const second = await aPairKeptBeforeTheServer();
    await joinWithHistory(db, first.account);
    await db.syncPending.clear();

    const both = { ...first.account, pairIds: [first.pair.id, second.pair.id] };
    expect(await joinWithHistory(db, both)).toBeGreaterThan(0);

    const marked = await db.syncPending.toArray();
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((mark) => mark.pairId === second.pair.id || mark.type === 'person')).toBe(true);
  });

  it('joins only its pair and people on a coordinator’s device, which sends only the directory', async () => {
    const { mentor, mentee, pair, account } = await aPairKeptBeforeTheServer();

    await joinWithHistory(db, { ...account, role: 'coordinator' });

    expect(await markedIds()).toEqual([`pair:${pair.id}`, `person:${mentor.id}`, `person:${mentee.id}`].sort());
  });
});
