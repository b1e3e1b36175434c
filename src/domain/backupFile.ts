import { z } from 'zod';
import { backupTables, type BackupRecords, type BackupTable } from './backupRecords';
import { checkInSchema } from './checkIn';
import { pairSchema } from './pair';
import { personSchema } from './person';
import { isoTimestampSchema } from './record';
import { sessionSchema } from './session';

/**
 * The backup file: every record of the device (or of one pair, for the partner) with a header
 * saying what the file is. Import checks the whole file against the same zod schemas that forms and
 * database writes use (readBackup.ts, checkBackupRecords.ts), reports each problem with where it is
 * (table, index, id, field: backupProblems.ts), checks that references point somewhere
 * (backupReferences.ts), and plans a merge by id in which the newest change wins (planMerge.ts).
 *
 * Everything here is pure, so that it can run anywhere and is tested with plain inputs. The checks
 * are a generator so that the caller can yield to the event loop between chunks of a large file.
 */

export const BACKUP_FORMAT = 'mentorlog-backup';
/**
 * 2: sessions carry `notesVisibility`. A version-1 file still imports: its sessions were read by
 * both partners, so they arrive as 'pair' (`inCurrentFormat`).
 */
export const BACKUP_FORMAT_VERSION = 2;
const formatVersionSchema = z.union([z.literal(1), z.literal(BACKUP_FORMAT_VERSION)]);

/** A device backup holds everything on the device; a pair share holds one pair, for its partner. */
export const backupScopeSchema = z.enum(['device', 'pair']);
export type BackupScope = z.infer<typeof backupScopeSchema>;

const headerShape = {
  format: z.literal(BACKUP_FORMAT),
  formatVersion: formatVersionSchema,
  appVersion: z.string().min(1).max(100),
  exportedAt: isoTimestampSchema,
  scope: backupScopeSchema,
};

/** The whole file in one schema: what export writes (its tests check this) and what import accepts. */
export const backupFileSchema = z.object({
  ...headerShape,
  records: z.object({
    people: z.array(personSchema),
    pairs: z.array(pairSchema),
    sessions: z.array(sessionSchema),
    checkIns: z.array(checkInSchema),
  }),
});
export type BackupFile = z.infer<typeof backupFileSchema>;

/**
 * The same file with its records left unchecked. Import checks the header first, then each record
 * on its own, so it can locate every problem and report progress through a large file.
 */
export const backupEnvelopeSchema = z.object({
  ...headerShape,
  records: z.object({
    people: z.array(z.unknown()),
    pairs: z.array(z.unknown()),
    sessions: z.array(z.unknown()),
    checkIns: z.array(z.unknown()),
  }),
});
export type BackupEnvelope = z.infer<typeof backupEnvelopeSchema>;

export type BackupHeader = Omit<BackupFile, 'records'>;

/**
 * A record of a file in the shape of this format version, before it is checked: a version-1 file's
 * sessions had no visibility and were read by both partners, so they become 'pair' (whatever such
 * a file says in a field version 1 did not have, which version 1 dropped on import).
 */
export function inCurrentFormat(
  formatVersion: BackupHeader['formatVersion'],
  table: BackupTable,
  raw: unknown,
): unknown {
  if (formatVersion !== 1 || table !== 'sessions' || typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return raw;
  return { ...raw, notesVisibility: 'pair' };
}

/** What a backup file says about itself, ahead of its records. */
export function buildBackupHeader(options: {
  scope: BackupScope;
  appVersion: string;
  exportedAt: string;
}): BackupHeader {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: options.appVersion,
    exportedAt: options.exportedAt,
    scope: options.scope,
  };
}

export function buildBackupFile(options: {
  scope: BackupScope;
  appVersion: string;
  exportedAt: string;
  records: BackupRecords;
}): BackupFile {
  const { people, pairs, sessions, checkIns } = options.records;
  return { ...buildBackupHeader(options), records: { people, pairs, sessions, checkIns } };
}

/** Records as JSON writes them inside a list, without its brackets: one run of a table's records. */
export function recordsText(records: readonly unknown[]): string {
  return JSON.stringify(records).slice(1, -1);
}

/**
 * A backup file's text, in parts, from its header and each table's records in runs, in order: each
 * run is the text of some records (see `recordsText`), never empty, or something that stands for
 * it (export hands in Blobs). Joined, the parts are exactly `JSON.stringify` of the same file, so a
 * large backup is made a run at a time, never as one string.
 */
export function backupFileParts<Run>(
  header: BackupHeader,
  runs: { [T in BackupTable]: readonly Run[] },
): Array<string | Run> {
  // The header's keys and then "records", last, as in buildBackupFile.
  const parts: Array<string | Run> = [`${JSON.stringify(header).slice(0, -1)},"records":{`];
  for (const [index, table] of backupTables.entries()) {
    parts.push(`${index > 0 ? ',' : ''}${JSON.stringify(table)}:[`);
    for (const [position, run] of runs[table].entries()) {
      if (position > 0) parts.push(',');
      parts.push(run);
    }
    parts.push(']');
  }
  parts.push('}}');
  return parts;
}
