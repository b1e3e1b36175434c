import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resetDatabase } from '../db/database';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from '../domain/backupFile';
import type { BackupRecords } from '../domain/backupRecords';
import type { CheckIn } from '../domain/checkIn';
import type { Pair } from '../domain/pair';
import type { Person } from '../domain/person';
import type { Session } from '../domain/session';
import { backupToJson, exportDevice, readAllRecords } from './exportBackup';
import { importBackup } from './importBackup';

/*
 * Whatever a file holds, an import that is accepted leaves a device whose own backup restores onto
 * an empty device, record for record. Devices and files are generated over small pools of ids, so
 * that files collide with the device: the same id under another pair or as another kind, older and
 * newer copies, deletions, references to people and pairs the device alone holds, dates out of range.
 */

const pool = (size: number) => Array.from({ length: size }, () => crypto.randomUUID());
const personIds = pool(4);
const pairIds = pool(3);
const recordIds = pool(6);
const everyId = [...personIds, ...pairIds, ...recordIds];

/** Mostly an id of its own kind, now and then any id at all. */
const idOf = (own: readonly string[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...own), weight: 9 }, { arbitrary: fc.constantFrom(...everyId), weight: 1 });
const stamp = fc.constantFrom('2026-01-01T10:00:00.000Z', '2026-02-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z');
const deletedAt = fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: stamp, weight: 1 });
const day = fc.constantFrom('2024-06-01', '2025-12-20', '2026-01-15', '2026-02-20', '2026-03-01', '1950-01-01');

const person: fc.Arbitrary<Person> = fc.record({
  id: idOf(personIds),
  createdAt: fc.constant('2025-01-01T10:00:00.000Z'),
  updatedAt: stamp,
  deletedAt,
  name: fc.constantFrom('Alex Chen', 'Sam Lee'),
  contact: fc.constant(''),
});

/** Two people of the pool, mostly different ones. */
const partners = {
  mentorId: fc.constantFrom(personIds[0] ?? '', personIds[2] ?? ''),
  menteeId: fc.constantFrom(personIds[1] ?? '', personIds[3] ?? '', personIds[0] ?? ''),
};

const pair: fc.Arbitrary<Pair> = fc.record({
  id: idOf(pairIds),
  createdAt: fc.constant('2025-01-01T10:00:00.000Z'),
  updatedAt: stamp,
  deletedAt,
  ...partners,
  startDate: fc.constantFrom('2025-01-01', '2025-01-01', '2025-06-01', '2026-03-01'),
  endDate: fc.constant(null),
  status: fc.constant('active' as const),
  goals: fc.constant(''),
  cadenceDays: fc.constant(14),
});

const session: fc.Arbitrary<Session> = fc.record({
  id: idOf(recordIds),
  createdAt: fc.constant('2025-01-01T10:00:00.000Z'),
  updatedAt: stamp,
  deletedAt,
  pairId: fc.constantFrom(...pairIds),
  date: day,
  durationMinutes: fc.constant(45),
  mode: fc.constant('video' as const),
  topics: fc.constant([]),
  notes: fc.constantFrom('', 'Talked'),
  actionItems: fc.constant([]),
  loggedBy: fc.constant('mentor' as const),
  loggedById: fc.constantFrom(...personIds),
  notesVisibility: fc.constantFrom('private' as const, 'pair' as const, 'program' as const),
});

const checkIn: fc.Arbitrary<CheckIn> = fc.record({
  id: idOf(recordIds),
  createdAt: fc.constant('2025-01-01T10:00:00.000Z'),
  updatedAt: stamp,
  deletedAt,
  pairId: fc.constantFrom(...pairIds),
  sessionId: fc.constant(null),
  date: day,
  side: fc.constantFrom('mentor' as const, 'mentee' as const),
  raterId: fc.constantFrom(...personIds),
  scores: fc.constant({ trust: 4 }),
  comments: fc.constant({}),
  reflection: fc.constant(''),
  visibility: fc.constant('program' as const),
  notesVisibility: fc.constant('pair' as const),
});

const records: fc.Arbitrary<BackupRecords> = fc.record({
  people: fc.array(person, { maxLength: 6 }),
  pairs: fc.array(pair, { maxLength: 4 }),
  sessions: fc.array(session, { maxLength: 8 }),
  checkIns: fc.array(checkIn, { maxLength: 8 }),
});

/** Everyone in the pool, live: the people a generated device starts from. */
const everyone: Person[] = personIds.map((id) => ({
  id,
  createdAt: '2025-01-01T10:00:00.000Z',
  updatedAt: '2025-01-01T10:00:00.000Z',
  deletedAt: null,
  name: 'Alex Chen',
  contact: '',
}));

/**
 * Generated records an import would mostly accept: each id once, and only records whose people and
 * pair are in the file or on the device (`device`), live, and dated after the pair started. Ids
 * may still collide with the device's, and copies be older or newer than its own.
 */
function consistent(
  generated: BackupRecords,
  device: BackupRecords = { people: [], pairs: [], sessions: [], checkIns: [] },
): BackupRecords {
  const seen = new Set<string>();
  const first = <T extends { id: string }>(list: readonly T[]) =>
    list.filter((record) => !seen.has(record.id) && Boolean(seen.add(record.id)));
  const people = first(generated.people);
  const livePeople = new Set(
    [...device.people, ...people].filter((record) => record.deletedAt === null).map((record) => record.id),
  );
  const pairs = first(
    generated.pairs.filter(
      (record) =>
        livePeople.has(record.mentorId) && livePeople.has(record.menteeId) && record.mentorId !== record.menteeId,
    ),
  );
  const pairStarts = new Map([...device.pairs, ...pairs].map((record) => [record.id, record.startDate]));
  const fits = (record: Session | CheckIn, personId: string) =>
    livePeople.has(personId) && (pairStarts.get(record.pairId) ?? '9999') <= record.date;
  return {
    people,
    pairs,
    sessions: first(generated.sessions.filter((record) => fits(record, record.loggedById))),
    checkIns: first(generated.checkIns.filter((record) => fits(record, record.raterId))),
  };
}

function fileOf(content: BackupRecords, scope: 'device' | 'pair'): string {
  return JSON.stringify({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: '0.1.0',
    exportedAt: '2026-03-21T18:00:00.000Z',
    scope,
    records: content,
  });
}

describe('import, then backup and restore', () => {
  it(
    'restores, after any import that was accepted, the same records onto an empty device',
    { timeout: 120_000 },
    async () => {
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(
          records,
          records,
          fc.boolean(),
          fc.constantFrom('device' as const, 'pair' as const),
          async (onDevice, generated, asGenerated, scope) => {
            await resetDatabase();
            const setUp = await importBackup(
              fileOf(consistent({ ...onDevice, people: [...onDevice.people, ...everyone] }), 'device'),
            );
            expect(setUp.ok, 'the device is set up from a consistent file').toBe(true);

            // Half the files as generated (most are refused), half made to be accepted but for their collisions.
            const incoming = asGenerated ? generated : consistent(generated, await readAllRecords());
            const result = await importBackup(fileOf(incoming, scope));
            if (!result.ok) return;
            accepted++;
            const device = await readAllRecords();
            const backup = backupToJson(await exportDevice());

            await resetDatabase();
            const restored = await importBackup(backup);

            expect(restored.ok ? 'accepted' : restored.problems).toBe('accepted');
            expect(await readAllRecords()).toEqual(device);
          },
        ),
        { numRuns: 300 },
      );
      // The files must not all be refused, or the property says nothing.
      expect(accepted).toBeGreaterThan(50);
    },
  );
});
