import { Dexie, type Table } from 'dexie';
import { version as appVersion } from '../../package.json';
import { db as appDatabase, type MentorlogDatabase } from '../db/database';
import { refreshPairDigests } from '../db/pairDigests';
import {
  backupTables,
  buildBackupFile,
  checkBackupRecords,
  countRecords,
  findReferenceProblems,
  pairShareRecords,
  planMerge,
  readBackupText,
  referencedOutsideFile,
  type BackupFile,
  type BackupProblem,
  type BackupRecords,
  type BackupTable,
  type MergeCounts,
} from '../domain/backupFormat';
import { localToday } from '../domain/dates';
import type { RecordFields } from '../domain/record';
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

function tablesOf(database: MentorlogDatabase) {
  return [database.people, database.pairs, database.sessions, database.checkIns];
}

/** A table by its name in the backup file, typed for what import does with it. */
function tableOf(database: MentorlogDatabase, table: BackupTable): Table<RecordFields, string> {
  // Each table holds records of its own type, all of which carry the record fields compared and written here.
  return database[table] as unknown as Table<RecordFields, string>;
}

/** Every record in every table, deleted ones included (a deletion must travel to the other device). */
export async function readAllRecords(database: MentorlogDatabase = appDatabase): Promise<BackupRecords> {
  return database.transaction('r', tablesOf(database), async () => {
    const [people, pairs, sessions, checkIns] = await Promise.all([
      database.people.toArray(),
      database.pairs.toArray(),
      database.sessions.toArray(),
      database.checkIns.toArray(),
    ]);
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
    const [people, sessions, checkIns] = await Promise.all([
      database.people.bulkGet([pair.mentorId, pair.menteeId]),
      database.sessions.where('[pairId+date]').between([pairId, Dexie.minKey], [pairId, Dexie.maxKey]).toArray(),
      database.checkIns.where('[pairId+date]').between([pairId, Dexie.minKey], [pairId, Dexie.maxKey]).toArray(),
    ]);
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
  // The checks yield every few hundred records; the page gets a turn once a slice of time has passed.
  const steps = checkBackupRecords(envelope, 250);
  let step = steps.next();
  let sliceStart = performance.now();
  while (!step.done) {
    if (performance.now() - sliceStart > CHECK_SLICE_MS) {
      onProgress({ phase: 'checking', done: step.value.checked, total });
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
    step = steps.next();
  }
  onProgress({ phase: 'checking', done: total, total });
  const { records, problems } = step.value;
  if (problems.count > 0) return refused(problems.shown, problems.count);

  // From here on only Dexie is awaited: anything else would let the transaction commit early.
  return database.transaction('rw', [...tablesOf(database), database.pairDigests, database.pairMonths], async (): Promise<ImportResult> => {
    const outside = referencedOutsideFile(records);
    const [people, pairs] = await Promise.all([database.people.bulkGet(outside.people), database.pairs.bulkGet(outside.pairs)]);
    const onDevice = {
      people: new Set(people.flatMap((person) => (person ? [person.id] : []))),
      pairs: new Set(pairs.flatMap((pair) => (pair ? [pair.id] : []))),
    };
    const referenceProblems = findReferenceProblems(records, onDevice);
    if (referenceProblems.count > 0) return refused(referenceProblems.shown, referenceProblems.count);

    const existing = {
      people: await existingRecords(database, 'people', records.people),
      pairs: await existingRecords(database, 'pairs', records.pairs),
      sessions: await existingRecords(database, 'sessions', records.sessions),
      checkIns: await existingRecords(database, 'checkIns', records.checkIns),
    };
    const plan = planMerge(records, existing);

    const toWrite = countRecords(plan.writes);
    let written = 0;
    onProgress({ phase: 'writing', done: 0, total: toWrite });
    for (const table of backupTables) {
      const rows: readonly RecordFields[] = plan.writes[table];
      for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
        const chunk = rows.slice(start, start + WRITE_CHUNK);
        await tableOf(database, table).bulkPut(chunk);
        written += chunk.length;
        onProgress({ phase: 'writing', done: written, total: toWrite });
      }
    }
    // A pair written on its own counts too: deleting a pair leaves its derived records as they were
    // (see deletePair), so a pair brought back by a newer copy may have been showing stale ones.
    await refreshPairDigests(database, [
      ...plan.writes.pairs.map((pair) => pair.id),
      ...[...plan.writes.sessions, ...plan.writes.checkIns].map((record) => record.pairId),
    ]);
    return {
      ok: true,
      summary: {
        records: total,
        counts: plan.counts,
        total: plan.total,
        scope: envelope.scope,
        exportedAt: envelope.exportedAt,
        appVersion: envelope.appVersion,
      },
    };
  });
}

/** The device's copies of the incoming records, by id: only what the merge compares. */
async function existingRecords(
  database: MentorlogDatabase,
  table: BackupTable,
  incoming: readonly RecordFields[],
): Promise<Map<string, Pick<RecordFields, 'updatedAt' | 'deletedAt'>>> {
  const byId = new Map<string, Pick<RecordFields, 'updatedAt' | 'deletedAt'>>();
  // Restoring onto a new device: nothing to compare with, so skip reading back every id.
  if (incoming.length === 0 || (await tableOf(database, table).count()) === 0) return byId;
  for (let start = 0; start < incoming.length; start += WRITE_CHUNK) {
    const ids = incoming.slice(start, start + WRITE_CHUNK).map((record) => record.id);
    const found = await tableOf(database, table).bulkGet(ids);
    for (const record of found) {
      if (record) byId.set(record.id, { updatedAt: record.updatedAt, deletedAt: record.deletedAt });
    }
  }
  return byId;
}

/** How many records each table holds, deleted ones included: what a device backup would carry. */
export async function countDeviceRecords(database: MentorlogDatabase = appDatabase): Promise<Record<BackupTable, number>> {
  const [people, pairs, sessions, checkIns] = await Promise.all([
    database.people.count(),
    database.pairs.count(),
    database.sessions.count(),
    database.checkIns.count(),
  ]);
  return { people, pairs, sessions, checkIns };
}
