/* eslint-disable max-lines -- one harness and one case per schema version, read top to bottom as the history of the schema: split, a version's case would sit apart from the harness that opens the version before it */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { checkInFacts } from '../domain/checkInFacts';
import { localToday } from '../domain/dates';
import { monthOf } from '../domain/dates';
import { openDatabase } from './database';
import {
  byDateThenId,
  countLogged,
  monthsHoldingIds,
  readPairRecords,
  type LoggedRef,
  type MonthLog,
} from './monthLogs';
import { sessionSchema } from '../domain/session';
import { rebuildPairDerived } from '../test/rebuildPairDerived';
import { v1Records, v1Stores, type V1Records } from '../test/fixtures/schemaV1';
import { schemaVersions } from './schema';
import { reportUpgradeProgress, watchUpgradeProgress, type UpgradeProgress } from './upgradeProgress';

/**
 * The migration harness. A database is written by schema version 1 alone (src/test/fixtures/schemaV1.ts), closed,
 * and opened again by a later version of the app; the case for that version checks that every
 * record survived. The next schema change adds one entry to `migrationCases` (see schema.ts).
 */
interface MigrationCase {
  version: number;
  /** Checks a database opened at `version` over the version-1 fixture. */
  check: (db: Dexie, fixture: V1Records) => Promise<void>;
}

const tables = ['people', 'pairs', 'sessions', 'checkIns'] as const;

const sortedById = <T extends { id: string }>(records: readonly T[]): T[] =>
  [...records].sort((a, b) => a.id.localeCompare(b.id));

/** Every record of every table, deep-equal to what version 1 wrote, soft-deleted ones included. */
async function expectEveryRecordUnchanged(db: Dexie, fixture: V1Records): Promise<void> {
  for (const table of tables) {
    const expected: readonly { id: string }[] = fixture[table];
    expect(sortedById(await db.table<{ id: string }>(table).toArray()), `the ${table} table`).toEqual(
      sortedById(expected),
    );
  }
}

/**
 * From version 5 on: people and pairs as version 1 wrote them, and every session and check-in in
 * the month of its pair and date, deep-equal to what version 1 wrote, each month's lists by date
 * then id with their counts beside them.
 */
async function expectEveryRecordPacked(db: Dexie, fixture: V1Records): Promise<void> {
  for (const table of ['people', 'pairs'] as const) {
    const expected: readonly { id: string }[] = fixture[table];
    expect(sortedById(await db.table<{ id: string }>(table).toArray()), `the ${table} table`).toEqual(
      sortedById(expected),
    );
  }
  const logs = await db.table<MonthLog>('monthLogs').toArray();
  for (const table of ['sessions', 'checkIns'] as const) {
    const expected: readonly LoggedRef[] = fixture[table];
    const listOf = (log: MonthLog): readonly LoggedRef[] => log[table];
    expect(sortedById(logs.flatMap(listOf)), `the ${table} in months`).toEqual(sortedById(expected));
    for (const log of logs) {
      for (const record of listOf(log))
        expect([record.pairId, monthOf(record.date)], `where ${record.id} is`).toEqual([log.pairId, log.month]);
      expect(listOf(log), `the order of ${log.pairId} ${log.month}`).toEqual([...listOf(log)].sort(byDateThenId));
    }
  }
  for (const log of logs)
    expect([log.sessionCount, log.checkInCount]).toEqual([log.sessions.length, log.checkIns.length]);
  expect(await countLogged(db)).toEqual({ sessions: fixture.sessions.length, checkIns: fixture.checkIns.length });
}

/** The reads the screens make still find the records, from version 5 on. */
async function expectPackedReadsAnswer(db: Dexie, fixture: V1Records): Promise<void> {
  const [active] = fixture.pairs;
  if (!active) throw new Error('The fixture has no pairs.');
  const { sessions, checkIns } = await readPairRecords(db, active.id);
  expect(sessions.map((session) => session.id).sort()).toEqual(
    fixture.sessions
      .filter((session) => session.pairId === active.id)
      .map((session) => session.id)
      .sort(),
  );
  expect(checkIns.map((checkIn) => checkIn.id).sort()).toEqual(
    fixture.checkIns
      .filter((checkIn) => checkIn.pairId === active.id)
      .map((checkIn) => checkIn.id)
      .sort(),
  );
  const asMentor = await db.table('pairs').where('mentorId').equals(active.mentorId).primaryKeys();
  expect(asMentor).toEqual([active.id]);
}

/** Digests and monthly figures, one per pair, equal to ones computed afresh from the records. */
async function expectDerivedFresh(db: Dexie, fixture: V1Records): Promise<void> {
  const today = localToday();
  expect(await db.table('pairDigests').count()).toBe(fixture.pairs.length);
  expect(await db.table('pairMonths').count()).toBe(fixture.pairs.length);
  for (const pair of fixture.pairs) {
    const fresh = await rebuildPairDerived(db, pair.id, today);
    expect(await db.table('pairDigests').get(pair.id), `the digest of pair ${pair.id}`).toEqual(fresh.digest);
    expect(await db.table('pairMonths').get(pair.id), `the monthly figures of pair ${pair.id}`).toEqual(fresh.months);
  }
}

/** The indexes the screens read through still find the records. */
async function expectIndexesAnswer(db: Dexie, fixture: V1Records): Promise<void> {
  const [active] = fixture.pairs;
  if (!active) throw new Error('The fixture has no pairs.');
  const sessions = await db
    .table('sessions')
    .where('[pairId+date]')
    .between([active.id, Dexie.minKey], [active.id, Dexie.maxKey])
    .toArray();
  expect(sessions).toHaveLength(fixture.sessions.filter((session) => session.pairId === active.id).length);
  const asMentor = await db.table('pairs').where('mentorId').equals(active.mentorId).primaryKeys();
  expect(asMentor).toEqual([active.id]);
  const byRater = await db.table('checkIns').where('raterId').equals(active.menteeId).count();
  expect(byRater).toBe(fixture.checkIns.filter((checkIn) => checkIn.raterId === active.menteeId).length);
}

/** The indexes each record table has in the database itself, by name, not as Dexie was told. */
function indexesInDatabase(db: Dexie): Record<(typeof tables)[number], string[]> {
  const transaction = db.backendDB().transaction([...tables], 'readonly');
  const names = (table: (typeof tables)[number]) => Array.from(transaction.objectStore(table).indexNames).sort();
  return { people: names('people'), pairs: names('pairs'), sessions: names('sessions'), checkIns: names('checkIns') };
}

const migrationCases: MigrationCase[] = [
  {
    version: 1,
    check: async (db, fixture) => {
      await expectEveryRecordUnchanged(db, fixture);
      await expectIndexesAnswer(db, fixture);
    },
  },
  {
    // Version 2 adds the pair digests: the records are untouched, and every pair has a digest
    // equal to one computed afresh from them.
    version: 2,
    check: async (db, fixture) => {
      await expectEveryRecordUnchanged(db, fixture);
      await expectIndexesAnswer(db, fixture);
      const today = localToday();
      for (const pair of fixture.pairs) {
        expect(await db.table('pairDigests').get(pair.id), `the digest of pair ${pair.id}`).toEqual(
          (await rebuildPairDerived(db, pair.id, today)).digest,
        );
      }
    },
  },
  {
    // Version 3 adds each pair's monthly figures: the records are untouched, and every pair has
    // figures (and still a digest) equal to ones computed afresh from them. It drops the indexes
    // no read uses and keeps the ones the screens read through.
    version: 3,
    check: async (db, fixture) => {
      await expectEveryRecordUnchanged(db, fixture);
      await expectIndexesAnswer(db, fixture);
      expect(indexesInDatabase(db)).toEqual({
        people: ['name'],
        pairs: ['menteeId', 'mentorId'],
        sessions: ['[pairId+date]'],
        checkIns: ['[pairId+date]', 'raterId'],
      });
      const today = localToday();
      expect(await db.table('pairMonths').count()).toBe(fixture.pairs.length);
      for (const pair of fixture.pairs) {
        const fresh = await rebuildPairDerived(db, pair.id, today);
        expect(await db.table('pairDigests').get(pair.id), `the digest of pair ${pair.id}`).toEqual(fresh.digest);
        expect(await db.table('pairMonths').get(pair.id), `the monthly figures of pair ${pair.id}`).toEqual(
          fresh.months,
        );
      }
    },
  },
  {
    // Version 4 rewrites every digest in its new shape (the check-ins' facts instead of the
    // check-ins): the records, indexes and monthly figures are untouched.
    version: 4,
    check: async (db, fixture) => {
      await expectEveryRecordUnchanged(db, fixture);
      await expectIndexesAnswer(db, fixture);
      const today = localToday();
      expect(await db.table('pairDigests').count()).toBe(fixture.pairs.length);
      for (const pair of fixture.pairs) {
        const fresh = await rebuildPairDerived(db, pair.id, today);
        const digest = await db.table('pairDigests').get(pair.id);
        expect(digest, `the digest of pair ${pair.id}`).toEqual(fresh.digest);
        expect(digest, `the digest of pair ${pair.id}`).not.toHaveProperty('sharedCheckIns');
        expect(await db.table('pairMonths').get(pair.id), `the monthly figures of pair ${pair.id}`).toEqual(
          fresh.months,
        );
      }
    },
  },
  {
    // Version 5 packs every session and check-in into its pair's month, beside the per-record
    // tables it read them from; digests and monthly figures are untouched.
    version: 5,
    check: async (db, fixture) => {
      await expectEveryRecordUnchanged(db, fixture);
      await expectEveryRecordPacked(db, fixture);
      await expectPackedReadsAnswer(db, fixture);
      await expectDerivedFresh(db, fixture);
    },
  },
  {
    // Version 6 deletes the per-record tables: everything is in the months.
    version: 6,
    check: async (db, fixture) => {
      expect(db.tables.map((table) => table.name).sort()).toEqual([
        'monthLogs',
        'pairDigests',
        'pairMonths',
        'pairs',
        'people',
      ]);
      expect(Array.from(db.backendDB().objectStoreNames).sort()).toEqual([
        'monthLogs',
        'pairDigests',
        'pairMonths',
        'pairs',
        'people',
      ]);
      await expectEveryRecordPacked(db, fixture);
      await expectPackedReadsAnswer(db, fixture);
      await expectDerivedFresh(db, fixture);
    },
  },
  {
    // Version 7 adds each pair's last session date, beside its digest, equal to the digest's: the
    // records, digests and monthly figures are untouched.
    version: 7,
    check: async (db, fixture) => {
      expect(Array.from(db.backendDB().objectStoreNames).sort()).toEqual([
        'monthLogs',
        'pairDigests',
        'pairLastSessions',
        'pairMonths',
        'pairs',
        'people',
      ]);
      await expectEveryRecordPacked(db, fixture);
      await expectPackedReadsAnswer(db, fixture);
      await expectDerivedFresh(db, fixture);
      expect(await db.table('pairLastSessions').count()).toBe(fixture.pairs.length);
      const withSessions = new Set(
        fixture.sessions.filter((session) => session.deletedAt === null).map((session) => session.pairId),
      );
      expect(withSessions.size, 'pairs of the fixture with a live session').toBeGreaterThan(0);
      for (const pair of fixture.pairs) {
        const lastSession = await db.table('pairLastSessions').get(pair.id);
        expect(lastSession, `the last session of pair ${pair.id}`).toEqual({
          pairId: pair.id,
          lastSessionDate: (await rebuildPairDerived(db, pair.id, localToday())).digest.lastSessionDate,
        });
        expect(lastSession.lastSessionDate !== null, `pair ${pair.id} has a last session`).toBe(
          withSessions.has(pair.id),
        );
      }
    },
  },
  {
    // Version 8 indexes the ids of every month's sessions and check-ins: each month lists exactly
    // the ids it holds, and a lookup by id through the index finds every fixture record's month.
    version: 8,
    check: async (db, fixture) => {
      await expectEveryRecordPacked(db, fixture);
      await expectPackedReadsAnswer(db, fixture);
      await expectDerivedFresh(db, fixture);
      for (const log of await db.table<MonthLog>('monthLogs').toArray()) {
        expect(log.recordIds, `the ids of ${log.pairId} ${log.month}`).toEqual(
          [...log.sessions, ...log.checkIns].map((record) => record.id),
        );
      }
      const everyRecord = [...fixture.sessions, ...fixture.checkIns];
      const found = await monthsHoldingIds(db, [...everyRecord.map((record) => record.id), crypto.randomUUID()]);
      expect(found.size).toBe(everyRecord.length);
      for (const record of everyRecord)
        expect(found.get(record.id), `the month of ${record.id}`).toEqual([record.pairId, monthOf(record.date)]);
    },
  },
  {
    // Version 9 gives every session a visibility for its words: each session arrives as "both of
    // us" ('pair'), otherwise as version 1 wrote it, in the shape the session schema accepts as is;
    // check-ins, months' ids, digests and monthly figures are untouched.
    version: 9,
    check: async (db, fixture) => {
      const sessions = fixture.sessions.map((session) => ({ ...session, notesVisibility: 'pair' }));
      await expectEveryRecordPacked(db, { ...fixture, sessions });
      await expectPackedReadsAnswer(db, fixture);
      await expectDerivedFresh(db, fixture);
      const stored = (await db.table<MonthLog>('monthLogs').toArray()).flatMap((log) => log.sessions);
      expect(stored).toHaveLength(fixture.sessions.length);
      for (const session of stored) {
        expect(session.notesVisibility, `the visibility of ${session.id}`).toBe('pair');
        expect(sessionSchema.parse(session), `session ${session.id} as the schema reads it`).toEqual(session);
      }
      for (const log of await db.table<MonthLog>('monthLogs').toArray()) {
        expect(log.recordIds, `the ids of ${log.pairId} ${log.month}`).toEqual(
          [...log.sessions, ...log.checkIns].map((record) => record.id),
        );
      }
    },
  },
  {
    // Version 10 adds the sync engine's bookkeeping, empty: a device that syncs with no server
    // has none, and every record, month and derived record is as version 9 left it.
    version: 10,
    check: async (db, fixture) => {
      const sessions = fixture.sessions.map((session) => ({ ...session, notesVisibility: 'pair' }));
      await expectEveryRecordPacked(db, { ...fixture, sessions });
      await expectPackedReadsAnswer(db, fixture);
      await expectDerivedFresh(db, fixture);
      for (const table of ['syncCheckpoints', 'syncRevs', 'syncPending', 'syncMeta'])
        expect(await db.table(table).count(), table).toBe(0);
      // The doc index answers the question a pending mark asks: did this record ever reach a database?
      await db.table('syncRevs').put({ database: 'mentorlog-program', docId: 'pair:x', rev: '1-a' });
      expect(await db.table('syncRevs').where('docId').equals('pair:x').count()).toBe(1);
    },
  },
  {
    // Version 11 adds the app lock's sealed words and the keys of sealed sync, empty: nothing is
    // sealed until a person turns the lock on or joins a sealed pair, so every record keeps its words.
    version: 11,
    check: async (db, fixture) => {
      const sessions = fixture.sessions.map((session) => ({ ...session, notesVisibility: 'pair' }));
      await expectEveryRecordPacked(db, { ...fixture, sessions });
      await expectDerivedFresh(db, fixture);
      expect(await db.table('lockedWords').count()).toBe(0);
      await db.table('lockedWords').put({ recordId: 'c1', pairId: 'p1', table: 'checkIns', sealed: {} });
      expect(await db.table('lockedWords').where('pairId').equals('p1').primaryKeys()).toEqual(['c1']);
      expect(await db.table('keyring').count()).toBe(0);
      expect(await db.table('deviceKeys').count()).toBe(0);
      // A key is kept as a CryptoKey that still works when read back, and found by its database.
      const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      await db.table('keyring').put({ id: 'mentorlog-pair-x#1', database: 'mentorlog-pair-x', generation: 1, key });
      const [held] = await db.table('keyring').where('database').equals('mentorlog-pair-x').toArray();
      const iv = new Uint8Array(12);
      await expect(
        crypto.subtle.encrypt({ name: 'AES-GCM', iv }, held.key, new Uint8Array([1])),
      ).resolves.toBeDefined();
    },
  },
  // The next version adds its case here, e.g.
  // { version: 11, check: async (db, fixture) => { …every fixture record, in its version-11 shape… } },
];

let databaseCount = 0;
const databases: string[] = [];

/** A fresh database written by version 1 only: a Dexie instance that knows no later version. */
async function writtenByVersion1(): Promise<string> {
  const name = `mentorlog-migration-${++databaseCount}`;
  databases.push(name);
  const v1 = new Dexie(name);
  v1.version(1).stores(v1Stores);
  await v1.transaction('rw', v1.tables, async () => {
    for (const table of tables) await v1.table(table).bulkAdd(v1Records[table]);
  });
  v1.close();
  return name;
}

/** The database as the app of `version` declares it: every schema version up to that one. */
function declaredUpTo(name: string, version: number): Dexie {
  const db = new Dexie(name);
  for (const step of schemaVersions.filter((candidate) => candidate.version <= version)) {
    const declared = db.version(step.version).stores(step.stores);
    if (step.upgrade) declared.upgrade(step.upgrade);
  }
  return db;
}

afterEach(async () => {
  for (const name of databases.splice(0)) await Dexie.delete(name);
});

describe('schema migrations', () => {
  it('keeps version 1 as it shipped', () => {
    expect(schemaVersions[0]).toMatchObject({ version: 1, stores: v1Stores });
  });

  it('has a migration case for every schema version', () => {
    expect(migrationCases.map((migration) => migration.version)).toEqual(schemaVersions.map((step) => step.version));
  });

  it('has a fixture with soft-deleted records, a private check-in and action items in it', () => {
    for (const table of tables)
      expect(
        v1Records[table].some((record) => record.deletedAt !== null),
        table,
      ).toBe(true);
    expect(v1Records.checkIns.some((checkIn) => checkIn.visibility === 'private' && checkIn.reflection !== '')).toBe(
      true,
    );
    expect(v1Records.sessions.some((session) => session.actionItems.some((item) => item.done))).toBe(true);
  });

  describe.each(migrationCases)('opening a version-1 database at version $version', ({ version, check }) => {
    it('keeps every record', async () => {
      const name = await writtenByVersion1();
      const db = declaredUpTo(name, version);
      await db.open();
      try {
        expect(db.verno).toBe(version);
        await check(db, v1Records);
      } finally {
        db.close();
      }
    });
  });

  it('turns at version 4 the check-ins version 3’s digests kept into their facts', async () => {
    const name = await writtenByVersion1();
    const v3 = declaredUpTo(name, 3);
    await v3.open();
    const [pair] = v1Records.pairs;
    if (!pair) throw new Error('The fixture has no pairs.');
    // A digest as version 3 kept it: the latest shared check-ins themselves.
    const asVersion3Wrote = {
      pairId: pair.id,
      writtenOn: '2026-01-01',
      lastSessionDate: null,
      recentSessions: [],
      sharedCheckIns: [
        { side: 'mentor' as const, date: '2025-12-01', createdAt: '2025-12-01T10:00:00.000Z', scores: { trust: 5 } },
      ],
    };
    await v3.table('pairDigests').put(asVersion3Wrote);
    v3.close();

    const db = declaredUpTo(name, 4);
    await db.open();
    try {
      const digest = await db.table('pairDigests').get(pair.id);
      // The rest of the digest as it was; the check-ins it kept turned into their facts.
      const { sharedCheckIns, ...rest } = asVersion3Wrote;
      expect(digest).toEqual({ ...rest, checkIns: checkInFacts(sharedCheckIns) });
      expect(digest.checkIns.trust.mentor).toEqual([5]);
    } finally {
      db.close();
    }
  });

  it('packs at version 5 a session whose pair is not on the device, too', async () => {
    const name = await writtenByVersion1();
    const v4 = declaredUpTo(name, 4);
    await v4.open();
    const [sample] = v1Records.sessions;
    if (!sample) throw new Error('The fixture has no sessions.');
    const orphan = { ...sample, id: crypto.randomUUID(), pairId: crypto.randomUUID() };
    await v4.table('sessions').add(orphan);
    v4.close();

    const db = declaredUpTo(name, 6);
    await db.open();
    try {
      expect(await readPairRecords(db, orphan.pairId)).toEqual({ sessions: [orphan], checkIns: [] });
      expect(await countLogged(db)).toEqual({
        sessions: v1Records.sessions.length + 1,
        checkIns: v1Records.checkIns.length,
      });
    } finally {
      db.close();
    }
  });

  it('tells how far version 9 has got, by pairs, as it gives sessions their visibility', async () => {
    const name = await writtenByVersion1();
    const v8 = declaredUpTo(name, 8);
    await v8.open();
    const [sample] = v1Records.sessions;
    if (!sample) throw new Error('The fixture has no sessions.');
    // 120 more pairs, each with a month holding one session as version 8 stored it.
    const pairs = Array.from({ length: 120 }, (_, index) => ({ ...v1Records.pairs[0], id: `pair-${1000 + index}` }));
    await v8.table('pairs').bulkAdd(pairs);
    await v8.table('monthLogs').bulkAdd(
      pairs.map((pair) => {
        const session = { ...sample, id: crypto.randomUUID(), pairId: pair.id };
        return {
          pairId: pair.id,
          month: monthOf(session.date),
          sessions: [session],
          checkIns: [],
          sessionCount: 1,
          checkInCount: 0,
          recordIds: [session.id],
        };
      }),
    );
    v8.close();

    // What earlier upgrades in this file reported is over, as the app says once a database is open.
    reportUpgradeProgress(null);
    const reports: (UpgradeProgress | null)[] = [];
    const stopWatching = watchUpgradeProgress((progress) => reports.push(progress));
    const db = declaredUpTo(name, 9);
    try {
      await db.open();
      const total = v1Records.pairs.length + pairs.length;
      expect(reports.filter((report) => report !== null)).toEqual([
        { done: 50, total },
        { done: 100, total },
      ]);
      const added = await readPairRecords(db, 'pair-1119');
      expect(added.sessions.map((session) => session.notesVisibility)).toEqual(['pair']);
    } finally {
      stopWatching();
      db.close();
    }
  });

  it('upgrades a version-1 database to the latest version through the app’s own openDatabase()', async () => {
    const name = await writtenByVersion1();
    const latest = migrationCases.at(-1);
    if (!latest) throw new Error('No migration cases.');
    const db = openDatabase(name);
    await db.open();
    try {
      expect(db.verno).toBe(latest.version);
      await latest.check(db, v1Records);
    } finally {
      db.close();
    }
  });
});
