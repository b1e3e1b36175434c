import type { Collection, Table } from 'dexie';
import { version as appVersion } from '../../package.json';
import { db as appDatabase, type MentorlogDatabase } from '../db/database';
import { readAllLogged, readLogsOfPairRange, readPairRecords, recordsInMonths, type MonthLog } from '../db/monthLogs';
import {
  backupFileParts,
  buildBackupFile,
  buildBackupHeader,
  recordsText,
  type BackupFile,
} from '../domain/backupFile';
import type { BackupRecords } from '../domain/backupRecords';
import { localToday } from '../domain/dates';
import { pairShareRecords } from '../domain/pairShare';
import type { RecordFields } from '../domain/record';
import { sideInPair } from '../domain/visibility';
import { withOpenedWords } from '../domain/privateWords';
import { lockedWordsOf } from '../db/lockedWords';
import { unlockedVaultKey } from './appLock';
import { tableOf, tablesOf } from './backupTables';
import { openRows } from './lockedWords';

export { appVersion };

/**
 * Every record in every table, deleted ones included (a deletion must travel to the other device):
 * people and pairs by id, sessions and check-ins by pair, then date, then id.
 */
export async function readAllRecords(database: MentorlogDatabase = appDatabase): Promise<BackupRecords> {
  return database.transaction('r', tablesOf(database), async () => {
    const [people, pairs, { sessions, checkIns }] = await Promise.all([
      database.people.toArray(),
      database.pairs.toArray(),
      readAllLogged(database),
    ]);
    return { people, pairs, sessions, checkIns };
  });
}

/**
 * The device backup: everything on this device, private reflections included, because it is the
 * device owner's own copy, for restoring here or on their next device.
 */
export async function exportDevice(
  database: MentorlogDatabase = appDatabase,
  now: Date = new Date(),
): Promise<BackupFile> {
  const words = await openedWordsOfDevice(database);
  const records = await readAllRecords(database);
  records.sessions = withOpenedWords('sessions', records.sessions, words);
  records.checkIns = withOpenedWords('checkIns', records.checkIns, words);
  return buildBackupFile({ scope: 'device', appVersion, exportedAt: now.toISOString(), records });
}

/**
 * The words the app lock keeps sealed on this device, opened, by record id: a device backup is the
 * owner's own copy and carries them as it did before the lock (none without a lock). Opened before
 * the backup's read transaction, which an await on Web Crypto would commit early.
 */
async function openedWordsOfDevice(database: MentorlogDatabase): Promise<Map<string, unknown>> {
  const vaultKey = unlockedVaultKey();
  return vaultKey ? openRows(await lockedWordsOf(database).toArray(), vaultKey) : new Map();
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
function loggedRuns(
  database: MentorlogDatabase,
  words: ReadonlyMap<string, unknown>,
): Promise<{ sessions: Blob[]; checkIns: Blob[]; count: number }> {
  let count = 0;
  const runs = idRanges().map(([lower, upper]) =>
    readLogsOfPairRange(database, lower, upper).then((logs: MonthLog[]) => {
      const { sessions, checkIns } = recordsInMonths(logs);
      count += sessions.length + checkIns.length;
      return {
        sessions: textRun(words.size > 0 ? withOpenedWords('sessions', sessions, words) : sessions),
        checkIns: textRun(words.size > 0 ? withOpenedWords('checkIns', checkIns, words) : checkIns),
      };
    }),
  );
  return Promise.all(runs).then((read) => ({
    sessions: read.flatMap((run) => run.sessions),
    checkIns: read.flatMap((run) => run.checkIns),
    count,
  }));
}

/**
 * The device backup (see `exportDevice`) as a file to download: the same text as
 * `backupToJson(await exportDevice())`, made while the records are read rather than after and
 * never held as one string, so that a large device (216,000 records, 100 MB) is ready in about the
 * time the reading takes.
 */
export async function exportDeviceDownload(
  database: MentorlogDatabase = appDatabase,
  now: Date = new Date(),
): Promise<BackupDownload> {
  const header = buildBackupHeader({ scope: 'device', appVersion, exportedAt: now.toISOString() });
  const words = await openedWordsOfDevice(database);
  const [people, pairs, logged] = await database.transaction('r', tablesOf(database), () =>
    Promise.all([
      tableRuns(tableOf(database, 'people')),
      tableRuns(tableOf(database, 'pairs')),
      loggedRuns(database, words),
    ]),
  );
  const parts = backupFileParts(header, {
    people: people.runs,
    pairs: pairs.runs,
    sessions: logged.sessions,
    checkIns: logged.checkIns,
  });
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
    const [people, { sessions, checkIns }] = await Promise.all([
      database.people.bulkGet([pair.mentorId, pair.menteeId]),
      readPairRecords(database, pairId),
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
