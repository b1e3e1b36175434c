import type { MentorlogDatabase } from '../db/database';
import {
  applyMonthChanges,
  MonthLogDraft,
  recordsInMonths,
  writeDraft,
  type LoggedTable,
  type MonthLogKey,
} from '../db/monthLogs';
import { refreshPairDigests, refreshPairDigestsFrom } from '../db/pairDigests';
import type { CheckIn } from '../domain/checkIn';
import { monthOf } from '../domain/dates';
import type { Pair } from '../domain/pair';
import type { Person } from '../domain/person';
import type { Session } from '../domain/session';
import { docId, type RecordRef, type SyncedRecordType, type SyncRecord } from '../domain/syncedRecord';
import { monthText, readHeld, type Held, type LoggedIdLedger } from './heldRecords';

/*
 * The device's records as the sync engine reads and writes them: by type and id, whatever table or
 * month holds them. A pulled version is written through the same writers as the app's own writes
 * (the month logs, and `refreshPairDigests`, which writes every digest and monthly figure), in one
 * transaction per batch, so that the dashboard and the pair pages read it right; it is not a local
 * change, so it is not marked pending.
 */

type Logged = Session | CheckIn;
const tableOf = (type: 'session' | 'checkIn'): LoggedTable => (type === 'session' ? 'sessions' : 'checkIns');
const isLogged = (type: SyncedRecordType): type is 'session' | 'checkIn' => type === 'session' || type === 'checkIn';

const nouns: Record<SyncedRecordType, string> = {
  person: 'a person',
  pair: 'a pair',
  session: 'a session',
  checkIn: 'a check-in',
};

/** The tables a write of pulled records covers: the records, what is derived from them, and the marks. */
export function pulledWriteTables(database: MentorlogDatabase) {
  return [
    database.people,
    database.pairs,
    database.monthLogs,
    database.pairDigests,
    database.pairMonths,
    database.pairLastSessions,
    database.syncPending,
  ];
}

/** The device's records of these refs, in their order; null where it holds none of that kind. */
export async function readSyncedRecords(
  database: MentorlogDatabase,
  refs: readonly RecordRef[],
): Promise<(SyncRecord | null)[]> {
  if (refs.length === 0) return [];
  const held = await database.transaction('r', database.people, database.pairs, database.monthLogs, () =>
    readHeld(
      database,
      refs.map((ref) => ref.id),
    ),
  );
  return refs.map((ref) => {
    const found = held.byId.get(ref.id);
    return found && found.type === ref.type ? found : null;
  });
}

/** Pulled versions of one database, and how to choose between each and the device's own. */
export interface PulledGroup {
  entries: readonly SyncRecord[];
  /** The version to write given the device's (null: none), or null to keep the device's. Called inside the write. */
  choose: (local: SyncRecord | null, pulled: SyncRecord) => SyncRecord | null;
}

export interface PulledOutcome {
  applied: SyncRecord[];
  /** Pulled versions not applied because the device holds their id as another record. */
  setAside: { entry: SyncRecord; message: string }[];
}

/** Why a pulled version cannot take its id on this device, or null when it can. */
function collision(held: SyncRecord | undefined, entry: SyncRecord): string | null {
  if (!held) return null;
  if (held.type !== entry.type)
    return `This device holds ${nouns[held.type]} with the same id, and ids are unique: ${nouns[entry.type]} cannot take it.`;
  if (isLogged(held.type) && (held.record as Logged).pairId !== (entry.record as Logged).pairId)
    return `This device holds ${nouns[held.type]} with the same id in another pair: it was not moved.`;
  return null;
}

/**
 * Writes the versions that `choose` picks, one transaction for every group: people and pairs put,
 * sessions and check-ins into the month of their date (out of the month of their old date), and
 * the digests and monthly figures of every pair touched rewritten once. A version whose id the
 * device holds as another kind of record, or in another pair, is set aside. A local change that a
 * pulled version replaced is no longer pending.
 */
export async function writePulledRecords(
  database: MentorlogDatabase,
  groups: readonly PulledGroup[],
  ledger: LoggedIdLedger | null = null,
): Promise<PulledOutcome[]> {
  const entries = groups.flatMap((group) => group.entries);
  if (entries.length === 0) return groups.map(() => ({ applied: [], setAside: [] }));
  return database.transaction('rw', pulledWriteTables(database), async () => {
    const targetMonths = entries.flatMap((entry): MonthLogKey[] =>
      entry.type === 'session' || entry.type === 'checkIn' ? [[entry.record.pairId, monthOf(entry.record.date)]] : [],
    );
    const held = await readHeld(
      database,
      entries.map((entry) => entry.record.id),
      {
        extraMonths: targetMonths,
        pairIds: targetMonths.map(([pairId]) => pairId),
        ledger: ledger && (await ledger.stillWhole(database)) ? ledger : null,
      },
    );
    const draft = new MonthLogDraft(held.months);
    const people = new Map<string, Person>();
    const pairs = new Map<string, Pair>();
    const touchedPairs = new Set<string>();
    const outcomes = groups.map((group): PulledOutcome => {
      const outcome: PulledOutcome = { applied: [], setAside: [] };
      for (const entry of group.entries) {
        const local = held.byId.get(entry.record.id);
        const problem = collision(local, entry);
        if (problem) {
          outcome.setAside.push({ entry, message: problem });
          continue;
        }
        const chosen = group.choose(local ?? null, entry);
        if (!chosen) continue;
        if (chosen.type === 'person') people.set(chosen.record.id, chosen.record);
        else if (chosen.type === 'pair') {
          pairs.set(chosen.record.id, chosen.record);
          touchedPairs.add(chosen.record.id);
        } else {
          const table = tableOf(chosen.type);
          const before = local?.record as Logged | undefined;
          if (before && monthOf(before.date) !== monthOf(chosen.record.date)) draft.remove(table, [before]);
          draft.put(table, [chosen.record] as Session[] | CheckIn[]);
          touchedPairs.add(chosen.record.pairId);
        }
        held.byId.set(chosen.record.id, chosen);
        outcome.applied.push(chosen);
      }
      return outcome;
    });
    const written = new Set(
      outcomes.flatMap((outcome) => outcome.applied).map((entry) => docId(entry.type, entry.record.id)),
    );
    // The marks are few (usually none): their keys, read at once, say which to drop.
    const replaced = (await database.syncPending.toCollection().primaryKeys()).filter((key) => written.has(key));
    await Promise.all([
      people.size > 0 ? database.people.bulkPut([...people.values()]) : undefined,
      pairs.size > 0 ? database.pairs.bulkPut([...pairs.values()]) : undefined,
      writeDraft(database, draft),
      replaced.length > 0 ? database.syncPending.bulkDelete(replaced) : undefined,
    ]);
    await refreshDerived(database, touchedPairs, held, draft, [...pairs.values()]);
    ledger?.added(
      outcomes.flatMap((outcome) =>
        outcome.applied.flatMap((entry) => (isLogged(entry.type) ? [entry.record as Logged] : [])),
      ),
    );
    return outcomes;
  });
}

/**
 * Rewrites the digests and monthly figures of the pairs a write touched. A pair whose every month
 * was read for the write (a pair new to the device, as on a first sync) has them built from the
 * months in memory; the others are read again.
 */
async function refreshDerived(
  database: MentorlogDatabase,
  touched: ReadonlySet<string>,
  held: Held,
  draft: MonthLogDraft,
  pairs: readonly Pair[],
): Promise<void> {
  const read = new Set(held.months.map((log) => monthText([log.pairId, log.month])));
  const known = [...touched].filter((pairId) => {
    const stored = held.monthsOfPairs.get(pairId);
    return stored !== undefined && [...stored].every((key) => read.has(key));
  });
  const knownSet = new Set(known);
  const { sessions, checkIns } = recordsInMonths(
    applyMonthChanges(
      held.months.filter((log) => knownSet.has(log.pairId)),
      draft.changed(),
    ).filter((log) => knownSet.has(log.pairId)),
  );
  await refreshPairDigestsFrom(database, known, { pairs, sessions, checkIns });
  await refreshPairDigests(
    database,
    [...touched].filter((pairId) => !knownSet.has(pairId)),
  );
}

/**
 * Removes from the device the records `decide` agrees to (called with each as held, inside the
 * write): records a database this device reads no longer holds, because its reader may no longer
 * see them. Returns how many went.
 */
export async function withdrawRecords(
  database: MentorlogDatabase,
  refs: readonly RecordRef[],
  decide: (local: SyncRecord) => boolean,
  ledger: LoggedIdLedger | null = null,
): Promise<number> {
  if (refs.length === 0) return 0;
  return database.transaction('rw', pulledWriteTables(database), async () => {
    const held = await readHeld(
      database,
      refs.map((ref) => ref.id),
    );
    const draft = new MonthLogDraft(held.months);
    const gone: SyncRecord[] = [];
    const touchedPairs = new Set<string>();
    for (const ref of refs) {
      const local = held.byId.get(ref.id);
      if (!local || local.type !== ref.type || !decide(local)) continue;
      held.byId.delete(ref.id);
      gone.push(local);
      if (local.type === 'person') await database.people.delete(local.record.id);
      else if (local.type === 'pair') await database.pairs.delete(local.record.id);
      else {
        draft.remove(tableOf(local.type), [local.record]);
        touchedPairs.add(local.record.pairId);
      }
    }
    await writeDraft(database, draft);
    await database.syncPending.bulkDelete(gone.map((entry) => docId(entry.type, entry.record.id)));
    await refreshPairDigests(database, touchedPairs);
    ledger?.removed(gone.filter((entry) => isLogged(entry.type)).map((entry) => entry.record.id));
    return gone.length;
  });
}
