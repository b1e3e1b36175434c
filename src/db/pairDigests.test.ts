import { describe, expect, it } from 'vitest';
import { deleteCheckIn, deleteSession } from '../data/deletion';
import { loadDemoProgram } from '../data/demo';
import { saveCheckIn } from '../data/checkIns';
import { logSession, setActionItemDone } from '../data/sessions';
import { exportDevice, backupToJson, importBackup } from '../data/backup';
import { localToday } from '../domain/dates';
import { aCheckIn, aSession } from '../test/builders';
import { db, resetDatabase } from './database';
import { readPairDigest } from './pairDigests';

/** Every stored digest equals one computed afresh from the records: no write path forgot it. */
async function expectDigestsFresh() {
  const pairs = await db.pairs.toArray();
  const today = localToday();
  for (const pair of pairs) {
    const stored = await db.pairDigests.get(pair.id);
    const fresh = await readPairDigest(db, pair.id, today);
    expect(stored, `the digest of pair ${pair.id}`).toEqual(fresh);
  }
}

async function aDemoPair() {
  await loadDemoProgram(localToday());
  const pairs = await db.pairs.where('status').equals('active').toArray();
  const pair = pairs[0];
  if (!pair) throw new Error('The demo has no active pair.');
  return pair;
}

describe('pair digests', () => {
  it('are written for every pair when the demo loads', async () => {
    await aDemoPair();
    expect(await db.pairDigests.count()).toBe(await db.pairs.count());
    await expectDigestsFresh();
  });

  it('follow a logged session, a ticked action item and a deleted session with its undo', async () => {
    const pair = await aDemoPair();
    const item = { id: crypto.randomUUID(), text: 'Read', owner: 'mentee' as const, dueDate: null, done: false };
    const session = aSession({ pairId: pair.id, date: localToday(), loggedById: pair.mentorId, actionItems: [item] });
    await logSession(session);
    expect((await db.pairDigests.get(pair.id))?.lastSessionDate).toBe(localToday());
    await expectDigestsFresh();

    await setActionItemDone(session.id, item.id, true);
    await expectDigestsFresh();

    const undo = await deleteSession(session.id);
    await expectDigestsFresh();
    await undo();
    await expectDigestsFresh();
  });

  it('keep only check-ins shared with the program, and follow a deleted check-in', async () => {
    const pair = await aDemoPair();
    const shared = aCheckIn({ pairId: pair.id, raterId: pair.menteeId, date: localToday(), scores: { trust: 1 }, visibility: 'program' });
    const pairOnly = aCheckIn({ pairId: pair.id, raterId: pair.menteeId, date: localToday(), scores: { trust: 5 }, visibility: 'pair' });
    await saveCheckIn(shared);
    await saveCheckIn(pairOnly);
    const digest = await db.pairDigests.get(pair.id);
    const latestMentee = digest?.sharedCheckIns.filter((checkIn) => checkIn.side === 'mentee').at(-1);
    expect(latestMentee?.scores).toEqual({ trust: 1 });
    expect(JSON.stringify(digest)).not.toContain('reflection');
    await expectDigestsFresh();

    await deleteCheckIn(shared.id);
    await expectDigestsFresh();
  });

  it('are rebuilt by a restore on a new device', async () => {
    await aDemoPair();
    const file = backupToJson(await exportDevice());
    await resetDatabase();
    const result = await importBackup(file, () => undefined);
    expect(result.ok).toBe(true);
    expect(await db.pairDigests.count()).toBe(await db.pairs.count());
    await expectDigestsFresh();
  });
});
