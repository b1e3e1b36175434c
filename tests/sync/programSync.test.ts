import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/domain/session';
import { sessionForProgram } from '../../src/domain/session';
import { aCheckIn, aSession } from '../../src/test/builders';
import { pullDatabase, pushDatabase } from '../../src/sync/couchClient';
import { docId } from '../../src/sync/syncDocument';
import { MAX_STAMP_AHEAD_MS } from '../../src/sync/changeClock';
import { provisionPair } from '../../src/sync/provisionProgram';
import { DESIGN_DOC_ID } from '../../src/sync/serverRules';
import { aServerDoc, type ServerDoc } from '../../src/test/serverDocs';
import { admin, couch, everythingStored, server, until } from './couch';
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

  it('takes a session’s words as far as its author chose, its facts everywhere, and keeps private words on its device', async () => {
    const program = await aSyncedProgram();
    const { mentor, mentee, coordinator, pair, clock } = program;
    await setUpPair(program);
    const canary = (visibility: string) => `${visibility}-words-${crypto.randomUUID()}`;
    const logged = (notesVisibility: 'private' | 'pair' | 'program') => {
      const words = canary(notesVisibility);
      const item = {
        id: crypto.randomUUID(),
        text: words,
        owner: 'mentee' as const,
        dueDate: '2026-03-01',
        done: false,
      };
      const entry = mentor.edit({
        type: 'session',
        record: aSession({
          pairId: pair.id,
          loggedById: mentor.person.id,
          notesVisibility,
          notes: words,
          topics: [words],
          actionItems: [item],
        }),
      });
      return { entry, words, item };
    };
    const kept = logged('private');
    const between = logged('pair');
    const shared = logged('program');
    await syncInTurn(mentor, mentee, coordinator);

    expect(recordOn(mentee, 'session', between.entry.record.id)).toEqual(between.entry.record);
    expect(recordOn(mentee, 'session', shared.entry.record.id)).toEqual(shared.entry.record);
    expect(recordOn(coordinator, 'session', shared.entry.record.id)).toEqual(shared.entry.record);
    expect(recordOn(coordinator, 'session', between.entry.record.id)).toEqual(sessionForProgram(between.entry.record));
    for (const member of [mentee, coordinator])
      expect(recordOn(member, 'session', kept.entry.record.id)).toMatchObject({
        notes: '',
        topics: [],
        actionItems: [{ ...kept.item, text: '' }],
      });
    expect(JSON.stringify([...mentee.device.all])).not.toContain(kept.words);
    expect(JSON.stringify([...coordinator.device.all])).not.toContain(between.words);
    const stored = await everythingStored();
    expect(stored.filter((body) => body.includes(kept.words))).toEqual([]);

    // The mentee ticks off the item of the mentor's private session: the mentor's device keeps its words.
    clock.ms += 1000;
    const heldCopy = recordOn(mentee, 'session', kept.entry.record.id) as Session | undefined;
    if (!heldCopy) throw new Error('The mentee holds no copy of the session.');
    const ticked = mentee.edit({
      type: 'session',
      record: { ...heldCopy, actionItems: [{ ...kept.item, text: '', done: true }] },
    });
    await syncInTurn(mentee, mentor);
    expect(recordOn(mentor, 'session', kept.entry.record.id)).toEqual({
      ...kept.entry.record,
      actionItems: [{ ...kept.item, done: true }],
      updatedAt: ticked.record.updatedAt,
    });
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

  it('settles offline edits of one session and a deletion the same way on all three devices', async () => {
    const program = await aSyncedProgram();
    const { mentor, mentee, coordinator, pair, clock } = program;
    await setUpPair(program);
    const logged = (notes: string) =>
      mentor.edit({
        type: 'session',
        record: aSession({ pairId: pair.id, loggedBy: 'mentor', loggedById: mentor.person.id, notes }),
      });
    const session = logged('First talk about the offer.');
    const other = logged('Second talk.');
    await syncInTurn(mentor, mentee, coordinator);

    // Both offline: the mentor edits both sessions, then the mentee edits the first and deletes the second.
    clock.ms += 1000;
    mentor.edit({ ...session, record: { ...session.record, notes: 'Mentor’s notes', durationMinutes: 30 } });
    mentor.edit({ ...other, record: { ...other.record, notes: 'Mentor’s edit of the second' } });
    clock.ms += 1000;
    const menteeEdit = mentee.edit({
      ...session,
      record: { ...session.record, notes: 'Mentee’s later notes', durationMinutes: 45 },
    });
    const deletion = mentee.edit({
      ...other,
      record: { ...other.record, deletedAt: new Date(clock.ms).toISOString() },
    });

    await syncInTurn(mentor, mentee, mentor, coordinator);

    for (const partner of [mentor, mentee]) {
      expect(recordOn(partner, 'session', session.record.id)).toEqual(menteeEdit.record);
      expect(recordOn(partner, 'session', other.record.id)).toEqual(deletion.record);
    }
    expect(recordOn(coordinator, 'session', session.record.id)).toEqual(sessionForProgram(menteeEdit.record));
    expect(recordOn(coordinator, 'session', other.record.id)).toEqual(sessionForProgram(deletion.record));
    for (const member of [mentor, mentee])
      expect(await member.device.store.pending(program.databases.pair)).toEqual([]);
  });

  it('lets a device whose clock is almost a day behind win with an edit made after seeing its partner’s', async () => {
    const program = await aSyncedProgram();
    const { mentor, mentee, coordinator, pair } = program;
    mentor.clockOffsetMs = -(MAX_STAMP_AHEAD_MS - 60_000);
    await setUpPair(program);
    const session = mentee.edit({
      type: 'session',
      record: aSession({ pairId: pair.id, loggedBy: 'mentee', loggedById: mentee.person.id, durationMinutes: 60 }),
    });
    await syncInTurn(mentee, mentor);

    const correction = mentor.edit({ ...session, record: { ...session.record, durationMinutes: 90 } });
    expect(Date.parse(correction.record.updatedAt)).toBeGreaterThan(Date.parse(session.record.updatedAt));
    await syncInTurn(mentor, mentee, coordinator);

    expect(recordOn(mentee, 'session', session.record.id)).toEqual(correction.record);
    expect(recordOn(coordinator, 'session', session.record.id)).toMatchObject({ durationMinutes: 90 });
  });

  it('takes a check-in out of the program’s copy, and off the coordinator’s device, when its sharing narrows', async () => {
    const program = await aSyncedProgram();
    const { mentor, mentee, coordinator, pair, clock } = program;
    await setUpPair(program);
    const checkIn = mentee.edit({
      type: 'checkIn',
      record: aCheckIn({ pairId: pair.id, side: 'mentee', raterId: mentee.person.id, visibility: 'program' }),
    });
    await syncInTurn(mentee, coordinator);
    expect(recordOn(coordinator, 'checkIn', checkIn.record.id)).toBeDefined();

    clock.ms += 1000;
    const narrowed = mentee.edit({ ...checkIn, record: { ...checkIn.record, visibility: 'pair' } });
    await syncInTurn(mentee, mentor, coordinator);

    expect(recordOn(coordinator, 'checkIn', checkIn.record.id)).toBeUndefined();
    expect(recordOn(mentor, 'checkIn', checkIn.record.id)).toEqual(narrowed.record);
    const inShared = await couch('GET', `${program.databases.shared}/${docId('checkIn', checkIn.record.id)}`, {
      as: { name: admin.name, password: admin.password },
    });
    expect(inShared.status).toBe(404);
  });
});

describe('documents put on the server by hand', () => {
  it('are applied on no device, and each device’s sync status says which and why', async () => {
    const program = await aSyncedProgram();
    const { mentor, mentee, coordinator, pair, databases } = program;
    await setUpPair(program);
    const asAdmin = { name: admin.name, password: admin.password };
    const place = async (database: string, doc: ServerDoc | Record<string, unknown>) => {
      const id = String(doc._id);
      const answer = await couch('PUT', `${database}/${encodeURIComponent(id)}`, { as: asAdmin, body: doc });
      expect(answer.status, `${id}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
      return id;
    };
    const badScore = aServerDoc('checkIn', aCheckIn({ pairId: pair.id, raterId: mentee.person.id }));
    badScore.content.scores = { trust: 9 };
    const unknownType = { ...aServerDoc('session', aSession({ pairId: pair.id })), meta: { type: 'note' } };
    unknownType._id = `note:${crypto.randomUUID()}`;
    const missingPair = aServerDoc('session', aSession({ pairId: crypto.randomUUID() }));
    const polluting = (key: string) => {
      const doc = aServerDoc('session', aSession({ pairId: pair.id }));
      doc.content = { ...doc.content, ...(JSON.parse(`{"${key}": {"isAdmin": true}}`) as object) };
      return doc;
    };
    const hostile = [
      await place(databases.pair, badScore),
      await place(databases.pair, unknownType),
      await place(databases.pair, missingPair),
      await place(databases.pair, polluting('constructor')),
      await place(databases.shared, { ...badScore, meta: { ...badScore.meta, visibility: 'program' } }),
    ];
    // CouchDB keeps a "__proto__" key; the stand-in drops it as it stores the doc, leaving a plain session.
    const protoId = await place(databases.pair, polluting('__proto__'));
    const protoKept = JSON.stringify((await couch('GET', `${databases.pair}/${protoId}`, { as: asAdmin })).body);
    if (protoKept.includes('__proto__')) hostile.push(protoId);
    else expect(server.standIn).toBe(true);
    // The server refuses a huge doc even from its admin: its write rule is taken away to put one there.
    const huge = aServerDoc('session', aSession({ pairId: pair.id }));
    huge.content.padding = 'x'.repeat(70_000);
    const design = await couch('GET', `${databases.pair}/${DESIGN_DOC_ID}`, { as: asAdmin });
    await couch('DELETE', `${databases.pair}/${DESIGN_DOC_ID}?rev=${String(design.body._rev)}`, { as: asAdmin });
    hostile.push(await place(databases.pair, huge));
    await provisionPair(admin, pair);

    for (const member of [mentor, mentee, coordinator]) {
      const sync = member.start();
      await until(() => sync.status().state === 'up-to-date', `${member.person.name}'s device to catch up`);
      await sync.stop();
      const reported = sync.status().problems.map((problem) => problem.docId);
      const readable = hostile.filter((id, index) => (member === coordinator) === (index === 4));
      expect(reported.sort()).toEqual([...readable].sort());
      for (const id of hostile) expect(member.device.all.has(id)).toBe(false);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    }
  });
});

describe('the order a device meets the server in', () => {
  it('never puts the program’s blanked copy of a session on a partner’s device', async () => {
    const program = await aSyncedProgram();
    const { mentor, mentee, pair, clock, databases } = program;
    await setUpPair(program);
    const session = mentor.edit({
      type: 'session',
      record: aSession({ pairId: pair.id, loggedById: mentor.person.id, notes: 'First notes', topics: ['Offer'] }),
    });
    await syncInTurn(mentor, mentee);
    clock.ms += 1000;
    mentee.edit({ ...session, record: { ...session.record, notes: 'Mentee’s earlier edit' } });
    clock.ms += 1000;
    const later = mentor.edit({ ...session, record: { ...session.record, notes: 'Mentor’s later edit' } });
    await syncInTurn(mentor);

    // The mentee's device reaches the shared database first: the mentor's later version wins there.
    const { store, records } = mentee.device;
    await pushDatabase(mentee.connection, databases.shared, store, records, mentee.now);
    expect(recordOn(mentee, 'session', session.record.id)).toMatchObject({ topics: ['Offer'] });
    await syncInTurn(mentee);
    expect(recordOn(mentee, 'session', session.record.id)).toEqual(later.record);
  });

  it('does not push back an edit that a later version pulled from the partner has replaced', async () => {
    const program = await aSyncedProgram();
    const { mentor, mentee, coordinator, pair, clock, databases } = program;
    await setUpPair(program);
    const session = mentor.edit({
      type: 'session',
      record: aSession({ pairId: pair.id, loggedById: mentor.person.id, durationMinutes: 30 }),
    });
    await syncInTurn(mentor, mentee);
    clock.ms += 1000;
    mentor.edit({ ...session, record: { ...session.record, durationMinutes: 40 } });
    clock.ms += 1000;
    const later = mentee.edit({ ...session, record: { ...session.record, durationMinutes: 50 } });
    await syncInTurn(mentee);

    // The mentor's device reads the partner's later version before it pushes its own edit.
    const { store, records } = mentor.device;
    await pullDatabase(mentor.connection, databases.pair, store, records, { nowMs: mentor.now });
    await syncInTurn(mentor, coordinator);

    expect(recordOn(mentor, 'session', session.record.id)).toEqual(later.record);
    expect(recordOn(coordinator, 'session', session.record.id)).toMatchObject({ durationMinutes: 50 });
    const onServer = await couch('GET', `${databases.pair}/${docId('session', session.record.id)}`, {
      as: { name: admin.name, password: admin.password },
    });
    expect(onServer.body.content).toEqual(later.record);
  });
});
