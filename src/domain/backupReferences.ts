import type { BackupRecords, BackupTable } from './backupRecords';
import { ProblemList } from './backupProblems';
import type { RecordFields } from './record';

/** The tables a record can point into. */
export interface KnownIds {
  people: ReadonlySet<string>;
  pairs: ReadonlySet<string>;
}

function idsOf(records: readonly RecordFields[]): Set<string> {
  return new Set(records.map((record) => record.id));
}

interface Reference {
  table: 'people' | 'pairs';
  id: string;
  field: string;
}

function* referencesOf(
  records: BackupRecords,
): Generator<Reference & { from: BackupTable; index: number; fromId: string }> {
  for (const [index, pair] of records.pairs.entries()) {
    yield { from: 'pairs', index, fromId: pair.id, table: 'people', id: pair.mentorId, field: 'mentorId' };
    yield { from: 'pairs', index, fromId: pair.id, table: 'people', id: pair.menteeId, field: 'menteeId' };
  }
  for (const [index, session] of records.sessions.entries()) {
    yield { from: 'sessions', index, fromId: session.id, table: 'pairs', id: session.pairId, field: 'pairId' };
    yield { from: 'sessions', index, fromId: session.id, table: 'people', id: session.loggedById, field: 'loggedById' };
  }
  // A check-in's link to its session is optional and the check-in stands on its own without it,
  // so a link to a session that is gone is kept rather than refused.
  for (const [index, checkIn] of records.checkIns.entries()) {
    yield { from: 'checkIns', index, fromId: checkIn.id, table: 'pairs', id: checkIn.pairId, field: 'pairId' };
    yield { from: 'checkIns', index, fromId: checkIn.id, table: 'people', id: checkIn.raterId, field: 'raterId' };
  }
}

/** Ids that records in the file point to but that the file does not hold: the caller looks them up on the device. */
export function referencedOutsideFile(records: BackupRecords): { people: string[]; pairs: string[] } {
  const inFile = { people: idsOf(records.people), pairs: idsOf(records.pairs) };
  const outside = { people: new Set<string>(), pairs: new Set<string>() };
  for (const reference of referencesOf(records)) {
    if (!inFile[reference.table].has(reference.id)) outside[reference.table].add(reference.id);
  }
  return { people: [...outside.people], pairs: [...outside.pairs] };
}

const referenceNouns = { people: 'person', pairs: 'pair' } as const;

/**
 * Every reference must point to a record in the file or already on the device (`onDevice`), so
 * that an import never leaves a session without its pair or a pair without its people. The indexes
 * in the problems are positions in the checked records, which match the file when it has no other problems.
 */
export function findReferenceProblems(records: BackupRecords, onDevice: KnownIds): ProblemList {
  const problems = new ProblemList();
  const inFile = { people: idsOf(records.people), pairs: idsOf(records.pairs) };
  for (const reference of referencesOf(records)) {
    if (inFile[reference.table].has(reference.id) || onDevice[reference.table].has(reference.id)) continue;
    problems.add({
      table: reference.from,
      index: reference.index,
      id: reference.fromId,
      field: reference.field,
      message: `points to a ${referenceNouns[reference.table]} (id ${reference.id}) that is neither in this file nor on this device.`,
    });
  }
  return problems;
}
