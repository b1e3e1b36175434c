import { describe, expect, it, vi } from 'vitest';
import { db } from '../db/database';
import type { BackupRecords } from '../domain/backupRecords';
import { aPairWithPeople, dump, fileWith, messages, storeRecords } from '../test/backupImports';
import { aCheckIn, aPair, aPerson, aSession } from '../test/builders';
import { importBackup } from './importBackup';

describe('importBackup', () => {
  describe('refuses a broken file, writes nothing and says what is wrong and where', () => {
    /** Something already on the device, which a refused import must leave exactly as it was. */
    async function deviceWithRecords() {
      const { mentor, mentee, pair } = aPairWithPeople();
      const session = aSession({ pairId: pair.id, loggedById: mentor.id, notes: 'Kept as it was' });
      await storeRecords({ people: [mentor, mentee], pairs: [pair], sessions: [session] });
      return { mentor, mentee, pair, session, before: await dump() };
    }

    type Device = Awaited<ReturnType<typeof deviceWithRecords>>;

    async function expectRefused(
      device: Device,
      text: string | Blob,
      expected: Array<string | RegExp>,
      problemCount = expected.length,
    ) {
      const result = await importBackup(text);
      const shown = messages(result);
      expect(shown).toHaveLength(expected.length);
      expected.forEach((message, index) => {
        if (typeof message === 'string') expect(shown[index]).toBe(message);
        else expect(shown[index]).toMatch(message);
      });
      expect(result).toMatchObject({ problemCount });
      expect(await dump()).toBe(device.before);
    }

    /** A valid file of new records for the device's pair, with `change` made to it. */
    function fileChanging({ mentor, mentee, pair }: Device, change: (records: BackupRecords) => void): string {
      const records: BackupRecords = {
        people: [mentor, mentee],
        pairs: [pair],
        sessions: [aSession({ pairId: pair.id, loggedById: mentor.id })],
        checkIns: [aCheckIn({ pairId: pair.id, raterId: mentee.id })],
      };
      change(records);
      return fileWith(records);
    }

    it('a file that is not JSON', async () => {
      const device = await deviceWithRecords();
      await expectRefused(device, 'Date,Mentor,Mentee\n2026-03-21,Alex,Sam\n', [
        'This file is not JSON (it begins "Date,Mentor,Mentee\\n2"), so it is not a Mentorlog backup. Choose the .json file that Mentorlog exported.',
      ]);
    });

    it('a file cut short', async () => {
      const device = await deviceWithRecords();
      const whole = fileChanging(device, () => {});
      await expectRefused(device, whole.slice(0, Math.floor(whole.length * 0.6)), [
        /^The file is cut short: it stops in the middle of the data, after [\d,]+ characters\. It was probably not downloaded or copied completely\./,
      ]);
    });

    it("another app's JSON", async () => {
      const device = await deviceWithRecords();
      await expectRefused(device, '{"name":"budget","accounts":[]}', [
        /^This is a JSON file, but not a Mentorlog backup: it has no "format": "mentorlog-backup" header\./,
      ]);
    });

    it('a newer format version', async () => {
      const device = await deviceWithRecords();
      await expectRefused(device, fileWith({}, { formatVersion: 3, appVersion: '2.0.0' }), [
        /^formatVersion: This backup was made by Mentorlog "2.0.0" in backup format version 3, which is newer than this copy of Mentorlog can read \(up to version 2\)\./,
      ]);
    });

    it('a record with a missing field', async () => {
      const device = await deviceWithRecords();
      let id = '';
      const text = fileChanging(device, (records) => {
        const [checkIn] = records.checkIns;
        if (!checkIn) return;
        id = checkIn.id;
        delete (checkIn as Partial<typeof checkIn>).raterId;
      });
      await expectRefused(device, text, [`checkIns[0] (id ${id}): raterId: is missing; it should be text.`]);
    });

    it('a record with a field of the wrong type', async () => {
      const device = await deviceWithRecords();
      let id = '';
      const text = fileChanging(device, (records) => {
        const [session] = records.sessions;
        if (!session) return;
        id = session.id;
        Object.assign(session, { topics: 'hiring, delegation' });
      });
      await expectRefused(device, text, [
        `sessions[0] (id ${id}): topics: should be a list, not text ("hiring, delegation").`,
      ]);
    });

    it('a score outside the scale', async () => {
      const device = await deviceWithRecords();
      let id = '';
      const text = fileChanging(device, (records) => {
        const [checkIn] = records.checkIns;
        if (!checkIn) return;
        id = checkIn.id;
        checkIn.scores = { ...checkIn.scores, trust: 6 };
      });
      await expectRefused(device, text, [`checkIns[0] (id ${id}): scores.trust: Scores go from 1 to 5 (found 6).`]);
    });

    it('two records with the same id', async () => {
      const device = await deviceWithRecords();
      let id = '';
      const text = fileChanging(device, (records) => {
        const [session] = records.sessions;
        if (!session) return;
        id = session.id;
        records.sessions.push({ ...session, notes: 'A different session with the same id' });
      });
      await expectRefused(device, text, [
        `sessions[1] (id ${id}): id: is also the id of sessions[0]; every record needs its own id.`,
      ]);
    });

    it('a reference to a pair that is neither in the file nor on the device', async () => {
      const device = await deviceWithRecords();
      const missingPair = crypto.randomUUID();
      let id = '';
      const text = fileChanging(device, (records) => {
        const [checkIn] = records.checkIns;
        if (!checkIn) return;
        id = checkIn.id;
        checkIn.pairId = missingPair;
      });
      await expectRefused(device, text, [
        `checkIns[0] (id ${id}): pairId: points to a pair (id ${missingPair}) that is neither in this file nor on this device.`,
      ]);
    });

    it('a reference to a person who is neither in the file nor on the device', async () => {
      const device = await deviceWithRecords();
      const stranger = crypto.randomUUID();
      let id = '';
      const text = fileChanging(device, (records) => {
        const pair = aPair({ mentorId: records.people[0]?.id, menteeId: stranger });
        id = pair.id;
        records.pairs.push(pair);
      });
      await expectRefused(device, text, [
        `pairs[1] (id ${id}): menteeId: points to a person (id ${stranger}) that is neither in this file nor on this device.`,
      ]);
    });

    it('a 50 MB text field', async () => {
      const device = await deviceWithRecords();
      let id = '';
      const text = fileChanging(device, (records) => {
        const [checkIn] = records.checkIns;
        if (!checkIn) return;
        id = checkIn.id;
        checkIn.reflection = 'All work and no play. '.repeat(2_400_000).slice(0, 50 * 1024 * 1024);
      });
      await expectRefused(device, text, [
        `checkIns[0] (id ${id}): reflection: is too long: 52,428,800 characters, where at most 20,000 are allowed.`,
      ]);
    });

    it('a file too large to read', async () => {
      const device = await deviceWithRecords();
      const huge = new Blob(['{}']);
      Object.defineProperty(huge, 'size', { value: 300 * 1024 * 1024 });
      await expectRefused(device, huge, [
        'This file is 300 MB; Mentorlog imports backups of up to 256 MB. Check that it is the file Mentorlog exported.',
      ]);
    });

    it('many broken records, showing the first ten and counting them all', async () => {
      const device = await deviceWithRecords();
      const text = fileChanging(device, (records) => {
        records.people.push(...Array.from({ length: 30 }, () => aPerson({ name: '   ' })));
      });
      await expectRefused(
        device,
        text,
        Array.from(
          { length: 10 },
          (_, index) => new RegExp(`^people\\[${index + 2}\\] \\(id [0-9a-f-]{36}\\): name: is empty\\.$`),
        ),
        30,
      );
    });

    it('a failure while writing, which rolls back what was already written', async () => {
      const device = await deviceWithRecords();
      const text = fileChanging(device, (records) => {
        records.people.push(aPerson({ name: 'Written, then rolled back' }));
      });
      vi.spyOn(db.monthLogs, 'bulkPut').mockRejectedValueOnce(
        new DOMException('The disk is full.', 'QuotaExceededError'),
      );
      await expect(importBackup(text)).rejects.toThrow('The disk is full.');

      expect(await dump()).toBe(device.before);
    });
  });
});
