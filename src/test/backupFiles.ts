import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from '../domain/backupFile';
import type { BackupRecords } from '../domain/backupRecords';
import { aCheckIn, aPair, aPerson, aSession } from './builders';

/** A small, consistent program: two people, their pair, a session and the mentee's check-in. */
export function aProgram(): BackupRecords {
  const mentor = aPerson({ name: 'Alex Chen' });
  const mentee = aPerson({ name: 'Sam Lee' });
  const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id });
  const session = aSession({ pairId: pair.id, loggedById: mentor.id });
  const checkIn = aCheckIn({ pairId: pair.id, sessionId: session.id, raterId: mentee.id, side: 'mentee' });
  return { people: [mentor, mentee], pairs: [pair], sessions: [session], checkIns: [checkIn] };
}

export function aFile(records: { [T in keyof BackupRecords]: unknown[] }, header: Record<string, unknown> = {}) {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: '0.1.0',
    exportedAt: '2026-03-21T18:00:00.000Z',
    scope: 'device',
    records,
    ...header,
  };
}
