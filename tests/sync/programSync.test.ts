import { describe, expect, it } from 'vitest';
import { sessionForProgram } from '../../src/domain/session';
import { aCheckIn, aSession } from '../../src/test/builders';
import { docId } from '../../src/sync/syncDocument';
import { everythingStored } from './couch';
import { aSyncedProgram, setUpPair, syncInTurn, type ProgramMember } from './syncedProgram';

// The sync engine against the program server's own rules (members, validate_doc_update), as the
// three people of a pair's program use it: each device signed in as its own non-admin user.

const recordOn = (member: ProgramMember, type: 'session' | 'checkIn', id: string) =>
  member.device.all.get(docId(type, id))?.record;

describe('a program syncing through its server', () => {
  it('takes a logged session to the mentee’s device whole, and its facts only to the coordinator’s', async () => {
    const program = await aSyncedProgram();
    const { mentor, mentee, coordinator, pair } = program;
    await setUpPair(program);

    const session = mentor.edit({
      type: 'session',
      record: aSession({
        pairId: pair.id,
        loggedBy: 'mentor',
        loggedById: mentor.person.id,
        topics: ['Career change'],
        notes: 'Sam is weighing the offer from the clinic.',
      }),
    });
    await syncInTurn(mentor, mentee, coordinator);

    expect(recordOn(mentee, 'session', session.record.id)).toEqual(session.record);
    expect(recordOn(coordinator, 'session', session.record.id)).toEqual(sessionForProgram(session.record));
    const pairOn = (member: ProgramMember) => member.device.all.get(docId('pair', pair.id))?.record;
    expect(pairOn(coordinator)).toEqual(pairOn(mentor));
    expect(pairOn(mentee)).toEqual(pairOn(mentor));
  });

  it('shares a check-in with whom its author chose, and keeps a private reflection on the mentee’s device', async () => {
    const program = await aSyncedProgram();
    const { mentor, mentee, coordinator, pair } = program;
    await setUpPair(program);
    const secret = `I am thinking of leaving the program ${crypto.randomUUID()}`;
    const checkIn = (overrides: Parameters<typeof aCheckIn>[0]) =>
      mentee.edit({
        type: 'checkIn',
        record: aCheckIn({ pairId: pair.id, side: 'mentee', raterId: mentee.person.id, ...overrides }),
      });
    const forProgram = checkIn({ visibility: 'program', notesVisibility: 'program', reflection: 'Going well.' });
    const forPartner = checkIn({ visibility: 'pair', notesVisibility: 'pair', reflection: 'Just between us.' });
    const withPrivateWords = checkIn({ visibility: 'program', notesVisibility: 'private', reflection: secret });
    const allPrivate = checkIn({ visibility: 'private', notesVisibility: 'private', reflection: secret });
    await syncInTurn(mentee, mentor, coordinator);

    expect(recordOn(coordinator, 'checkIn', forProgram.record.id)).toEqual(forProgram.record);
    expect(recordOn(mentor, 'checkIn', forPartner.record.id)).toEqual(forPartner.record);
    expect(recordOn(coordinator, 'checkIn', forPartner.record.id)).toBeUndefined();
    expect(recordOn(mentor, 'checkIn', withPrivateWords.record.id)).toMatchObject({
      scores: withPrivateWords.record.scores,
      reflection: '',
    });
    expect(recordOn(coordinator, 'checkIn', withPrivateWords.record.id)).toMatchObject({ reflection: '' });
    expect(recordOn(mentor, 'checkIn', allPrivate.record.id)).toBeUndefined();
    expect(recordOn(mentee, 'checkIn', allPrivate.record.id)).toMatchObject({ reflection: secret });

    for (const other of [mentor, coordinator]) expect(JSON.stringify([...other.device.all])).not.toContain(secret);
    const stored = await everythingStored();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.filter((body) => body.includes(secret))).toEqual([]);
  });
});
