import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { db, resetDatabase } from '../db/database';
import { backupFileSchema } from '../domain/backupFile';
import { countRecords } from '../domain/backupRecords';
import { aPairWithPeople, storeRecords } from '../test/backupImports';
import { aCheckIn, aPair, aPerson, aSession } from '../test/builders';
import { seedRecords, storedCheckIn } from '../test/seedRecords';
import {
  backupFileName,
  backupToJson,
  exportDevice,
  exportDeviceDownload,
  exportPair,
  readAllRecords,
} from './exportBackup';
import { importBackup } from './importBackup';
import { loadDemoProgram } from './demo';

const today = '2026-03-21';

describe('exportDevice', () => {
  it('writes every record with the format, its version, the app version and the export time', async () => {
    await loadDemoProgram(today);
    const now = new Date('2026-03-21T18:30:00.000Z');

    const file = await exportDevice(db, now);

    expect(file).toMatchObject({
      format: 'mentorlog-backup',
      formatVersion: 2,
      appVersion: packageJson.version,
      exportedAt: '2026-03-21T18:30:00.000Z',
      scope: 'device',
    });
    expect(backupFileSchema.parse(file).records).toEqual(await readAllRecords());
    expect(
      file.records.checkIns.some((checkIn) => checkIn.reflection !== '' && checkIn.notesVisibility === 'private'),
    ).toBe(true);
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
    const edges = [
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      '0F8FAD5B-D9CB-469F-A165-70867728950E',
    ];
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
    expect(backupFileName({ scope: 'pair' }, new Date(2026, 2, 21, 9), 'Alex Chén & Sam Lee')).toBe(
      'mentorlog-pair-alex-chen-sam-lee-2026-03-21.json',
    );
  });
});

describe('exportPair', () => {
  async function pairOnDevice() {
    const { mentor, mentee, pair } = aPairWithPeople();
    const outsider = aPerson({ name: 'Morgan Reyes' });
    const other = aPair({ mentorId: outsider.id, menteeId: mentee.id });
    const sessions = [
      aSession({ pairId: pair.id, loggedById: mentor.id }),
      aSession({ pairId: pair.id, loggedById: mentor.id }),
    ];
    const mentorsPrivate = aCheckIn({
      pairId: pair.id,
      side: 'mentor',
      raterId: mentor.id,
      visibility: 'private',
      notesVisibility: 'private',
    });
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

  it('holds the pair, its people and sessions, and the check-ins the partner may see, without private words', async () => {
    const { mentor, mentee, pair, sessions, mentorsShared } = await pairOnDevice();

    const file = await exportPair(pair.id, mentor.id);

    expect(file.scope).toBe('pair');
    expect(file.records.people.map((person) => person.id).sort()).toEqual([mentor.id, mentee.id].sort());
    expect(file.records.pairs).toEqual([pair]);
    expect(file.records.sessions.map((session) => session.id).sort()).toEqual(
      sessions.map((session) => session.id).sort(),
    );
    expect(file.records.checkIns).toEqual([{ ...mentorsShared, comments: {}, reflection: '' }]);
    expect(backupToJson(file)).not.toContain('Worried I talk too much.');
  });

  it('is refused to someone outside the pair', async () => {
    const { pair } = await pairOnDevice();
    await expect(exportPair(pair.id, crypto.randomUUID())).rejects.toThrow(
      'Only the pair’s mentor or mentee can share it.',
    );
  });

  it("merges into the partner's device, and the partner's reply merges back", async () => {
    const { mentor, mentee, pair, mentorsShared } = await pairOnDevice();
    const mentorsDevice = await readAllRecords();
    const share = backupToJson(await exportPair(pair.id, mentor.id));

    // The mentee's device starts empty, imports, and adds a check-in with a private reflection.
    await resetDatabase();
    expect((await importBackup(share)).ok).toBe(true);
    const menteesCheckIn = aCheckIn({
      pairId: pair.id,
      raterId: mentee.id,
      reflection: 'Only for me.',
      notesVisibility: 'private',
    });
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
