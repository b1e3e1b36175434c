import { Dexie } from 'dexie';
import { db as appDatabase, pendingMarkTables, type MentorlogDatabase } from '../db/database';
import { MonthLogDraft, applyMonthChanges, recordsInMonths, type MonthLog } from '../db/monthLogs';
import { refreshPairDigests, refreshPairDigestsFrom } from '../db/pairDigests';
import type { BackupFile } from '../domain/backupFile';
import { ProblemList, type BackupProblem } from '../domain/backupProblems';
import { countRecords, type BackupTable } from '../domain/backupRecords';
import { findReferenceProblems } from '../domain/backupReferences';
import { checkBackupRecords } from '../domain/checkBackupRecords';
import { findIdProblems, settleMerge } from '../domain/importRules';
import { planMerge, type MergeCounts } from '../domain/planMerge';
import { readBackupText } from '../domain/readBackup';
import type { RecordFields } from '../domain/record';
import type { SyncAccount } from '../domain/syncAccount';
import type { SyncRecord } from '../domain/syncedRecord';
import { tableOf, tablesOf, WRITE_CHUNK } from './backupTables';
import { markPending } from './pendingChanges';
import { readDeviceCopies, readWhatNamesDeletedPeople } from './readDeviceCopies';
import { readSyncAccount } from './syncAccount';

/** How long checking runs before it lets the page handle input and paint again. */
const CHECK_SLICE_MS = 25;

/**
 * The largest file import will read. 200,000 records make about 100 MB; beyond a few hundred MB a
 * browser tab may run out of memory reading the text, so refuse early with a plain reason.
 */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;

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

const megabytes = (bytes: number) =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(bytes / (1024 * 1024));

async function readSource(
  source: string | Blob,
): Promise<{ ok: true; text: string } | { ok: false; problem: BackupProblem }> {
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
 *
 * On a device that syncs (`syncAccount`: the worker has no localStorage, so the page passes it),
 * every record written is marked pending in the same transaction, as the app's own writes are: a
 * restored backup or a partner's file may hold what the server lacks, and unmarked it would reach
 * no other device until edited again. What the server already holds costs one conflict each,
 * settled by the merge rule.
 */
export async function importBackup(
  source: string | Blob,
  onProgress: (progress: ImportProgress) => void = () => {},
  database: MentorlogDatabase = appDatabase,
  syncAccount: SyncAccount | null = readSyncAccount(),
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
  return database.transaction(
    'rw',
    [
      ...tablesOf(database),
      database.pairDigests,
      database.pairMonths,
      database.pairLastSessions,
      ...pendingMarkTables(database),
    ],
    async (): Promise<ImportResult> => {
      const device = await readDeviceCopies(database, records);
      const referenceProblems = findReferenceProblems(records, {
        people: new Set(device.people.keys()),
        pairs: new Set(device.pairs.keys()),
      });
      if (referenceProblems.count > 0) return refused(referenceProblems.shown, referenceProblems.count);
      const idProblems = findIdProblems(records, device);
      if (idProblems.length > 0) return refusedAll(idProblems);

      const plan = planMerge(records, {
        people: device.people,
        pairs: device.pairs,
        sessions: device.sessions,
        checkIns: device.checkIns,
      });
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
        draft.remove(
          table,
          writes[table].flatMap((record) => logged[table].get(record.id) ?? []),
        );
        draft.put(table, writes[table]);
      }
      const { put, emptied } = draft.changed();
      const recordWrites = writes.sessions.length + writes.checkIns.length;
      const inMonths = put.reduce((sum, log) => sum + log.sessionCount + log.checkInCount, 0);
      let putSoFar = 0;
      for (const chunk of monthChunks(put)) {
        await putMonths(database, chunk);
        putSoFar += chunk.reduce((sum, log) => sum + log.sessionCount + log.checkInCount, 0);
        onProgress({
          phase: 'writing',
          done: written + Math.round((recordWrites * putSoFar) / inMonths),
          total: toWrite,
        });
      }
      if (emptied.length > 0) await database.monthLogs.bulkDelete(emptied);
      // A pair written on its own counts too: deleting a pair leaves its derived records as they were
      // (see deletePair), so a pair brought back by a newer copy may have been showing stale ones.
      const touched = new Set([
        ...writes.pairs.map((pair) => pair.id),
        ...[...writes.sessions, ...writes.checkIns].map((record) => record.pairId),
      ]);
      // A pair whose months were all read (or, onto a device with none, all written) has its digest
      // and figures built from them as they now stand, rather than read back; the rest are read.
      const known = [...touched].filter(logged.allMonthsKnown);
      const unknown = [...touched].filter((pairId) => !logged.allMonthsKnown(pairId));
      const { sessions, checkIns } = recordsInMonths(applyMonthChanges(logged.months, { put, emptied }));
      await refreshPairDigestsFrom(database, known, { pairs: writes.pairs, sessions, checkIns });
      await refreshPairDigests(database, unknown);
      await markPending(
        database,
        [
          ...writes.people.map((record): SyncRecord => ({ type: 'person', record })),
          ...writes.pairs.map((record): SyncRecord => ({ type: 'pair', record })),
          ...writes.sessions.map((record): SyncRecord => ({ type: 'session', record })),
          ...writes.checkIns.map((record): SyncRecord => ({ type: 'checkIn', record })),
        ],
        syncAccount,
      );
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
    },
  );
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
  await database.monthLogs
    .where(':id')
    .between([PLACEHOLDER_PAIR, Dexie.minKey], [PLACEHOLDER_PAIR, Dexie.maxKey], true, true)
    .delete();
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
