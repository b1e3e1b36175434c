import { describe, expect, it } from 'vitest';
import { deleteCheckIn, deletePair, deleteSession } from '../data/deletion';
import { loadDemoProgram } from '../data/demo';
import { saveCheckIn } from '../data/checkIns';
import { logSession, setActionItemDone } from '../data/sessions';
import { appVersion, exportDevice, backupToJson, readAllRecords } from '../data/exportBackup';
import { importBackup } from '../data/importBackup';
import { buildBackupFile } from '../domain/backupFile';
import { addDays, localToday } from '../domain/dates';
import { aCheckIn, aPair, aPerson, aSession } from '../test/builders';
import { rebuildPairDerived } from '../test/rebuildPairDerived';
import { db, pairWriteTables, resetDatabase } from './database';
import { readPairRecords } from './monthLogs';
import { addPairRecord, refreshPairDigests } from './pairDigests';

/**
 * Every stored digest, every pair's monthly figures and last session date equal ones built afresh
 * from all the records: no write path forgot them. A deleted pair's are left as they were by its deletion, so
 * they are checked only while it is live.
 */
async function expectDigestsFresh() {
  const pairs = await db.pairs.toArray();
  const today = localToday();
  for (const pair of pairs.filter((candidate) => candidate.deletedAt === null)) {
    const fresh = await rebuildPairDerived(db, pair.id, today);
    expect(await db.pairDigests.get(pair.id), `the digest of pair ${pair.id}`).toEqual(fresh.digest);
    expect(await db.pairMonths.get(pair.id), `the monthly figures of pair ${pair.id}`).toEqual(fresh.months);
    expect(await db.pairLastSessions.get(pair.id), `the last session of pair ${pair.id}`).toEqual({
      pairId: pair.id,
      lastSessionDate: fresh.digest.lastSessionDate,
    });
  }
}

async function aDemoPair() {
  await loadDemoProgram(localToday());
  const pair = (await db.pairs.toArray()).find((candidate) => candidate.status === 'active');
  if (!pair) throw new Error('The demo has no active pair.');
  return pair;
}

describe('pair digests', () => {
  it('are written for every pair when the demo loads', async () => {
    await aDemoPair();
    expect(await db.pairDigests.count()).toBe(await db.pairs.count());
    expect(await db.pairMonths.count()).toBe(await db.pairs.count());
    await expectDigestsFresh();
  });

  it('follow a logged session, a ticked action item and a deleted session with its undo', async () => {
    const pair = await aDemoPair();
    const item = { id: crypto.randomUUID(), text: 'Read', owner: 'mentee' as const, dueDate: null, done: false };
    const session = aSession({ pairId: pair.id, date: localToday(), loggedById: pair.mentorId, actionItems: [item] });
    await logSession(session);
    expect((await db.pairDigests.get(pair.id))?.lastSessionDate).toBe(localToday());
    await expectDigestsFresh();

    await setActionItemDone(session, item.id, true);
    await expectDigestsFresh();

    const undo = await deleteSession(session);
    await expectDigestsFresh();
    await undo();
    await expectDigestsFresh();
  });

  it('keep only check-ins shared with the program, and follow a deleted check-in', async () => {
    const pair = await aDemoPair();
    const shared = aCheckIn({
      pairId: pair.id,
      raterId: pair.menteeId,
      date: localToday(),
      scores: { trust: 1 },
      visibility: 'program',
    });
    const pairOnly = aCheckIn({
      pairId: pair.id,
      raterId: pair.menteeId,
      date: localToday(),
      scores: { trust: 5 },
      visibility: 'pair',
    });
    await saveCheckIn(shared);
    await saveCheckIn(pairOnly);
    const digest = await db.pairDigests.get(pair.id);
    // The shared check-in's trust of 1 is the mentee's latest; the pair-only 5 is not there at all.
    expect(digest?.checkIns.latest.mentee.trust).toBe(1);
    expect(digest?.checkIns.trust.mentee.at(-1)).toBe(1);
    expect(digest?.checkIns.lastDate.mentee).toBe(localToday());
    expect(JSON.stringify(digest)).not.toContain('reflection');
    await expectDigestsFresh();

    await deleteCheckIn(shared);
    await expectDigestsFresh();
  });

  it('are rebuilt by a restore on a new device', async () => {
    await aDemoPair();
    const file = backupToJson(await exportDevice());
    await resetDatabase();
    const result = await importBackup(file, () => undefined);
    expect(result.ok).toBe(true);
    expect(await db.pairDigests.count()).toBe(await db.pairs.count());
    expect(await db.pairMonths.count()).toBe(await db.pairs.count());
    await expectDigestsFresh();
  });

  it('follow a backup merged into a device that holds records of the same pairs, from the months as they then stand', async () => {
    const pair = await aDemoPair();
    // The other device: the same program, with one pair's latest session deleted and a new one
    // logged today, and a pair of its own with a session.
    const [latest] = (await db.pairDigests.get(pair.id))?.recentSessions.slice(-1) ?? [];
    expect(latest).toBeDefined();
    const mentor = aPerson({ name: 'Noor Haddad' });
    const mentee = aPerson({ name: 'Eli Brooks' });
    const newPair = aPair({ mentorId: mentor.id, menteeId: mentee.id, startDate: addDays(localToday(), -30) });
    const file = await exportDevice();
    const sessions = file.records.sessions.map((session) =>
      session.pairId === pair.id && session.date === latest?.date
        ? { ...session, deletedAt: `${localToday()}T00:00:00.000Z`, updatedAt: new Date().toISOString() }
        : session,
    );
    sessions.push(
      aSession({ pairId: pair.id, date: localToday(), loggedById: pair.mentorId }),
      aSession({ pairId: newPair.id, date: localToday(), loggedById: mentor.id }),
    );
    const merged = buildBackupFile({
      ...file,
      records: {
        ...file.records,
        people: [...file.records.people, mentor, mentee],
        pairs: [...file.records.pairs, newPair],
        sessions,
      },
    });

    expect((await importBackup(backupToJson(merged), () => undefined)).ok).toBe(true);

    expect((await db.pairDigests.get(pair.id))?.lastSessionDate).toBe(localToday());
    expect((await db.pairDigests.get(newPair.id))?.lastSessionDate).toBe(localToday());
    await expectDigestsFresh();
  });

  it('are built by a restore from the file as reading the records back would build them', async () => {
    const today = localToday();
    const [mentor, mentee, quietMentor, quietMentee] = [aPerson(), aPerson({ name: 'Sam Lee' }), aPerson(), aPerson()];
    const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id, startDate: addDays(today, -1000) });
    const quiet = aPair({
      mentorId: quietMentor.id,
      menteeId: quietMentee.id,
      startDate: addDays(today, -1000),
      status: 'paused',
    });
    const session = (onPair: typeof pair, daysAgo: number, deleted = false) =>
      aSession({
        pairId: onPair.id,
        loggedById: onPair.mentorId,
        date: addDays(today, -daysAgo),
        deletedAt: deleted ? `${today}T09:00:00.000Z` : null,
      });
    const checkIn = (side: 'mentor' | 'mentee', daysAgo: number, overrides: Parameters<typeof aCheckIn>[0] = {}) =>
      aCheckIn({
        pairId: pair.id,
        side,
        raterId: side === 'mentor' ? mentor.id : mentee.id,
        date: addDays(today, -daysAgo),
        ...overrides,
      });
    const sessions = [
      session(pair, 3),
      session(pair, 1, true),
      session(pair, -5),
      session(pair, 400),
      // The quiet pair last met long before the digest's and the months' reach; its latest is deleted.
      session(quiet, 900),
      session(quiet, 800, true),
    ];
    const checkIns = [
      // Three of one day, told apart by when they were made.
      ...['08', '09', '10'].map((hour, score) =>
        checkIn('mentee', 2, { createdAt: `${addDays(today, -2)}T${hour}:00:00.000Z`, scores: { trust: score + 1 } }),
      ),
      // Two of one day made at the same moment: the index keeps them in order of id.
      ...[3, 4].map((score) => checkIn('mentee', 0, { scores: { trust: score } })),
      ...[5, 20, 40, 60, 500].map((daysAgo) => checkIn('mentee', daysAgo)),
      checkIn('mentee', 1, { visibility: 'private' }),
      checkIn('mentee', 1, { visibility: 'pair' }),
      checkIn('mentee', 1, { deletedAt: `${today}T09:00:00.000Z` }),
      // The mentor has rated only long ago: reading back needs the pair's older check-ins.
      checkIn('mentor', 700),
      checkIn('mentor', 720, { scores: { trust: 1 } }),
    ];
    const file = buildBackupFile({
      scope: 'device',
      appVersion,
      exportedAt: new Date().toISOString(),
      records: { people: [mentor, mentee, quietMentor, quietMentee], pairs: [pair, quiet], sessions, checkIns },
    });
    const result = await importBackup(backupToJson(file), () => undefined);
    expect(result.ok).toBe(true);
    await expectDigestsFresh();

    const restored = { digests: await db.pairDigests.toArray(), months: await db.pairMonths.toArray() };
    await db.transaction('rw', pairWriteTables(db), () => refreshPairDigests(db, [pair.id, quiet.id], today));
    expect({ digests: await db.pairDigests.toArray(), months: await db.pairMonths.toArray() }).toEqual(restored);
  });

  it('follow a session or check-in added in one pass, in the reach of the digests or before it, to a pair with much or little in reach', async () => {
    const busy = await aDemoPair();
    const mentor = aPerson();
    const mentee = aPerson();
    const quiet = aPair({ mentorId: mentor.id, menteeId: mentee.id, startDate: addDays(localToday(), -900) });
    await db.people.bulkAdd([mentor, mentee]);
    await db.transaction('rw', pairWriteTables(db), async () => {
      await db.pairs.add(quiet);
      await refreshPairDigests(db, [quiet.id]);
    });
    const longAgo = addDays(localToday(), -800);
    const added = [
      aSession({ pairId: busy.id, date: localToday(), loggedById: busy.mentorId }),
      aSession({ pairId: busy.id, date: longAgo, loggedById: busy.mentorId }),
      aCheckIn({
        pairId: busy.id,
        raterId: busy.menteeId,
        side: 'mentee',
        date: addDays(localToday(), -1),
        visibility: 'program',
      }),
      aSession({ pairId: quiet.id, date: longAgo, loggedById: mentor.id }),
      aCheckIn({ pairId: quiet.id, raterId: mentee.id, side: 'mentee', date: localToday(), visibility: 'program' }),
      aSession({ pairId: quiet.id, date: addDays(localToday(), -3), loggedById: mentor.id }),
    ];
    for (const record of added) {
      const table = 'raterId' in record ? 'checkIns' : 'sessions';
      await db.transaction('rw', pairWriteTables(db), () => addPairRecord(db, table, record));
      // Each write checked on its own: a later one must not mend what an earlier one left wrong.
      await expectDigestsFresh();
    }
    expect((await db.pairDigests.get(quiet.id))?.lastSessionDate).toBe(addDays(localToday(), -3));
  });

  it('refuse a session or check-in whose id its month already holds, and change nothing', async () => {
    const pair = await aDemoPair();
    const recent = aSession({ pairId: pair.id, date: localToday(), loggedById: pair.mentorId, notes: 'Kept' });
    const old = aCheckIn({
      pairId: pair.id,
      raterId: pair.menteeId,
      side: 'mentee',
      date: addDays(localToday(), -800),
      reflection: 'Kept',
    });
    await logSession(recent);
    await saveCheckIn(old);
    const before = await readPairRecords(db, pair.id);
    const digest = await db.pairDigests.get(pair.id);

    for (const again of [
      () => addPairRecord(db, 'sessions', { ...recent, notes: 'Again' }),
      () => addPairRecord(db, 'checkIns', { ...old, reflection: 'Again' }),
    ]) {
      await expect(db.transaction('rw', pairWriteTables(db), again)).rejects.toThrow('is already stored');
    }
    expect(await readPairRecords(db, pair.id)).toEqual(before);
    expect(await db.pairDigests.get(pair.id)).toEqual(digest);
  });

  it('refuse a session or check-in whose id another month, another pair or the other kind of record holds, and change nothing', async () => {
    const pair = await aDemoPair();
    const other = (await db.pairs.toArray()).find((candidate) => candidate.id !== pair.id);
    if (!other) throw new Error('The demo has one pair.');
    const held = aSession({ pairId: pair.id, date: localToday(), loggedById: pair.mentorId, notes: 'Kept' });
    await logSession(held);
    const before = await readAllRecords();

    const reuses = [
      () => addPairRecord(db, 'sessions', { ...held, date: addDays(localToday(), -400), notes: 'Another month' }),
      () =>
        addPairRecord(db, 'sessions', { ...held, pairId: other.id, loggedById: other.mentorId, notes: 'Another pair' }),
      () =>
        addPairRecord(
          db,
          'checkIns',
          aCheckIn({ id: held.id, pairId: other.id, raterId: other.menteeId, date: localToday() }),
        ),
    ];
    for (const again of reuses) {
      await expect(db.transaction('rw', pairWriteTables(db), again)).rejects.toThrow(
        `A record with id ${held.id} is already stored.`,
      );
    }
    expect(await readAllRecords()).toEqual(before);
  });

  it('count a saved check-in in its month, and follow a deleted pair with its undo', async () => {
    const pair = await aDemoPair();
    const month = localToday().slice(0, 7);
    const before = (await db.pairMonths.get(pair.id))?.months[month]?.checkIns ?? 0;
    await saveCheckIn(aCheckIn({ pairId: pair.id, raterId: pair.menteeId, date: localToday(), visibility: 'program' }));
    expect((await db.pairMonths.get(pair.id))?.months[month]?.checkIns).toBe(before + 1);
    await expectDigestsFresh();

    const deletion = await deletePair(pair.id);
    await deletion.undo();
    await expectDigestsFresh();
  });

  it('are rewritten for a pair brought back by a newer copy whose sessions stay deleted', async () => {
    const pair = await aDemoPair();
    const file = await exportDevice();
    await deletePair(pair.id);
    // Someone edited the pair on another device after it was deleted here, but not its sessions.
    const edited = new Date(Date.now() + 60_000).toISOString();
    const copy = {
      ...file,
      records: {
        ...file.records,
        pairs: file.records.pairs.map((record) => (record.id === pair.id ? { ...record, updatedAt: edited } : record)),
      },
    };
    const result = await importBackup(backupToJson(copy), () => undefined);
    expect(result.ok).toBe(true);
    expect((await db.pairs.get(pair.id))?.deletedAt).toBeNull();
    expect(Object.values((await db.pairMonths.get(pair.id))?.months ?? {}).map((figures) => figures.sessions)).toEqual(
      [],
    );
    await expectDigestsFresh();
  });
});
