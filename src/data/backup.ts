import { Dexie, type Collection, type Table } from 'dexie';
import { version as appVersion } from '../../package.json';
import { db as appDatabase, type MentorlogDatabase } from '../db/database';
import {
  countLogged,
  holdsAnyRecord,
  MonthLogDraft,
  applyMonthChanges,
  readAllLogged,
  readLogsOfPairRange,
  readPairLogs,
  readPairRecords,
  recordsInMonths,
  monthsHoldingIds,
  type MonthLog,
  type MonthLogKey,
} from '../db/monthLogs';
import { refreshPairDigests, refreshPairDigestsFrom } from '../db/pairDigests';
import {
  backupFileParts,
  buildBackupFile,
  buildBackupHeader,
  checkBackupRecords,
  countRecords,
  findReferenceProblems,
  pairShareRecords,
  planMerge,
  ProblemList,
  readBackupText,
  recordsText,
  referencedOutsideFile,
  type BackupFile,
  type BackupProblem,
  type BackupRecords,
  type BackupTable,
  type MergeCounts,
} from '../domain/backupFormat';
import type { CheckIn } from '../domain/checkIn';
import { localToday } from '../domain/dates';
import { findIdProblems, settleMerge, type DeviceCopies, type IdHolder } from '../domain/importRules';
import type { Pair } from '../domain/pair';
import type { Person } from '../domain/person';
import type { RecordFields } from '../domain/record';
import type { Session } from '../domain/session';
import { sideInPair } from '../domain/visibility';

export { appVersion };

/** Records read or written per Dexie call, so that no single call holds the page for long. */
const WRITE_CHUNK = 2000;


/** How long checking runs before it lets the page handle input and paint again. */
const CHECK_SLICE_MS = 25;

/**
 * The largest file import will read. 200,000 records make about 100 MB; beyond a few hundred MB a
 * browser tab may run out of memory reading the text, so refuse early with a plain reason.
 */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;

/** The tables holding what a backup carries: people, pairs, and the months of sessions and check-ins. */
function tablesOf(database: MentorlogDatabase) {
  return [database.people, database.pairs, database.monthLogs];
}

/** The people or pairs table, typed for what import and export do with it. */
function tableOf(database: MentorlogDatabase, table: 'people' | 'pairs'): Table<RecordFields, string> {
  // Each table holds records of its own type, all of which carry the record fields compared and written here.
  return database[table] as unknown as Table<RecordFields, string>;
}

/**
 * Every record in every table, deleted ones included (a deletion must travel to the other device):
 * people and pairs by id, sessions and check-ins by pair, then date, then id.
 */
export async function readAllRecords(database: MentorlogDatabase = appDatabase): Promise<BackupRecords> {
  return database.transaction('r', tablesOf(database), async () => {
    const [people, pairs, { sessions, checkIns }] = await Promise.all([database.people.toArray(), database.pairs.toArray(), readAllLogged(database)]);
    return { people, pairs, sessions, checkIns };
  });
}

/**
 * The device backup: everything on this device, private reflections included, because it is the
 * device owner's own copy, for restoring here or on their next device.
 */
export async function exportDevice(database: MentorlogDatabase = appDatabase, now: Date = new Date()): Promise<BackupFile> {
  const records = await readAllRecords(database);
  return buildBackupFile({ scope: 'device', appVersion, exportedAt: now.toISOString(), records });
}

/** A backup file ready to download. */
export interface BackupDownload {
  scope: BackupFile['scope'];
  /** The file: JSON text, as `backupToJson` writes it. */
  blob: Blob;
  /** Records in the file. */
  records: number;
}

/**
 * Where each table is split for reading: ids are UUIDs, spread evenly over their first two hex
 * digits, so that each range's text stays a few hundred kilobytes even for a large program (at
 * 5,000 pairs, sixteen ranges made strings of ~30 MB each). The ranges only need to cover every key
 * in order; any id, UUID or not, falls in one of them.
 */
const ID_SPLITS = Array.from({ length: 255 }, (_, index) => (index + 1).toString(16).padStart(2, '0'));

/** Consecutive ranges of ids, [lower, upper) with null for unbounded, that together cover every id. */
function idRanges(): [string | null, string | null][] {
  const ranges: [string | null, string | null][] = [];
  let lower: string | null = null;
  for (const upper of ID_SPLITS) {
    ranges.push([lower, upper]);
    lower = upper;
  }
  ranges.push([lower, null]);
  return ranges;
}

const textRun = (records: readonly unknown[]): Blob[] => (records.length > 0 ? [new Blob([recordsText(records)])] : []);

/**
 * A table's records as runs of JSON text in Blobs, in id order (the order of a whole-table read),
 * one per range of ids that has records. All the ranges are asked for at once, so that each is
 * turned into text and handed to the browser as it arrives, while the database reads the next.
 */
function tableRuns(table: Table<RecordFields, string>): Promise<{ runs: Blob[]; count: number }> {
  const ranges: Collection<RecordFields, string>[] = idRanges().map(([lower, upper]) => {
    if (lower === null) return table.where(':id').below(upper ?? '');
    return upper === null ? table.where(':id').aboveOrEqual(lower) : table.where(':id').between(lower, upper);
  });
  let count = 0;
  const runs = ranges.map((range) =>
    range.toArray().then((records) => {
      count += records.length;
      return textRun(records);
    }),
  );
  return Promise.all(runs).then((blobs) => ({ runs: blobs.flat(), count }));
}

/**
 * Sessions and check-ins as runs of JSON text, one of each per range of pair ids, in the order
 * `readAllRecords` gives them; read and turned into text range by range, as `tableRuns`.
 */
function loggedRuns(database: MentorlogDatabase): Promise<{ sessions: Blob[]; checkIns: Blob[]; count: number }> {
  let count = 0;
  const runs = idRanges().map(([lower, upper]) =>
    readLogsOfPairRange(database, lower, upper).then((logs: MonthLog[]) => {
      const { sessions, checkIns } = recordsInMonths(logs);
      count += sessions.length + checkIns.length;
      return { sessions: textRun(sessions), checkIns: textRun(checkIns) };
    }),
  );
  return Promise.all(runs).then((read) => ({ sessions: read.flatMap((run) => run.sessions), checkIns: read.flatMap((run) => run.checkIns), count }));
}

/**
 * The device backup (see `exportDevice`) as a file to download: the same text as
 * `backupToJson(await exportDevice())`, made while the records are read rather than after and
 * never held as one string, so that a large device (216,000 records, 100 MB) is ready in about the
 * time the reading takes.
 */
export async function exportDeviceDownload(database: MentorlogDatabase = appDatabase, now: Date = new Date()): Promise<BackupDownload> {
  const header = buildBackupHeader({ scope: 'device', appVersion, exportedAt: now.toISOString() });
  const [people, pairs, logged] = await database.transaction('r', tablesOf(database), () =>
    Promise.all([tableRuns(tableOf(database, 'people')), tableRuns(tableOf(database, 'pairs')), loggedRuns(database)]),
  );
  const parts = backupFileParts(header, { people: people.runs, pairs: pairs.runs, sessions: logged.sessions, checkIns: logged.checkIns });
  return {
    scope: header.scope,
    blob: new Blob(parts, { type: 'application/json' }),
    records: people.count + pairs.count + logged.count,
  };
}

/**
 * One pair for its other partner: the pair, its two people, its sessions and the check-ins the
 * partner may see, with anything private left out (see `pairShareRecords`). Only a partner of the
 * pair may share it.
 */
export async function exportPair(
  pairId: string,
  viewerPersonId: string,
  database: MentorlogDatabase = appDatabase,
  now: Date = new Date(),
): Promise<BackupFile> {
  const records = await database.transaction('r', tablesOf(database), async () => {
    const pair = await database.pairs.get(pairId);
    if (!pair) throw new Error('That pair is not on this device.');
    if (sideInPair(pair, viewerPersonId) === null) throw new Error('Only the pair’s mentor or mentee can share it.');
    const [people, { sessions, checkIns }] = await Promise.all([database.people.bulkGet([pair.mentorId, pair.menteeId]), readPairRecords(database, pairId)]);
    return pairShareRecords(
      pair,
      people.flatMap((person) => (person ? [person] : [])),
      sessions,
      checkIns,
    );
  });
  return buildBackupFile({ scope: 'pair', appVersion, exportedAt: now.toISOString(), records });
}

/** `mentorlog-backup-2026-03-21.json`, dated where the user is. */
export function backupFileName(file: Pick<BackupFile, 'scope'>, now: Date = new Date(), label = ''): string {
  const slug = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const kind = file.scope === 'pair' ? 'pair' : 'backup';
  return `mentorlog-${kind}-${slug ? `${slug}-` : ''}${localToday(now)}.json`;
}

export function backupToJson(file: BackupFile): string {
  return JSON.stringify(file);
}

// ---------------------------------------------------------------------------------------------
// Import

export type ImportPhase = 'reading' | 'checking' | 'writing';

export interface ImportProgress {
  phase: ImportPhase;
  /** Records done so far in this phase, of `total`; both 0 while the file is read. */
  done: number;
  total: number;
}

export interface ImportSummary {
  /** Records in the file. */
  records: number;
  counts: Record<BackupTable, MergeCounts>;
  total: MergeCounts;
  /** Live sessions and check-ins, the file's or the device's, deleted because their pair is deleted. */
  deletedWithPair: number;
  scope: BackupFile['scope'];
  exportedAt: string;
  appVersion: string;
}

export type ImportResult =
  | { ok: true; summary: ImportSummary }
  /** Nothing was written. `problems` holds the first few, `problemCount` counts them all. */
  | { ok: false; problems: BackupProblem[]; problemCount: number };

function refused(problems: BackupProblem[], problemCount = problems.length): ImportResult {
  return { ok: false, problems, problemCount };
}

/** Refused for all of these problems, the first few shown. */
function refusedAll(problems: readonly BackupProblem[]): ImportResult {
  const list = new ProblemList();
  for (const problem of problems) list.add(problem);
  return refused(list.shown, list.count);
}

/** Lets the browser paint and handle input between chunks of work outside a transaction. */
function yieldToEventLoop(): Promise<void> {
  // scheduler.yield resumes ahead of other queued work; setTimeout where it does not exist.
  if (typeof globalThis.scheduler?.yield === 'function') return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const megabytes = (bytes: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(bytes / (1024 * 1024));

async function readSource(source: string | Blob): Promise<{ ok: true; text: string } | { ok: false; problem: BackupProblem }> {
  if (typeof source === 'string') return { ok: true, text: source };
  if (source.size > MAX_BACKUP_BYTES) {
    return {
      ok: false,
      problem: {
        message: `This file is ${megabytes(source.size)} MB; Mentorlog imports backups of up to ${megabytes(MAX_BACKUP_BYTES)} MB. Check that it is the file Mentorlog exported.`,
      },
    };
  }
  return { ok: true, text: await source.text() };
}

/**
 * Imports a backup or a shared pair. The whole file is checked first — JSON, header, every record
 * against its schema, duplicate ids — in chunks that yield to the event loop, so a large file
 * keeps the page responsive. Then one transaction looks up what the device already has, checks
 * that every reference points somewhere, and writes the records that are new or newer, in chunks.
 * Any problem, or any failure while writing, leaves the database exactly as it was.
 */
export async function importBackup(
  source: string | Blob,
  onProgress: (progress: ImportProgress) => void = () => {},
  database: MentorlogDatabase = appDatabase,
): Promise<ImportResult> {
  onProgress({ phase: 'reading', done: 0, total: 0 });
  const read = await readSource(source);
  if (!read.ok) return refused([read.problem]);
  const header = readBackupText(read.text);
  if (!header.ok) return refused(header.problems);
  const { envelope } = header;

  const total = countRecords(envelope.records);
  onProgress({ phase: 'checking', done: 0, total });
  // The checks stop every few hundred records. Progress is told every hundredth of the file, however
  // fast the checking is; the page gets a turn once a slice of time has passed.
  const steps = checkBackupRecords(envelope, 250);
  const reportEvery = Math.max(1, Math.ceil(total / 100));
  let reported = 0;
  let step = steps.next();
  let sliceStart = performance.now();
  while (!step.done) {
    if (step.value.checked - reported >= reportEvery) {
      reported = step.value.checked;
      onProgress({ phase: 'checking', done: reported, total });
    }
    if (performance.now() - sliceStart > CHECK_SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
    step = steps.next();
  }
  if (reported < total) onProgress({ phase: 'checking', done: total, total });
  const { records, problems } = step.value;
  if (problems.count > 0) return refused(problems.shown, problems.count);

  // From here on only Dexie is awaited: anything else would let the transaction commit early.
  return database.transaction('rw', [...tablesOf(database), database.pairDigests, database.pairMonths, database.pairLastSessions], async (): Promise<ImportResult> => {
    const device = await readDeviceCopies(database, records);
    const referenceProblems = findReferenceProblems(records, { people: new Set(device.people.keys()), pairs: new Set(device.pairs.keys()) });
    if (referenceProblems.count > 0) return refused(referenceProblems.shown, referenceProblems.count);
    const idProblems = findIdProblems(records, device);
    if (idProblems.length > 0) return refusedAll(idProblems);

    const plan = planMerge(records, { people: device.people, pairs: device.pairs, sessions: device.sessions, checkIns: device.checkIns });
    await readWhatNamesDeletedPeople(database, plan.writes.people, device);
    const settled = settleMerge(records, plan, device);
    if (settled.problems.length > 0) return refusedAll(settled.problems);
    const writes = settled.writes;
    const logged = device;

    const toWrite = countRecords(writes);
    let written = 0;
    onProgress({ phase: 'writing', done: 0, total: toWrite });
    for (const table of ['people', 'pairs'] as const) {
      const rows: readonly RecordFields[] = writes[table];
      for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
        const chunk = rows.slice(start, start + WRITE_CHUNK);
        await tableOf(database, table).bulkPut(chunk);
        written += chunk.length;
        onProgress({ phase: 'writing', done: written, total: toWrite });
      }
    }
    // Each written record leaves the month its held copy is in (a newer copy may carry another
    // date) and goes into the month of its own date.
    const draft = new MonthLogDraft(logged.months);
    for (const table of ['sessions', 'checkIns'] as const) {
      draft.remove(table, writes[table].flatMap((record) => logged[table].get(record.id) ?? []));
      draft.put(table, writes[table]);
    }
    const { put, emptied } = draft.changed();
    const recordWrites = writes.sessions.length + writes.checkIns.length;
    const inMonths = put.reduce((sum, log) => sum + log.sessionCount + log.checkInCount, 0);
    let putSoFar = 0;
    for (const chunk of monthChunks(put)) {
      await putMonths(database, chunk);
      putSoFar += chunk.reduce((sum, log) => sum + log.sessionCount + log.checkInCount, 0);
      onProgress({ phase: 'writing', done: written + Math.round((recordWrites * putSoFar) / inMonths), total: toWrite });
    }
    if (emptied.length > 0) await database.monthLogs.bulkDelete(emptied);
    // A pair written on its own counts too: deleting a pair leaves its derived records as they were
    // (see deletePair), so a pair brought back by a newer copy may have been showing stale ones.
    const touched = new Set([...writes.pairs.map((pair) => pair.id), ...[...writes.sessions, ...writes.checkIns].map((record) => record.pairId)]);
    // A pair whose months were all read (or, onto a device with none, all written) has its digest
    // and figures built from them as they now stand, rather than read back; the rest are read.
    const known = [...touched].filter(logged.allMonthsKnown);
    const unknown = [...touched].filter((pairId) => !logged.allMonthsKnown(pairId));
    const { sessions, checkIns } = recordsInMonths(applyMonthChanges(logged.months, { put, emptied }));
    await refreshPairDigestsFrom(database, known, { pairs: writes.pairs, sessions, checkIns });
    await refreshPairDigests(database, unknown);
    return {
      ok: true,
      summary: {
        records: total,
        counts: plan.counts,
        total: plan.total,
        deletedWithPair: settled.deletedWithPair,
        scope: envelope.scope,
        exportedAt: envelope.exportedAt,
        appVersion: envelope.appVersion,
      },
    };
  });
}

/*
 * Dexie tells every tab what a write changed. For a call of fewer than 50 records it names each
 * key of each index, and a month's `recordIds` index has one key per session and check-in: a file
 * whose months are few and large (thousands of records a month) named 200,000 ids, and the page
 * that received the message spent half a second taking it in. A call of 50 records or more is
 * named as a whole range instead. So a run of fewer than 50 large months goes out with small
 * placeholder months beside it, deleted again in the same transaction: no reader ever sees them.
 */
const NAMED_KEY_BY_KEY_BELOW = 50;
const PLACEHOLDER_PAIR = '\uffffimport-placeholder';
const LARGE_RUN = 500;

async function putMonths(database: MentorlogDatabase, chunk: readonly MonthLog[]): Promise<void> {
  const ids = chunk.reduce((sum, log) => sum + log.recordIds.length, 0);
  if (chunk.length >= NAMED_KEY_BY_KEY_BELOW || ids < LARGE_RUN) {
    await database.monthLogs.bulkPut([...chunk]);
    return;
  }
  const placeholders: MonthLog[] = Array.from({ length: NAMED_KEY_BY_KEY_BELOW - chunk.length }, (_, index) => ({
    pairId: PLACEHOLDER_PAIR,
    month: String(index).padStart(4, '0'),
    sessions: [],
    checkIns: [],
    sessionCount: 0,
    checkInCount: 0,
    recordIds: [],
  }));
  await database.monthLogs.bulkPut([...chunk, ...placeholders]);
  await database.monthLogs.where(':id').between([PLACEHOLDER_PAIR, Dexie.minKey], [PLACEHOLDER_PAIR, Dexie.maxKey], true, true).delete();
}

/** Months in runs of about WRITE_CHUNK sessions and check-ins, one Dexie call each (a month may be large). */
function* monthChunks(months: readonly MonthLog[]): Generator<MonthLog[]> {
  let chunk: MonthLog[] = [];
  let records = 0;
  for (const month of months) {
    chunk.push(month);
    records += month.sessionCount + month.checkInCount;
    if (records >= WRITE_CHUNK) {
      yield chunk;
      chunk = [];
      records = 0;
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** `bulkGet` in calls of WRITE_CHUNK keys: the records found, by id. */
async function recordsById<T extends RecordFields>(table: { bulkGet(keys: string[]): Promise<(T | undefined)[]> }, ids: Iterable<string>): Promise<Map<string, T>> {
  const wanted = [...new Set(ids)];
  const byId = new Map<string, T>();
  const calls: Promise<void>[] = [];
  for (let start = 0; start < wanted.length; start += WRITE_CHUNK) {
    calls.push(
      table.bulkGet(wanted.slice(start, start + WRITE_CHUNK)).then((found) => {
        for (const record of found) if (record) byId.set(record.id, record);
      }),
    );
  }
  await Promise.all(calls);
  return byId;
}

type DeviceRead = DeviceCopies & {
  people: Map<string, Person>;
  pairs: Map<string, Pair>;
  sessions: Map<string, Session>;
  checkIns: Map<string, CheckIn>;
  /** The months read, to write over. */
  months: MonthLog[];
  /** Whether all of a pair's months were read (all of them, on a device that holds none). */
  allMonthsKnown: (pairId: string) => boolean;
  /** Whether the device holds any session or check-in. */
  heldAny: boolean;
};

/**
 * What the device holds of what the file touches: the people and pairs the file holds or names;
 * every month of the pairs whose sessions and check-ins the file holds, and of the pairs it holds
 * that the device has too (a newer copy may move their start or delete them); and, for every id
 * of the file new to its own table, where the device holds it as anything else (ids are unique
 * across the device).
 */
async function readDeviceCopies(database: MentorlogDatabase, records: BackupRecords): Promise<DeviceRead> {
  const outside = referencedOutsideFile(records);
  const [people, pairs, heldAny, peopleHeld, pairsHeld] = await Promise.all([
    recordsById(database.people, [...records.people.map((person) => person.id), ...outside.people]),
    recordsById(database.pairs, [...records.pairs.map((pair) => pair.id), ...outside.pairs]),
    // Restoring onto a new device: nothing to compare with, so no month is read.
    holdsAnyRecord(database),
    database.people.count(),
    database.pairs.count(),
  ]);
  const pairsRead = new Set([...records.sessions, ...records.checkIns].map((record) => record.pairId));
  for (const pair of records.pairs) if (pairs.has(pair.id)) pairsRead.add(pair.id);
  // Asked for together: one after another, a file of 1,000 pairs waited ~1,000 round trips.
  const months = heldAny ? (await Promise.all([...pairsRead].map((pairId) => readPairLogs(database, pairId)))).flat() : [];
  const { sessions, checkIns } = recordsInMonths(months);
  const device: DeviceRead = {
    people,
    pairs,
    sessions: new Map(sessions.map((session) => [session.id, session])),
    checkIns: new Map(checkIns.map((checkIn) => [checkIn.id, checkIn])),
    heldElsewhere: new Map(),
    months,
    allMonthsKnown: (pairId: string) => !heldAny || pairsRead.has(pairId),
    heldAny,
  };

  const newPeople = records.people.filter((person) => !people.has(person.id)).map((person) => person.id);
  const newPairs = records.pairs.filter((pair) => !pairs.has(pair.id)).map((pair) => pair.id);
  const newLogged = [...records.sessions, ...records.checkIns].filter((record) => !device.sessions.has(record.id) && !device.checkIns.has(record.id)).map((record) => record.id);
  const heldElsewhere = device.heldElsewhere as Map<string, IdHolder>;
  const [asPairs, asPeople, inMonths] = await Promise.all([
    pairsHeld > 0 ? recordsById(database.pairs, [...newPeople, ...newLogged]) : new Map<string, Pair>(),
    peopleHeld > 0 ? recordsById(database.people, [...newPairs, ...newLogged]) : new Map<string, Person>(),
    heldAny ? monthsHoldingIds(database, [...newPeople, ...newPairs, ...newLogged]) : new Map<string, MonthLogKey>(),
  ]);
  for (const id of asPairs.keys()) heldElsewhere.set(id, { table: 'pairs' });
  for (const id of asPeople.keys()) heldElsewhere.set(id, { table: 'people' });
  if (inMonths.size > 0) {
    // Which kind of record holds each id: only the few months that hold one are read.
    const holding = await database.monthLogs.bulkGet([...new Map([...inMonths.values()].map((key) => [key.join('|'), key])).values()]);
    for (const log of holding) {
      if (!log) continue;
      for (const table of ['sessions', 'checkIns'] as const) {
        for (const record of log[table]) if (inMonths.has(record.id)) heldElsewhere.set(record.id, { table, pairId: log.pairId });
      }
    }
  }
  return device;
}

/**
 * When the file deletes people, what on the device still names them: the pairs, by index, and
 * every session and check-in (there is no index by person, and a file deletes a person rarely).
 */
async function readWhatNamesDeletedPeople(database: MentorlogDatabase, people: readonly Person[], device: DeviceRead): Promise<void> {
  const deleted = people.filter((person) => person.deletedAt !== null).map((person) => person.id);
  if (deleted.length === 0) return;
  const [asMentor, asMentee, all] = await Promise.all([
    database.pairs.where('mentorId').anyOf(deleted).toArray(),
    database.pairs.where('menteeId').anyOf(deleted).toArray(),
    device.heldAny ? readAllLogged(database) : { sessions: [], checkIns: [] },
  ]);
  for (const pair of [...asMentor, ...asMentee]) if (!device.pairs.has(pair.id)) device.pairs.set(pair.id, pair);
  for (const session of all.sessions) if (!device.sessions.has(session.id)) device.sessions.set(session.id, session);
  for (const checkIn of all.checkIns) if (!device.checkIns.has(checkIn.id)) device.checkIns.set(checkIn.id, checkIn);
}

/** How many records each table holds, deleted ones included: what a device backup would carry. */
export async function countDeviceRecords(database: MentorlogDatabase = appDatabase): Promise<Record<BackupTable, number>> {
  const [people, pairs, { sessions, checkIns }] = await Promise.all([database.people.count(), database.pairs.count(), countLogged(database)]);
  return { people, pairs, sessions, checkIns };
}
