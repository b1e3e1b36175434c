import { describe, expect, it } from 'vitest';
import { importContentKey, newContentKeyBytes } from '../../src/crypto/sealing';
import { sessionForProgram } from '../../src/domain/session';
import { aCheckIn, aSession } from '../../src/test/builders';
import { docId } from '../../src/sync/syncDocument';
import type { DatabaseKeys } from '../../src/sync/syncStore';
import { admin, couch, everythingStored } from './couch';
import { aSyncedProgram, setUpPair, syncInTurn, type ProgramMember } from './syncedProgram';

// A pair whose databases are sealed (end-to-end encrypted): the partners' devices hold the pair's
// and the shared database's keys, the coordinator's the shared one's only. The server stores what
// its rules need and ciphertext; every device reads what it may, as before.

async function aKey(): Promise<DatabaseKeys> {
  const key = await importContentKey(newContentKeyBytes());
  return { sealWith: { generation: 1, key }, byGeneration: new Map([[1, key]]) };
}

const recordOn = (member: ProgramMember, type: 'session' | 'checkIn', id: string) =>
  member.device.all.get(docId(type, id))?.record;

async function aSealedProgram() {
  const program = await aSyncedProgram(admin, { sealed: true });
  const pairKey = await aKey();
  const sharedKey = await aKey();
  for (const partner of [program.mentor, program.mentee]) {
    partner.device.keys.set(program.databases.pair, pairKey);
    partner.device.keys.set(program.databases.shared, sharedKey);
  }
  program.coordinator.device.keys.set(program.databases.shared, sharedKey);
  await setUpPair(program);
  return program;
}

describe('a sealed pair syncing through its server', () => {
  it('reaches the partner and the coordinator whole, while the server holds no word and no score of it', async () => {
    const program = await aSealedProgram();
    const { mentor, mentee, coordinator, pair } = program;
    const canary = `canary-${crypto.randomUUID()}`;
    const session = mentor.edit({
      type: 'session',
      record: aSession({
        pairId: pair.id,
        loggedById: mentor.person.id,
        notes: `${canary} notes`,
        notesVisibility: 'program',
      }),
    });
    const checkIn = mentee.edit({
      type: 'checkIn',
      record: aCheckIn({
        pairId: pair.id,
        raterId: mentee.person.id,
        side: 'mentee',
        visibility: 'program',
        notesVisibility: 'program',
        scores: { trust: 3, 'non-judgment': 4 },
        reflection: `${canary} reflection`,
      }),
    });
    await syncInTurn(mentor, mentee, coordinator, mentor);

    expect(recordOn(mentee, 'session', session.record.id)).toEqual(session.record);
    expect(recordOn(mentor, 'checkIn', checkIn.record.id)).toEqual(checkIn.record);
    expect(recordOn(coordinator, 'session', session.record.id)).toEqual(sessionForProgram(session.record));
    expect(recordOn(coordinator, 'checkIn', checkIn.record.id)).toEqual(checkIn.record);

    const stored = await everythingStored();
    expect(stored.filter((body) => body.includes(canary))).toEqual([]);
    // No score of this pair either (the server holds other tests' readable pairs beside it).
    expect(stored.filter((body) => body.includes(pair.id) && body.includes('non-judgment'))).toEqual([]);
    expect(stored.filter((body) => body.includes(pair.id) && body.includes('"sealed"')).length).toBeGreaterThan(0);
  });

  it('sets aside a doc whose metadata the server changed, and says where and why', async () => {
    const program = await aSealedProgram();
    const { mentor, mentee, pair, databases } = program;
    const checkIn = mentee.edit({
      type: 'checkIn',
      record: aCheckIn({ pairId: pair.id, raterId: mentee.person.id, side: 'mentee', visibility: 'pair' }),
    });
    await syncInTurn(mentee);

    const asAdmin = { name: admin.name, password: admin.password };
    const path = `${databases.pair}/${encodeURIComponent(docId('checkIn', checkIn.record.id))}`;
    const held = await couch('GET', path, { as: asAdmin });
    const meta = held.body.meta as Record<string, unknown>;
    expect(
      (
        await couch('PUT', path, {
          as: asAdmin,
          body: { ...held.body, meta: { ...meta, updated: new Date().toISOString() } },
        })
      ).status,
    ).toBe(201);

    const problems = await mentor.sync();
    expect(problems).toEqual([
      expect.objectContaining({
        docId: docId('checkIn', checkIn.record.id),
        field: 'sealed',
        message: expect.stringMatching(/were changed on the server/),
      }),
    ]);
    expect(recordOn(mentor, 'checkIn', checkIn.record.id)).toBeUndefined();
  });
});
