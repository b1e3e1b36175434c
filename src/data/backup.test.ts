import { describe, expect, it, vi } from 'vitest';
import packageJson from '../../package.json';
import { db, resetDatabase } from '../db/database';
import { BACKUP_FORMAT, backupFileSchema, countRecords, describeProblem, type BackupRecords } from '../domain/backupFormat';
import { localToday, monthOf } from '../domain/dates';
import { generateDemoProgram } from '../domain/demoProgram';
import { putRecords, readPairRecords } from '../db/monthLogs';
import { aCheckIn, aPair, aPerson, aSession } from '../test/builders';
import { seedRecords, storedCheckIn, storedRecords, storedSession } from '../test/seedRecords';
import {
  backupFileName,
  backupToJson,
  exportDevice,
  exportDeviceDownload,
  exportPair,
  importBackup,
  countDeviceRecords,
  readAllRecords,
  type ImportProgress,
  type ImportResult,
} from './backup';
import { loadDemoProgram } from './demo';

const today = '2026-03-21';

/** The whole database as text: equal text means not a byte of any record changed. */
async function dump(): Promise<string> {
  return JSON.stringify(await readAllRecords());
}

/** A mentor and mentee with their pair, on this device or just in memory. */
function aPairWithPeople() {
  const mentor = aPerson({ name: 'Alex Chen' });
  const mentee = aPerson({ name: 'Sam Lee' });
  const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id });
  return { mentor, mentee, pair };
}

async function storeRecords(records: Partial<BackupRecords>): Promise<void> {
  // The records alone, without their pairs' digests: what import must cope with on any device.
  await db.transaction('rw', [db.people, db.pairs, db.monthLogs], async () => {
    await db.people.bulkPut(records.people ?? []);
    await db.pairs.bulkPut(records.pairs ?? []);
    await putRecords(db, { sessions: records.sessions ?? [], checkIns: records.checkIns ?? [] });
  });
}

function fileWith(records: Partial<Record<keyof BackupRecords, unknown[]>>, header: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: BACKUP_FORMAT,
    formatVersion: 1,
    appVersion: '0.1.0',
    exportedAt: '2026-03-21T18:00:00.000Z',
    scope: 'device',
    records: { people: [], pairs: [], sessions: [], checkIns: [], ...records },
    ...header,
  });
}

function messages(result: ImportResult): string[] {
  if (result.ok) throw new Error('The import was accepted.');
  return result.problems.map(describeProblem);
}

describe('exportDevice', () => {
  it('writes every record with the format, its version, the app version and the export time', async () => {
    await loadDemoProgram(today);
    const now = new Date('2026-03-21T18:30:00.000Z');

    const file = await exportDevice(db, now);

    expect(file).toMatchObject({
      format: 'mentorlog-backup',
      formatVersion: 1,
      appVersion: packageJson.version,
      exportedAt: '2026-03-21T18:30:00.000Z',
      scope: 'device',
    });
    expect(backupFileSchema.parse(file).records).toEqual(await readAllRecords());
    expect(file.records.checkIns.some((checkIn) => checkIn.reflection !== '' && checkIn.notesVisibility === 'private')).toBe(true);
  });

  it('carries no digests or monthly figures: they are derived from the records, and rebuilt on import', async () => {
    await loadDemoProgram(today);
    expect(await db.pairMonths.count()).toBeGreaterThan(0);

    const file = await exportDevice(db);

    expect(Object.keys(file.records)).toEqual(['people', 'pairs', 'sessions', 'checkIns']);
    expect(backupToJson(file)).not.toMatch(/pairDigests|pairMonths|writtenOn/);
  });

  it('makes, a range of records at a time, exactly the file it writes in one go', async () => {
    await loadDemoProgram(today);
    // Ids at either end of the range of ids, and one in capitals, as well as the demo's own.
    const edges = ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '0F8FAD5B-D9CB-469F-A165-70867728950E'];
    await db.people.bulkAdd(edges.map((id) => aPerson({ id })));
    const now = new Date('2026-03-21T18:30:00.000Z');

    const download = await exportDeviceDownload(db, now);

    const file = await exportDevice(db, now);
    expect(await download.blob.text()).toBe(backupToJson(file));
    expect(download.blob.type).toBe('application/json');
    expect(download.records).toBe(countRecords(file.records));
    expect(download.scope).toBe('device');
  });

  it('names the file for the day it was made', () => {
    expect(backupFileName({ scope: 'device' }, new Date(2026, 2, 21, 9))).toBe('mentorlog-backup-2026-03-21.json');
    expect(backupFileName({ scope: 'pair' }, new Date(2026, 2, 21, 9), 'Alex Chén & Sam Lee')).toBe('mentorlog-pair-alex-chen-sam-lee-2026-03-21.json');
  });
});

describe('importBackup', () => {
  it('restores a device backup into an empty database exactly, deleted records included', async () => {
    await loadDemoProgram(today);
    const [session] = (await storedRecords()).sessions;
    if (!session) throw new Error('The demo has no sessions.');
    await storeRecords({ sessions: [{ ...session, deletedAt: '2026-03-21T19:00:00.000Z', updatedAt: '2026-03-21T19:00:00.000Z' }] });
    const before = await dump();
    const text = backupToJson(await exportDevice());

    await resetDatabase();
    const result = await importBackup(text);

    expect(await dump()).toBe(before);
    const program = generateDemoProgram({ today });
    const records = program.people.length + program.pairs.length + program.sessions.length + program.checkIns.length;
    expect(result).toMatchObject({ ok: true, summary: { records, total: { added: records, updated: 0, unchanged: 0, skippedOlder: 0 } } });
  });

  it('ignores monthly figures a file carries, and writes ones built from the records instead', async () => {
    const { mentor, mentee, pair } = aPairWithPeople();
    const session = aSession({ pairId: pair.id, loggedById: mentor.id, date: localToday() });
    const file = JSON.parse(fileWith({ people: [mentor, mentee], pairs: [pair], sessions: [session] })) as { records: Record<string, unknown> };
    const forged = { pairId: pair.id, writtenOn: localToday(), months: { [monthOf(localToday())]: { sessions: 99, checkIns: 0, sums: { mentor: {}, mentee: {} } } } };
    file.records.pairMonths = [forged];

    expect((await importBackup(JSON.stringify(file))).ok).toBe(true);

    expect((await db.pairMonths.get(pair.id))?.months[monthOf(localToday())]?.sessions).toBe(1);
  });

  it('reads the file the user chose, not only text', async () => {
    const { mentor, mentee, pair } = aPairWithPeople();
    const file = new File([fileWith({ people: [mentor, mentee], pairs: [pair] })], 'mentorlog-backup-2026-03-21.json', { type: 'application/json' });

    const result = await importBackup(file);

    expect(result.ok).toBe(true);
    expect(await db.pairs.get(pair.id)).toEqual(pair);
  });

  // The device's records are found either by looking up the file's ids one by one (a file small
  // next to the device) or from every id the device holds (a file bringing a large share of it).
  it.each([
    { lookup: 'every id the device holds', alsoOnDevice: 0 },
    { lookup: 'the file’s ids one by one', alsoOnDevice: 300 },
  ])('merges by id: the newest change wins, deletions included, and the rest of the device is kept ($lookup)', async ({ alsoOnDevice }) => {
    const { mentor, mentee, pair } = aPairWithPeople();
    const stamp = (day: number) => `2026-03-${day}T10:00:00.000Z`;
    const keptNewer = aSession({ pairId: pair.id, loggedById: mentor.id, notes: 'Edited here later', updatedAt: stamp(22) });
    const replaced = aSession({ pairId: pair.id, loggedById: mentor.id, notes: 'Old notes', updatedAt: stamp(20) });
    const toDelete = aSession({ pairId: pair.id, loggedById: mentor.id, updatedAt: stamp(20) });
    const onlyHere = aCheckIn({ pairId: pair.id, raterId: mentee.id, updatedAt: stamp(20) });
    const others = Array.from({ length: alsoOnDevice }, () => aSession({ pairId: pair.id, loggedById: mentor.id }));
    await storeRecords({ people: [mentor, mentee], pairs: [pair], sessions: [keptNewer, replaced, toDelete, ...others], checkIns: [onlyHere] });
    const added = aSession({ pairId: pair.id, loggedById: mentee.id, loggedBy: 'mentee' });

    const result = await importBackup(
      fileWith({
        people: [mentor, mentee],
        pairs: [pair],
        sessions: [
          { ...keptNewer, notes: 'Older copy', updatedAt: stamp(21) },
          { ...replaced, notes: 'New notes', updatedAt: stamp(21) },
          { ...toDelete, deletedAt: stamp(21), updatedAt: stamp(21) },
          added,
        ],
      }),
    );

    expect(await storedSession(keptNewer.id)).toEqual(keptNewer);
    expect(await storedSession(replaced.id)).toMatchObject({ notes: 'New notes' });
    expect(await storedSession(toDelete.id)).toMatchObject({ deletedAt: stamp(21) });
    expect(await storedSession(added.id)).toEqual(added);
    expect(await storedCheckIn(onlyHere.id)).toEqual(onlyHere);
    expect(result).toMatchObject({
      ok: true,
      summary: {
        counts: {
          people: { added: 0, updated: 0, unchanged: 2, skippedOlder: 0 },
          sessions: { added: 1, updated: 2, unchanged: 0, skippedOlder: 1 },
        },
      },
    });
  });

  it('moves a session whose newer copy has another date to that month, leaving no copy behind', async () => {
    const { mentor, mentee, pair } = aPairWithPeople();
    const session = aSession({ pairId: pair.id, loggedById: mentor.id, date: '2026-01-15' });
    await storeRecords({ people: [mentor, mentee], pairs: [pair], sessions: [session] });
    const moved = { ...session, date: '2026-02-20', updatedAt: '2026-03-01T00:00:00.000Z' };

    const result = await importBackup(fileWith({ sessions: [moved] }));

    expect(result).toMatchObject({ ok: true, summary: { total: { updated: 1 } } });
    expect((await storedRecords()).sessions).toEqual([moved]);
    expect(await db.monthLogs.count()).toBe(1);
  });

  it('accepts sessions of a pair that is already on this device', async () => {
    const { mentor, mentee, pair } = aPairWithPeople();
    await storeRecords({ people: [mentor, mentee], pairs: [pair] });
    const session = aSession({ pairId: pair.id, loggedById: mentor.id });

    expect((await importBackup(fileWith({ sessions: [session] }))).ok).toBe(true);
    expect(await storedSession(session.id)).toEqual(session);
  });

  describe('refuses a broken file, writes nothing and says what is wrong and where', () => {
    /** Something already on the device, which a refused import must leave exactly as it was. */
    async function deviceWithRecords() {
      const { mentor, mentee, pair } = aPairWithPeople();
      const session = aSession({ pairId: pair.id, loggedById: mentor.id, notes: 'Kept as it was' });
      await storeRecords({ people: [mentor, mentee], pairs: [pair], sessions: [session] });
      return { mentor, mentee, pair, session, before: await dump() };
    }

    type Device = Awaited<ReturnType<typeof deviceWithRecords>>;

    async function expectRefused(device: Device, text: string | Blob, expected: Array<string | RegExp>, problemCount = expected.length) {
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
      await expectRefused(device, '{"name":"budget","accounts":[]}', [/^This is a JSON file, but not a Mentorlog backup: it has no "format": "mentorlog-backup" header\./]);
    });

    it('a newer format version', async () => {
      const device = await deviceWithRecords();
      await expectRefused(device, fileWith({}, { formatVersion: 2, appVersion: '2.0.0' }), [
        /^formatVersion: This backup was made by Mentorlog "2.0.0" in backup format version 2, which is newer than this copy of Mentorlog can read \(up to version 1\)\./,
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
      await expectRefused(device, text, [`sessions[0] (id ${id}): topics: should be a list, not text ("hiring, delegation").`]);
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
      await expectRefused(device, text, [`sessions[1] (id ${id}): id: is also the id of sessions[0]; every record needs its own id.`]);
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
      await expectRefused(device, text, [`checkIns[0] (id ${id}): pairId: points to a pair (id ${missingPair}) that is neither in this file nor on this device.`]);
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
      await expectRefused(device, text, [`pairs[1] (id ${id}): menteeId: points to a person (id ${stranger}) that is neither in this file nor on this device.`]);
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
      await expectRefused(device, text, [`checkIns[0] (id ${id}): reflection: is too long: 52,428,800 characters, where at most 20,000 are allowed.`]);
    });

    it('a file too large to read', async () => {
      const device = await deviceWithRecords();
      const huge = new Blob(['{}']);
      Object.defineProperty(huge, 'size', { value: 300 * 1024 * 1024 });
      await expectRefused(device, huge, ['This file is 300 MB; Mentorlog imports backups of up to 256 MB. Check that it is the file Mentorlog exported.']);
    });

    it('many broken records, showing the first ten and counting them all', async () => {
      const device = await deviceWithRecords();
      const text = fileChanging(device, (records) => {
        records.people.push(...Array.from({ length: 30 }, () => aPerson({ name: '   ' })));
      });
      await expectRefused(device, text, Array.from({ length: 10 }, (_, index) => new RegExp(`^people\\[${index + 2}\\] \\(id [0-9a-f-]{36}\\): name: is empty\\.$`)), 30);
    });

    it('a failure while writing, which rolls back what was already written', async () => {
      const device = await deviceWithRecords();
      const text = fileChanging(device, (records) => {
        records.people.push(aPerson({ name: 'Written, then rolled back' }));
      });
      vi.spyOn(db.monthLogs, 'bulkPut').mockRejectedValueOnce(new DOMException('The disk is full.', 'QuotaExceededError'));
      await expect(importBackup(text)).rejects.toThrow('The disk is full.');

      expect(await dump()).toBe(device.before);
    });
  });

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
    function secondPairFile(device: Awaited<ReturnType<typeof twoPairsOnDevice>>, records: Partial<BackupRecords>): string {
      const { second } = device;
      return fileWith({ people: [second.mentor, second.mentee], pairs: [second.pair], ...records }, { scope: 'pair' });
    }

    it.each([
      { what: 'a session id another pair holds, newer', table: 'sessions', kind: 'a session of another pair', newer: true },
      { what: 'a session id another pair holds, older', table: 'sessions', kind: 'a session of another pair', newer: false },
      { what: 'as a check-in, the id of a session another pair holds', table: 'checkIns', kind: 'a session', newer: true },
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
      const result = await importBackup(fileWith({ sessions: [aSession({ id: heldCheckIn.id, pairId: first.pair.id, loggedById: first.mentor.id })] }));
      expect(messages(result)).toEqual([
        `sessions[0] (id ${heldCheckIn.id}): id: is already the id of a check-in on this device (pair ${first.pair.id}); every record needs its own id.`,
      ]);
      expect(await dump()).toBe(device.before);
    });

    it('refuses a person or pair whose id the device holds as another kind of record', async () => {
      const device = await twoPairsOnDevice();
      const { first, held } = device;
      const asPerson = await importBackup(fileWith({ people: [aPerson({ id: first.pair.id })] }));
      expect(messages(asPerson)).toEqual([`people[0] (id ${first.pair.id}): id: is already the id of a pair on this device; every record needs its own id.`]);
      const asPair = await importBackup(fileWith({ pairs: [aPair({ id: held.id, mentorId: first.mentor.id, menteeId: first.mentee.id })] }));
      expect(messages(asPair)).toEqual([`pairs[0] (id ${held.id}): id: is already the id of a session on this device (pair ${first.pair.id}); every record needs its own id.`]);
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
      { what: 'a session decades before its pair started', table: 'sessions', field: 'date', value: '1901-01-01', message: 'is 1901-01-01, more than 1 year before its pair started (2026-01-01).' },
      { what: 'a check-in years in the future', table: 'checkIns', field: 'date', value: '2099-05-01', message: /^is 2099-05-01, more than 1 year after today \(\d{4}-\d{2}-\d{2}\)\.$/ },
      { what: 'a pair starting in 1901', table: 'pairs', field: 'startDate', value: '1901-01-01', message: 'is 1901-01-01, before 1970-01-01: no pair in Mentorlog starts that early.' },
      { what: 'a record changed in 2099', table: 'people', field: 'updatedAt', value: '2099-01-01T00:00:00.000Z', message: /^is 2099-01-01T00:00:00\.000Z, more than a day after now/ },
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

    it("refuses a live pair whose mentor is deleted, in the file or on this device", async () => {
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
      const session = aSession({ pairId: pair.id, loggedById: mentee.id, loggedBy: 'mentee', updatedAt: '2026-03-05T00:00:00.000Z' });

      const result = await importBackup(fileWith({ people: [mentor, mentee], pairs: [pair], sessions: [session] }, { scope: 'pair' }));

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

  it('reports its checking at least every hundredth of the file, however fast the checks run', async () => {
    const { mentor, mentee, pair } = aPairWithPeople();
    const sessions = Array.from({ length: 49_997 }, () => aSession({ pairId: pair.id, loggedById: mentor.id }));
    const progress: ImportProgress[] = [];

    await importBackup(fileWith({ people: [mentor, mentee], pairs: [pair], sessions }), (step) => progress.push(step));

    const checked = progress.filter((step) => step.phase === 'checking').map((step) => step.done);
    expect(checked.at(0)).toBe(0);
    expect(checked.at(-1)).toBe(50_000);
    const gaps = checked.slice(1).map((done, index) => done - (checked[index] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThan(0);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(500);
  });

  it('imports 200,000 records in one go, reporting its progress', { timeout: 180_000 }, async () => {
    const people = Array.from({ length: 100 }, (_, index) => aPerson({ name: `Person ${index + 1}` }));
    const pairs = Array.from({ length: 50 }, (_, index) =>
      aPair({ mentorId: people[index * 2]?.id, menteeId: people[index * 2 + 1]?.id }),
    );
    const sessions = Array.from({ length: 100_000 }, (_, index) => {
      const pair = pairs[index % pairs.length];
      return aSession({ pairId: pair?.id, loggedById: pair?.mentorId, notes: `Session ${index + 1}: talked through the week.` });
    });
    const checkIns = Array.from({ length: 200_000 - 100_000 - 150 }, (_, index) => {
      const pair = pairs[index % pairs.length];
      return aCheckIn({ pairId: pair?.id, raterId: pair?.menteeId });
    });
    const text = fileWith({ people, pairs, sessions, checkIns });
    const progress: ImportProgress[] = [];

    const started = performance.now();
    const result = await importBackup(text, (step) => progress.push(step));
    const seconds = (performance.now() - started) / 1000;
    console.info(`Imported 200,000 records (${Math.round(text.length / 1e6)} MB) in ${seconds.toFixed(1)} s`);

    expect(result).toMatchObject({ ok: true, summary: { records: 200_000, total: { added: 200_000 } } });
    expect(await countDeviceRecords()).toMatchObject({ sessions: 100_000, checkIns: 99_850 });
    const stored = await storedRecords();
    expect(new Set(stored.sessions.map((session) => session.id)).size).toBe(100_000);
    expect(new Set(stored.checkIns.map((checkIn) => checkIn.id)).size).toBe(99_850);
    const checking = progress.filter((step) => step.phase === 'checking');
    const writing = progress.filter((step) => step.phase === 'writing');
    expect(checking.length).toBeGreaterThan(10);
    expect(writing.length).toBeGreaterThan(20);
    expect(writing.at(-1)).toEqual({ phase: 'writing', done: 200_000, total: 200_000 });
    expect(writing.map((step) => step.done)).toEqual([...writing.map((step) => step.done)].sort((a, b) => a - b));
  });
});

describe('exportPair', () => {
  async function pairOnDevice() {
    const { mentor, mentee, pair } = aPairWithPeople();
    const outsider = aPerson({ name: 'Morgan Reyes' });
    const other = aPair({ mentorId: outsider.id, menteeId: mentee.id });
    const sessions = [aSession({ pairId: pair.id, loggedById: mentor.id }), aSession({ pairId: pair.id, loggedById: mentor.id })];
    const mentorsPrivate = aCheckIn({ pairId: pair.id, side: 'mentor', raterId: mentor.id, visibility: 'private', notesVisibility: 'private' });
    const mentorsShared = aCheckIn({
      pairId: pair.id,
      side: 'mentor',
      raterId: mentor.id,
      reflection: 'Worried I talk too much.',
      comments: { trust: 'Getting there.' },
      visibility: 'pair',
      notesVisibility: 'private',
    });
    await storeRecords({
      people: [mentor, mentee, outsider],
      pairs: [pair, other],
      sessions: [...sessions, aSession({ pairId: other.id, loggedById: outsider.id })],
      checkIns: [mentorsPrivate, mentorsShared, aCheckIn({ pairId: other.id, raterId: mentee.id })],
    });
    return { mentor, mentee, pair, sessions, mentorsShared };
  }

  it("holds the pair, its people and sessions, and the check-ins the partner may see, without private words", async () => {
    const { mentor, mentee, pair, sessions, mentorsShared } = await pairOnDevice();

    const file = await exportPair(pair.id, mentor.id);

    expect(file.scope).toBe('pair');
    expect(file.records.people.map((person) => person.id).sort()).toEqual([mentor.id, mentee.id].sort());
    expect(file.records.pairs).toEqual([pair]);
    expect(file.records.sessions.map((session) => session.id).sort()).toEqual(sessions.map((session) => session.id).sort());
    expect(file.records.checkIns).toEqual([{ ...mentorsShared, comments: {}, reflection: '' }]);
    expect(backupToJson(file)).not.toContain('Worried I talk too much.');
  });

  it('is refused to someone outside the pair', async () => {
    const { pair } = await pairOnDevice();
    await expect(exportPair(pair.id, crypto.randomUUID())).rejects.toThrow('Only the pair’s mentor or mentee can share it.');
  });

  it("merges into the partner's device, and the partner's reply merges back", async () => {
    const { mentor, mentee, pair, mentorsShared } = await pairOnDevice();
    const mentorsDevice = await readAllRecords();
    const share = backupToJson(await exportPair(pair.id, mentor.id));

    // The mentee's device starts empty, imports, and adds a check-in with a private reflection.
    await resetDatabase();
    expect((await importBackup(share)).ok).toBe(true);
    const menteesCheckIn = aCheckIn({ pairId: pair.id, raterId: mentee.id, reflection: 'Only for me.', notesVisibility: 'private' });
    await seedRecords({ checkIns: [menteesCheckIn] });
    const reply = backupToJson(await exportPair(pair.id, mentee.id));

    // Back on the mentor's device.
    await resetDatabase();
    await storeRecords(mentorsDevice);
    const result = await importBackup(reply);

    expect(result).toMatchObject({ ok: true, summary: { total: { added: 1 } } });
    expect(await storedCheckIn(menteesCheckIn.id)).toEqual({ ...menteesCheckIn, reflection: '' });
    // The mentor's own check-in came back blanked, at the same time: the full copy stays.
    expect(await storedCheckIn(mentorsShared.id)).toEqual(mentorsShared);
  });
});
