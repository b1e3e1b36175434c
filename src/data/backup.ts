import { Dexie, type Collection, type Table } from 'dexie';
import { version as appVersion } from '../../package.json';
import { db as appDatabase, type MentorlogDatabase } from '../db/database';
import { refreshPairDigests, refreshPairDigestsFrom } from '../db/pairDigests';
import {
  backupFileParts,
  backupTables,
  buildBackupFile,
  buildBackupHeader,
  checkBackupRecords,
  countRecords,
  findReferenceProblems,
  pairShareRecords,
  planMerge,
  readBackupText,
  recordsText,
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

/** Roughly how many ids reading all of a table's keys costs per id looked up one by one (Chromium). */
const IDS_PER_LOOKUP = 30;

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

/** A backup file ready to download. */
export interface BackupDownload {
  scope: BackupFile['scope'];
  /** The file: JSON text, as `backupToJson` writes it. */
  blob: Blob;
  /** Records in the file. */
  records: number;
}

/**
 * Where each table is split for reading: ids are UUIDs, spread evenly over their first hex digit.
 * The ranges only need to cover every key in order; any id, UUID or not, falls in one of them.
 */
const ID_SPLITS = [...'123456789abcdef'];

/**
 * A table's records as runs of JSON text in Blobs, in id order (the order of a whole-table read),
 * one per range of ids that has records. All the ranges are asked for at once, so that each is
 * turned into text and handed to the browser as it arrives, while the database reads the next.
 */
function tableRuns(table: Table<RecordFields, string>): Promise<{ runs: Blob[]; count: number }> {
  const ranges: Collection<RecordFields, string>[] = [];
  let lower: string | null = null;
  for (const upper of ID_SPLITS) {
    ranges.push(lower === null ? table.where(':id').below(upper) : table.where(':id').between(lower, upper));
    lower = upper;
  }
  ranges.push(table.where(':id').aboveOrEqual(lower ?? ''));
  let count = 0;
  const runs = ranges.map((range) =>
    range.toArray().then((records) => {
      count += records.length;
      return records.length > 0 ? [new Blob([recordsText(records)])] : [];
    }),
  );
  return Promise.all(runs).then((blobs) => ({ runs: blobs.flat(), count }));
}

/**
 * The device backup (see `exportDevice`) as a file to download: the same text as
 * `backupToJson(await exportDevice())`, made while the records are read rather than after and
 * never held as one string, so that a large device (216,000 records, 100 MB) is ready in about the
 * time the reading takes.
 */
export async function exportDeviceDownload(database: MentorlogDatabase = appDatabase, now: Date = new Date()): Promise<BackupDownload> {
  const header = buildBackupHeader({ scope: 'device', appVersion, exportedAt: now.toISOString() });
  const read = (table: BackupTable) => tableRuns(tableOf(database, table));
  const tables = await database.transaction('r', tablesOf(database), () =>
    Promise.all([read('people'), read('pairs'), read('sessions'), read('checkIns')]),
  );
  const [people, pairs, sessions, checkIns] = tables;
  const parts = backupFileParts(header, { people: people.runs, pairs: pairs.runs, sessions: sessions.runs, checkIns: checkIns.runs });
  return {
    scope: header.scope,
    blob: new Blob(parts, { type: 'application/json' }),
    records: tables.reduce((sum, table) => sum + table.count, 0),
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
  return database.transaction('rw', [...tablesOf(database), database.pairDigests, database.pairMonths], async (): Promise<ImportResult> => {
    const outside = referencedOutsideFile(records);
    const [people, pairs] = await Promise.all([database.people.bulkGet(outside.people), database.pairs.bulkGet(outside.pairs)]);
    const onDevice = {
      people: new Set(people.flatMap((person) => (person ? [person.id] : []))),
      pairs: new Set(pairs.flatMap((pair) => (pair ? [pair.id] : []))),
    };
    const referenceProblems = findReferenceProblems(records, onDevice);
    if (referenceProblems.count > 0) return refused(referenceProblems.shown, referenceProblems.count);

    const held = await countDeviceRecords(database);
    const existing = {
      people: await existingRecords(database, 'people', records.people, held.people),
      pairs: await existingRecords(database, 'pairs', records.pairs, held.pairs),
      sessions: await existingRecords(database, 'sessions', records.sessions, held.sessions),
      checkIns: await existingRecords(database, 'checkIns', records.checkIns, held.checkIns),
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
    const touched = [...plan.writes.pairs.map((pair) => pair.id), ...[...plan.writes.sessions, ...plan.writes.checkIns].map((record) => record.pairId)];
    // Onto a device with no sessions or check-ins (a restore), every pair's are the ones just
    // written, so its digest and figures are built from them rather than read back.
    if (held.sessions === 0 && held.checkIns === 0) await refreshPairDigestsFrom(database, touched, plan.writes);
    else await refreshPairDigests(database, touched);
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
  held: number,
): Promise<Map<string, Pick<RecordFields, 'updatedAt' | 'deletedAt'>>> {
  const byId = new Map<string, Pick<RecordFields, 'updatedAt' | 'deletedAt'>>();
  // Restoring onto a new device: nothing to compare with, so skip reading back every id.
  if (incoming.length === 0 || held === 0) return byId;
  let wanted = incoming.map((record) => record.id);
  // Looking up an id the table lacks costs about as much as one it has. When the file brings more
  // than a small share of what the table holds (the second of several files of a large program),
  // reading every id the table holds, keys only, is far cheaper, and only those found are read.
  if (wanted.length * IDS_PER_LOOKUP > held) {
    const onDevice = new Set(await tableOf(database, table).toCollection().primaryKeys());
    wanted = wanted.filter((id) => onDevice.has(id));
  }
  for (let start = 0; start < wanted.length; start += WRITE_CHUNK) {
    const ids = wanted.slice(start, start + WRITE_CHUNK);
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
