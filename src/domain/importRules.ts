import type { BackupProblem } from './backupProblems';
import { backupTables, type BackupRecords, type BackupTable } from './backupRecords';
import type { CheckIn } from './checkIn';
import type { Pair } from './pair';
import type { Person } from './person';
import type { MergePlan } from './planMerge';
import {
  addYears,
  afterTodayProblem,
  beforePairStartProblem,
  dueDateProblem,
  pairEndProblem,
  pairStartProblem,
  startAfterRecordProblem,
  timestampProblem,
} from './plausibleDate';
import type { RecordFields } from './record';
import type { Session } from './session';
import { keepingPrivateWords } from './session';
import { plausibleDates } from './thresholds';

/*
 * The rules an import holds the device to, beyond each record's own schema, so that no accepted
 * file leaves the device in a state its own backup could not be restored from:
 *  - every id is unique across the device: one record, of one kind, in one pair;
 *  - dates are plausible (`plausibleDates` in thresholds.ts);
 *  - nothing live points at something deleted: a pair that is not deleted names two people who are
 *    not, and so does a session or check-in; a session or check-in of a deleted pair is deleted too,
 *    as deleting a pair in the app does.
 * The checks look at the device as it will be once the merge is written: the file's winning copies
 * over the device's records that the caller read.
 */

const nouns: Record<BackupTable, string> = {
  people: 'a person',
  pairs: 'a pair',
  sessions: 'a session',
  checkIns: 'a check-in',
};

type Located = Omit<BackupProblem, 'message'> & { message: string };

const NO_PROBLEMS: readonly { field: string; message: string }[] = [];

/**
 * The rules one record must meet on its own, plausible dates and timestamps, as a check made once
 * for `today` and `now`: a record that meets them is passed by a few string comparisons (a backup
 * has 200,000 records), and only one that may not is looked at closely.
 */
export function ownRuleCheck(
  today: string,
  now: Date,
): (table: BackupTable, record: RecordFields) => readonly { field: string; message: string }[] {
  const latestStamp = new Date(
    now.getTime() + plausibleDates.TIMESTAMP_DAYS_AFTER_NOW * 24 * 60 * 60 * 1000,
  ).toISOString();
  const latestDay = addYears(today, plausibleDates.YEARS_AFTER_TODAY);
  // Timestamps in UTC ('…Z', as Mentorlog writes them) compare as text; others are parsed.
  const stampAfter = (stamp: string) =>
    stamp.endsWith('Z') ? stamp > latestStamp : Date.parse(stamp) > Date.parse(latestStamp);
  const mayBreak = (table: BackupTable, record: RecordFields): boolean => {
    if (
      stampAfter(record.createdAt) ||
      stampAfter(record.updatedAt) ||
      (record.deletedAt !== null && stampAfter(record.deletedAt))
    )
      return true;
    if (table === 'pairs') {
      const pair = record as Pair;
      return (
        pair.startDate < plausibleDates.EARLIEST_PAIR_START ||
        pair.startDate > latestDay ||
        (pair.endDate !== null && pair.endDate > latestDay)
      );
    }
    if (table === 'people') return false;
    if ((record as Session | CheckIn).date > latestDay) return true;
    return table === 'sessions' && (record as Session).actionItems.some((item) => item.dueDate !== null);
  };
  return (table, record) => (mayBreak(table, record) ? ownRuleProblems(table, record, today, now) : NO_PROBLEMS);
}

/** The rules one record must meet on its own, each broken one with its field. */
export function ownRuleProblems(
  table: BackupTable,
  record: RecordFields,
  today: string,
  now: Date,
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const add = (field: string, message: string | null) => {
    if (message !== null) problems.push({ field, message });
  };
  add('createdAt', timestampProblem(record.createdAt, now));
  add('updatedAt', timestampProblem(record.updatedAt, now));
  if (record.deletedAt !== null) add('deletedAt', timestampProblem(record.deletedAt, now));
  if (table === 'pairs') {
    const pair = record as Pair;
    add('startDate', pairStartProblem(pair.startDate, today));
    if (pair.endDate !== null) add('endDate', pairEndProblem(pair.endDate, today));
  } else if (table !== 'people') {
    add('date', afterTodayProblem((record as Session | CheckIn).date, today));
  }
  if (table === 'sessions') {
    const session = record as Session;
    for (const [index, item] of session.actionItems.entries()) {
      if (item.dueDate !== null) add(`actionItems[${index}].dueDate`, dueDateProblem(item.dueDate, session.date));
    }
  }
  return problems;
}

/** Where the device holds an id the file uses, as a record the caller did not read in full. */
export interface IdHolder {
  table: BackupTable;
  /** The pair of a session or check-in. */
  pairId?: string;
}

/** What the device holds of what the file touches, read by the caller inside its transaction. */
export interface DeviceCopies {
  /** Every person the file holds or names, and the people of the pairs below, as the device has them. */
  people: ReadonlyMap<string, Person>;
  /** Every pair the file holds or names, and every pair naming a person the file deletes. */
  pairs: ReadonlyMap<string, Pair>;
  /** Every session and check-in of the pairs whose months were read, by id. */
  sessions: ReadonlyMap<string, Session>;
  checkIns: ReadonlyMap<string, CheckIn>;
  /** Ids of the file held on the device as another kind of record, or in months not read. */
  heldElsewhere: ReadonlyMap<string, IdHolder>;
}

function holderText(holder: IdHolder, sameTable: boolean): string {
  const noun = nouns[holder.table];
  const pair = holder.pairId === undefined ? '' : ` (pair ${holder.pairId})`;
  return sameTable ? `${noun} of another pair on this device${pair}` : `${noun} on this device${pair}`;
}

/**
 * Each file record whose id the device holds as another kind of record, or as a session or check-in
 * of another pair: a record's id is unique across the device, and one kind never becomes another.
 */
export function findIdProblems(records: BackupRecords, device: DeviceCopies): Located[] {
  const problems: Located[] = [];
  const check = (
    table: BackupTable,
    index: number,
    record: RecordFields,
    holder: IdHolder | undefined,
    sameTable = false,
  ) => {
    if (!holder) return;
    problems.push({
      table,
      index,
      id: record.id,
      field: 'id',
      message: `is already the id of ${holderText(holder, sameTable)}; every record needs its own id.`,
    });
  };
  const logged = (id: string): IdHolder | undefined => {
    const session = device.sessions.get(id);
    if (session) return { table: 'sessions', pairId: session.pairId };
    const checkIn = device.checkIns.get(id);
    return checkIn ? { table: 'checkIns', pairId: checkIn.pairId } : undefined;
  };
  /** What the device holds under an id other than a record of `table` (people and pairs are read whole). */
  const heldAs = (table: BackupTable, id: string): IdHolder | undefined => {
    if (table !== 'people' && device.people.has(id)) return { table: 'people' };
    if (table !== 'pairs' && device.pairs.has(id)) return { table: 'pairs' };
    return logged(id);
  };
  for (const table of backupTables) {
    for (const [index, record] of (records[table] as readonly RecordFields[]).entries()) {
      const elsewhere = device.heldElsewhere.get(record.id);
      if (elsewhere) {
        check(table, index, record, elsewhere, elsewhere.table === table);
        continue;
      }
      const held = heldAs(table, record.id);
      if (!held) continue;
      // A session or check-in may be a copy of the one the device holds, but only in the same pair.
      if (held.table !== table) check(table, index, record, held);
      else if (held.pairId !== (record as Session | CheckIn).pairId) check(table, index, record, held, true);
    }
  }
  return problems;
}

export interface SettledMerge {
  problems: Located[];
  /** What to write: the plan's writes, with sessions and check-ins of deleted pairs marked deleted. */
  writes: BackupRecords;
  /** Live sessions and check-ins (the file's or the device's) marked deleted because their pair is. */
  deletedWithPair: number;
}

const live = (record: RecordFields) => record.deletedAt === null;

/** The later of two instants, as written. */
function later(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/**
 * Checks the device as the merge would leave it, and marks deleted the live sessions and check-ins
 * of pairs that end up deleted. `device` must hold every session and check-in of the pairs the
 * file holds or writes records of, and, when the file deletes a person, every record naming them.
 */
export function settleMerge(records: BackupRecords, plan: MergePlan, device: DeviceCopies): SettledMerge {
  const problems: Located[] = [];
  const { writes } = plan;
  const fileIndex = <T extends RecordFields>(table: BackupTable, list: readonly T[]) => {
    const indexes = new Map(list.map((record, index) => [record.id, index]));
    return (id: string) => ({ table, index: indexes.get(id), id });
  };
  const at = {
    people: fileIndex('people', records.people),
    pairs: fileIndex('pairs', records.pairs),
    sessions: fileIndex('sessions', records.sessions),
    checkIns: fileIndex('checkIns', records.checkIns),
  };
  const writtenPeople = new Map(writes.people.map((person) => [person.id, person]));
  const writtenPairs = new Map(writes.pairs.map((pair) => [pair.id, pair]));
  const personAfter = (id: string) => writtenPeople.get(id) ?? device.people.get(id);
  const pairAfter = (id: string) => writtenPairs.get(id) ?? device.pairs.get(id);
  const deletedPersonText = (id: string) =>
    `points to a person (id ${id}) who is deleted ${writtenPeople.has(id) ? 'in this file' : 'on this device'}`;

  // A live pair names two live people.
  for (const pair of writes.pairs) {
    if (!live(pair)) continue;
    for (const field of ['mentorId', 'menteeId'] as const) {
      const person = personAfter(pair[field]);
      if (person && !live(person))
        problems.push({
          ...at.pairs(pair.id),
          field,
          message: `${deletedPersonText(pair[field])}; a pair that is not deleted needs its two people.`,
        });
    }
  }
  // A person the file deletes is named by no live pair, session or check-in the device keeps.
  const deletedPeople = new Set(writes.people.filter((person) => !live(person)).map((person) => person.id));
  if (deletedPeople.size > 0) {
    const stillNamed = (personId: string, what: string) =>
      problems.push({
        ...at.people(personId),
        field: 'deletedAt',
        message: `deletes a person whom ${what}, not deleted, still names; delete that first, or import a file that does.`,
      });
    for (const pair of device.pairs.values()) {
      if (writtenPairs.has(pair.id) || !live(pair)) continue;
      for (const personId of [pair.mentorId, pair.menteeId])
        if (deletedPeople.has(personId)) stillNamed(personId, `the pair ${pair.id} on this device`);
    }
    for (const [table, byId] of [
      ['sessions', device.sessions],
      ['checkIns', device.checkIns],
    ] as const) {
      const written = new Set((writes[table] as readonly RecordFields[]).map((record) => record.id));
      for (const record of byId.values()) {
        if (written.has(record.id) || !live(record)) continue;
        const personId = 'raterId' in record ? record.raterId : record.loggedById;
        // A pair not read is one the file leaves as it is: live, since this record is.
        if (deletedPeople.has(personId) && (pairAfter(record.pairId)?.deletedAt ?? null) === null) {
          stillNamed(personId, `${nouns[table]} on this device (id ${record.id})`);
        }
      }
    }
  }

  // The file's sessions and check-ins: dated plausibly for their pair; naming live people when live.
  for (const table of ['sessions', 'checkIns'] as const) {
    for (const record of writes[table] as readonly (Session | CheckIn)[]) {
      const pair = pairAfter(record.pairId);
      if (!pair) continue;
      const dateProblem = beforePairStartProblem(record.date, pair.startDate);
      if (dateProblem) problems.push({ ...at[table](record.id), field: 'date', message: dateProblem });
      if (!live(record) || !live(pair)) continue;
      const field = 'raterId' in record ? 'raterId' : 'loggedById';
      const personId = 'raterId' in record ? record.raterId : record.loggedById;
      const person = personAfter(personId);
      if (person && !live(person))
        problems.push({
          ...at[table](record.id),
          field,
          message: `${deletedPersonText(personId)}; only a deleted record may.`,
        });
    }
  }
  // A pair whose start the file moves keeps the device's sessions and check-ins plausibly dated.
  for (const pair of writes.pairs) {
    const held = device.pairs.get(pair.id);
    if (!held || held.startDate === pair.startDate) continue;
    for (const [table, byId] of [
      ['sessions', device.sessions],
      ['checkIns', device.checkIns],
    ] as const) {
      const written = new Set((writes[table] as readonly RecordFields[]).map((record) => record.id));
      for (const record of byId.values()) {
        if (record.pairId !== pair.id || written.has(record.id)) continue;
        const message = startAfterRecordProblem(
          pair.startDate,
          record.date,
          `${nouns[table]} it has on this device (id ${record.id})`,
        );
        if (message) {
          problems.push({ ...at.pairs(pair.id), field: 'startDate', message });
          break;
        }
      }
    }
  }
  if (problems.length > 0) return { problems, writes, deletedWithPair: 0 };

  // Live sessions and check-ins of a pair that ends up deleted are deleted with it.
  let deletedWithPair = 0;
  const settled: BackupRecords = { ...writes, sessions: [...writes.sessions], checkIns: [...writes.checkIns] };
  const markDeleted = <T extends Session | CheckIn>(record: T): T => {
    const pair = pairAfter(record.pairId);
    if (!live(record) || !pair || pair.deletedAt === null) return record;
    deletedWithPair++;
    const stamp = later(pair.deletedAt, record.updatedAt);
    return { ...record, deletedAt: stamp, updatedAt: stamp };
  };
  // A newer copy of the device's own private session (a partner ticked an action item) comes without
  // its words, which never left the device: the device keeps them.
  settled.sessions = settled.sessions.map((session) =>
    markDeleted(keepingPrivateWords(session, device.sessions.get(session.id))),
  );
  settled.checkIns = settled.checkIns.map(markDeleted);
  for (const [table, byId] of [
    ['sessions', device.sessions],
    ['checkIns', device.checkIns],
  ] as const) {
    const written = new Set((writes[table] as readonly RecordFields[]).map((record) => record.id));
    for (const record of byId.values()) {
      if (written.has(record.id)) continue;
      const marked = markDeleted(record);
      if (marked !== record) (settled[table] as (Session | CheckIn)[]).push(marked);
    }
  }
  return { problems, writes: settled, deletedWithPair };
}
