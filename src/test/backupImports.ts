import { db } from '../db/database';
import { putRecords } from '../db/monthLogs';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from '../domain/backupFile';
import { describeProblem } from '../domain/backupProblems';
import type { BackupRecords } from '../domain/backupRecords';
import { readAllRecords } from '../data/exportBackup';
import type { ImportResult } from '../data/importBackup';
import { aPair, aPerson } from './builders';

/** The whole database as text: equal text means not a byte of any record changed. */
export async function dump(): Promise<string> {
  return JSON.stringify(await readAllRecords());
}

/** A mentor and mentee with their pair, on this device or just in memory. */
export function aPairWithPeople() {
  const mentor = aPerson({ name: 'Alex Chen' });
  const mentee = aPerson({ name: 'Sam Lee' });
  const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id });
  return { mentor, mentee, pair };
}

export async function storeRecords(records: Partial<BackupRecords>): Promise<void> {
  // The records alone, without their pairs' digests: what import must cope with on any device.
  await db.transaction('rw', [db.people, db.pairs, db.monthLogs], async () => {
    await db.people.bulkPut(records.people ?? []);
    await db.pairs.bulkPut(records.pairs ?? []);
    await putRecords(db, { sessions: records.sessions ?? [], checkIns: records.checkIns ?? [] });
  });
}

export function fileWith(
  records: Partial<Record<keyof BackupRecords, unknown[]>>,
  header: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: '0.1.0',
    exportedAt: '2026-03-21T18:00:00.000Z',
    scope: 'device',
    records: { people: [], pairs: [], sessions: [], checkIns: [], ...records },
    ...header,
  });
}

export function messages(result: ImportResult): string[] {
  if (result.ok) throw new Error('The import was accepted.');
  return result.problems.map(describeProblem);
}
