import { describe, expect, it } from 'vitest';
import { db } from '../db/database';
import type { BackupRecords } from '../domain/backupRecords';
import { readPairRecords } from '../db/monthLogs';
import { aPairWithPeople, dump, fileWith, messages, storeRecords } from '../test/backupImports';
import { aCheckIn, aPair, aPerson, aSession } from '../test/builders';
import { storedCheckIn, storedRecords, storedSession } from '../test/seedRecords';
import { importBackup } from './importBackup';

describe('importBackup', () => {
  describe('keeps every id unique on the device, and says which record and pair hold it', () => {
    async function twoPairsOnDevice() {
      const first = aPairWithPeople();
      const second = aPairWithPeople();
      const held = aSession({ pairId: first.pair.id, loggedById: first.mentor.id, notes: 'Kept as it was' });
      const heldCheckIn = aCheckIn({ pairId: first.pair.id, raterId: first.mentee.id });
      await storeRecords({
        people: [first.mentor, first.mentee, second.mentor, second.mentee],
        pairs: [first.pair, second.pair],
        sessions: [held],
        checkIns: [heldCheckIn],
      });
      return { first, second, held, heldCheckIn, before: await dump() };
    }

    /** A pair file for the second pair, as its partner would send it, with `sessions` and `checkIns`. */
    function secondPairFile(
      device: Awaited<ReturnType<typeof twoPairsOnDevice>>,
      records: Partial<BackupRecords>,
    ): string {
      const { second } = device;
      return fileWith({ people: [second.mentor, second.mentee], pairs: [second.pair], ...records }, { scope: 'pair' });
    }

    it.each([
      {
        what: 'a session id another pair holds, newer',
        table: 'sessions',
        kind: 'a session of another pair',
        newer: true,
      },
      {
        what: 'a session id another pair holds, older',
        table: 'sessions',
        kind: 'a session of another pair',
        newer: false,
      },
      {
        what: 'as a check-in, the id of a session another pair holds',
        table: 'checkIns',
        kind: 'a session',
        newer: true,
      },
    ] as const)('refuses $what', async ({ table, kind, newer }) => {
      const device = await twoPairsOnDevice();
      const { second, held } = device;
      const updatedAt = newer ? '2026-06-01T00:00:00.000Z' : '2025-06-01T00:00:00.000Z';
      const reused =
        table === 'sessions'
          ? { sessions: [{ ...held, pairId: second.pair.id, loggedById: second.mentor.id, updatedAt }] }
          : { checkIns: [aCheckIn({ id: held.id, pairId: second.pair.id, raterId: second.mentee.id, updatedAt })] };

      const result = await importBackup(secondPairFile(device, reused));

      expect(messages(result)).toEqual([
        `${table}[0] (id ${held.id}): id: is already the id of ${kind} on this device (pair ${device.first.pair.id}); every record needs its own id.`,
      ]);
      expect(await dump()).toBe(device.before);
    });

    it('refuses, in the same pair, a session whose id the device holds as a check-in', async () => {
      const device = await twoPairsOnDevice();
      const { first, heldCheckIn } = device;
      const result = await importBackup(
        fileWith({ sessions: [aSession({ id: heldCheckIn.id, pairId: first.pair.id, loggedById: first.mentor.id })] }),
      );
      expect(messages(result)).toEqual([
        `sessions[0] (id ${heldCheckIn.id}): id: is already the id of a check-in on this device (pair ${first.pair.id}); every record needs its own id.`,
      ]);
      expect(await dump()).toBe(device.before);
    });

    it('refuses a person or pair whose id the device holds as another kind of record', async () => {
      const device = await twoPairsOnDevice();
      const { first, held } = device;
      const asPerson = await importBackup(fileWith({ people: [aPerson({ id: first.pair.id })] }));
      expect(messages(asPerson)).toEqual([
        `people[0] (id ${first.pair.id}): id: is already the id of a pair on this device; every record needs its own id.`,
      ]);
      const asPair = await importBackup(
        fileWith({ pairs: [aPair({ id: held.id, mentorId: first.mentor.id, menteeId: first.mentee.id })] }),
      );
      expect(messages(asPair)).toEqual([
        `pairs[0] (id ${held.id}): id: is already the id of a session on this device (pair ${first.pair.id}); every record needs its own id.`,
      ]);
      expect(await dump()).toBe(device.before);
    });

    it('refuses a file that uses one id for a session and a check-in, or for a person and a pair', async () => {
      const { mentor, mentee, pair } = aPairWithPeople();
      const session = aSession({ pairId: pair.id, loggedById: mentor.id });
      const result = await importBackup(
        fileWith({
          people: [mentor, mentee, aPerson({ id: pair.id })],
          pairs: [pair],
          sessions: [session],
          checkIns: [aCheckIn({ id: session.id, pairId: pair.id, raterId: mentee.id })],
        }),
      );
      expect(messages(result)).toEqual([
        `pairs[0] (id ${pair.id}): id: is also the id of people[2]; every record needs its own id.`,
        `checkIns[0] (id ${session.id}): id: is also the id of sessions[0]; every record needs its own id.`,
      ]);
    });

    it("accepts the partner's newer copy of a session in another month of the same pair, moving it", async () => {
      const device = await twoPairsOnDevice();
      const { first, held } = device;
      const moved = { ...held, date: '2026-02-20', updatedAt: '2026-03-01T00:00:00.000Z' };
      expect((await importBackup(fileWith({ sessions: [moved] }))).ok).toBe(true);
      expect((await readPairRecords(db, first.pair.id)).sessions).toEqual([moved]);
    });
  });

  describe('keeps dates plausible, and says the rule', () => {
    it.each([
      {
        what: 'a session decades before its pair started',
        table: 'sessions',
        field: 'date',
        value: '1901-01-01',
        message: 'is 1901-01-01, more than 1 year before its pair started (2026-01-01).',
      },
      {
        what: 'a check-in years in the future',
        table: 'checkIns',
        field: 'date',
        value: '2099-05-01',
        message: /^is 2099-05-01, more than 1 year after today \(\d{4}-\d{2}-\d{2}\)\.$/,
      },
      {
        what: 'a pair starting in 1901',
        table: 'pairs',
        field: 'startDate',
        value: '1901-01-01',
        message: 'is 1901-01-01, before 1970-01-01: no pair in Mentorlog starts that early.',
      },
      {
        what: 'a record changed in 2099',
        table: 'people',
        field: 'updatedAt',
        value: '2099-01-01T00:00:00.000Z',
        message: /^is 2099-01-01T00:00:00\.000Z, more than a day after now/,
      },
    ] as const)('refuses $what', async ({ table, field, value, message }) => {
      const { mentor, mentee, pair } = aPairWithPeople();
      const records: BackupRecords = {
        people: [mentor, mentee],
        pairs: [pair],
        sessions: [aSession({ pairId: pair.id, loggedById: mentor.id })],
        checkIns: [aCheckIn({ pairId: pair.id, raterId: mentee.id })],
      };
      const target = records[table][0] as Record<string, unknown> & { id: string };
      target[field] = value;
      if (field === 'startDate') {
        records.sessions = [];
        records.checkIns = [];
      }

      const [shown] = messages(await importBackup(fileWith(records)));

      const prefix = `${table}[0] (id ${target.id}): ${field}: `;
      expect(shown?.startsWith(prefix), shown).toBe(true);
      if (typeof message === 'string') expect(shown?.slice(prefix.length)).toBe(message);
      else expect(shown?.slice(prefix.length)).toMatch(message);
      expect(await storedRecords()).toEqual({ sessions: [], checkIns: [] });
    });

    it('refuses a newer copy of a pair that would start it years after the sessions this device holds', async () => {
      const { mentor, mentee, pair } = aPairWithPeople();
      const session = aSession({ pairId: pair.id, loggedById: mentor.id, date: '2026-01-15' });
      await storeRecords({ people: [mentor, mentee], pairs: [pair], sessions: [session] });
      const later = { ...pair, startDate: '2027-06-01', updatedAt: '2026-03-01T00:00:00.000Z' };

      const result = await importBackup(fileWith({ pairs: [later] }));

      expect(messages(result)).toEqual([
        `pairs[0] (id ${pair.id}): startDate: is 2027-06-01, more than 1 year after a session it has on this device (id ${session.id}), dated 2026-01-15.`,
      ]);
      expect(await db.pairs.get(pair.id)).toEqual(pair);
    });
  });

  describe('never leaves a live record pointing at a deleted one', () => {
    const deletedAt = '2026-03-01T00:00:00.000Z';

    it('refuses a live pair whose mentor is deleted, in the file or on this device', async () => {
      const { mentor, mentee, pair } = aPairWithPeople();
      const gone = { ...mentor, deletedAt, updatedAt: deletedAt };
      expect(messages(await importBackup(fileWith({ people: [gone, mentee], pairs: [pair] })))).toEqual([
        `pairs[0] (id ${pair.id}): mentorId: points to a person (id ${mentor.id}) who is deleted in this file; a pair that is not deleted needs its two people.`,
      ]);
      await storeRecords({ people: [gone, mentee] });
      expect(messages(await importBackup(fileWith({ pairs: [pair] })))).toEqual([
        `pairs[0] (id ${pair.id}): mentorId: points to a person (id ${mentor.id}) who is deleted on this device; a pair that is not deleted needs its two people.`,
      ]);
    });

    it('refuses a file that deletes a person a live pair on this device still names', async () => {
      const { mentor, mentee, pair } = aPairWithPeople();
      await storeRecords({ people: [mentor, mentee], pairs: [pair] });
      const result = await importBackup(fileWith({ people: [{ ...mentee, deletedAt, updatedAt: deletedAt }] }));
      expect(messages(result)).toEqual([
        `people[0] (id ${mentee.id}): deletedAt: deletes a person whom the pair ${pair.id} on this device, not deleted, still names; delete that first, or import a file that does.`,
      ]);
      expect(await db.people.get(mentee.id)).toEqual(mentee);
    });

    it('refuses a file that deletes a person who logged a live session on this device, in a pair the file leaves alone', async () => {
      const { mentor, mentee, pair } = aPairWithPeople();
      const formerMentor = aPerson({ name: 'Morgan Reyes' });
      const session = aSession({ pairId: pair.id, loggedById: formerMentor.id });
      await storeRecords({ people: [mentor, mentee, formerMentor], pairs: [pair], sessions: [session] });
      const result = await importBackup(fileWith({ people: [{ ...formerMentor, deletedAt, updatedAt: deletedAt }] }));
      expect(messages(result)).toEqual([
        `people[0] (id ${formerMentor.id}): deletedAt: deletes a person whom a session on this device (id ${session.id}), not deleted, still names; delete that first, or import a file that does.`,
      ]);
    });

    it("deletes a partner's new session of a pair deleted here, as deleting the pair does, and says so", async () => {
      const { mentor, mentee, pair } = aPairWithPeople();
      const deletedPair = { ...pair, deletedAt, updatedAt: deletedAt };
      await storeRecords({ people: [mentor, mentee], pairs: [deletedPair] });
      const session = aSession({
        pairId: pair.id,
        loggedById: mentee.id,
        loggedBy: 'mentee',
        updatedAt: '2026-03-05T00:00:00.000Z',
      });

      const result = await importBackup(
        fileWith({ people: [mentor, mentee], pairs: [pair], sessions: [session] }, { scope: 'pair' }),
      );

      expect(result).toMatchObject({ ok: true, summary: { deletedWithPair: 1, total: { added: 1 } } });
      expect(await storedSession(session.id)).toEqual({ ...session, deletedAt: session.updatedAt });
      expect(await db.pairs.get(pair.id)).toEqual(deletedPair);
    });

    it("deletes this device's live sessions and check-ins of a pair the file deletes", async () => {
      const { mentor, mentee, pair } = aPairWithPeople();
      const session = aSession({ pairId: pair.id, loggedById: mentor.id });
      const checkIn = aCheckIn({ pairId: pair.id, raterId: mentee.id });
      await storeRecords({ people: [mentor, mentee], pairs: [pair], sessions: [session], checkIns: [checkIn] });

      const result = await importBackup(fileWith({ pairs: [{ ...pair, deletedAt, updatedAt: deletedAt }] }));

      expect(result).toMatchObject({ ok: true, summary: { deletedWithPair: 2 } });
      expect(await storedSession(session.id)).toEqual({ ...session, deletedAt, updatedAt: deletedAt });
      expect(await storedCheckIn(checkIn.id)).toEqual({ ...checkIn, deletedAt, updatedAt: deletedAt });
    });
  });
});
