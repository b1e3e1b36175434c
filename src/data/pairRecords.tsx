import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { db } from '../db/database';
import { byDateThenId, findPairRecord, readPairRecords, type LoggedRecords, type LoggedTable } from '../db/monthLogs';
import type { CheckIn } from '../domain/checkIn';
import type { Session } from '../domain/session';
import type { PairWithPeople } from '../domain/pairWithPeople';
import { usePairQuery } from './pairs';

/*
 * Every screen of one pair (its page, trends, a session, a check-in, the forms) reads the same
 * records. The pair's route holds one live read of each for all of them, so moving between those
 * screens, or saving a session and landing back on the pair, waits for no fresh read: the screens
 * draw from what is already held, and the live reads update it when a write touches the pair.
 * (Type-only imports of the domain keep zod out of the first screen's bundle.)
 */

interface PairRecords {
  pairId: string;
  row: PairWithPeople | null | undefined;
  sessions: Session[] | undefined;
  checkIns: CheckIn[] | undefined;
  /** Records whose write started here and is under way or failed; any other record is saved. */
  unsaved: ReadonlyMap<string, 'saving' | 'failed'>;
  showWhileSaving: ShowWhileSaving;
}

/**
 * Shows a record on its pair's screens from the moment its write starts, and gives back the
 * write's promise. A write that fails takes the record off again; the caller says so to the user.
 */
export type ShowWhileSaving = <T extends LoggedTable>(
  table: T,
  record: LoggedRecords[T][number],
  write: Promise<void>,
) => Promise<void>;

/** A record shown ahead of the live read: while its write runs, and once committed until a read from after the commit has it. */
interface ShownAhead {
  table: LoggedTable;
  record: Session | CheckIn;
  /** When the write committed (performance.now()); null while it runs. */
  committedAt: number | null;
}

/** The pair's live records, each list newest first, with the time their read started. */
interface LiveRecords extends LoggedRecords {
  readFrom: number;
}

const PairRecordsContext = createContext<PairRecords | null>(null);

/**
 * Holds the live records of one pair for every screen below it, and the records being saved to it:
 * a screen that saves a session or check-in moves on at once and draws it from here, instead of
 * waiting for the write to commit and the live read to run again (both together take longer than
 * drawing the next screen).
 */
export function PairRecordsProvider({ pairId, children }: { pairId: string; children: ReactNode }) {
  const row = usePairQuery(pairId);
  const live = usePairRecordsQuery(pairId);
  const [ahead, setAhead] = useState<readonly ShownAhead[]>([]);
  // Kept while the pair's screens are open, so that no screen says "saved" of a record whose write failed.
  const [failed, setFailed] = useState<ReadonlySet<string>>(new Set());

  const showWhileSaving = useCallback<ShowWhileSaving>((table, record, write) => {
    const entry: ShownAhead = { table, record, committedAt: null };
    setAhead((shown) => [...shown, entry]);
    return write.then(
      () => {
        const committedAt = performance.now();
        setAhead((shown) => shown.map((other) => (other === entry ? { ...entry, committedAt } : other)));
      },
      (error: unknown) => {
        setAhead((shown) => shown.filter((other) => other !== entry));
        setFailed((ids) => new Set(ids).add(record.id));
        throw error;
      },
    );
  }, []);

  const value = useMemo<PairRecords>(() => {
    // A record stays ahead until a read that started after its commit, which has it (or, if it was
    // deleted since, rightly lacks it). Those past that point are few (one per save while the
    // pair's screens are open) and are simply passed over.
    const shown = live
      ? ahead.filter((entry) => entry.committedAt === null || entry.committedAt >= live.readFrom)
      : ahead;
    return {
      pairId,
      row,
      sessions: withShownAhead(live?.sessions, shown, 'sessions'),
      checkIns: withShownAhead(live?.checkIns, shown, 'checkIns'),
      unsaved: new Map([
        ...ahead.filter((entry) => entry.committedAt === null).map((entry) => [entry.record.id, 'saving'] as const),
        ...[...failed].map((id) => [id, 'failed'] as const),
      ]),
      showWhileSaving,
    };
  }, [pairId, row, live, ahead, failed, showWhileSaving]);
  return <PairRecordsContext.Provider value={value}>{children}</PairRecordsContext.Provider>;
}

/** The live list (newest first) with the records shown ahead of it that it does not hold yet. */
function withShownAhead<T extends LoggedTable>(
  records: LoggedRecords[T] | undefined,
  ahead: readonly ShownAhead[],
  table: T,
): LoggedRecords[T] | undefined {
  if (!records) return records;
  const held = new Set(records.map((record) => record.id));
  const extra = ahead
    .filter((entry) => entry.table === table && !held.has(entry.record.id))
    .map((entry) => entry.record as LoggedRecords[T][number]);
  if (extra.length === 0) return records;
  return [...extra, ...records].sort((a, b) => byDateThenId(b, a)) as LoggedRecords[T];
}

const withoutShowing: ShowWhileSaving = (_table, _record, write) => write;

/**
 * How a screen of this pair saves a new session or check-in and moves on at once: the record shows
 * on the pair's screens while it is written. Outside a pair's route, it only passes the write on.
 */
export function useShowWhileSaving(pairId: string | undefined): ShowWhileSaving {
  return useHeld(pairId)?.showWhileSaving ?? withoutShowing;
}

/** Where the write of a record this pair's screens started stands: still under way, failed, or saved. */
export function useSaveState(pairId: string | undefined, id: string): 'saving' | 'failed' | 'saved' {
  return useHeld(pairId)?.unsaved.get(id) ?? 'saved';
}

/** The records held for this pair by a PairRecordsProvider above, or null to read them here. */
function useHeld(pairId: string | undefined): PairRecords | null {
  const held = useContext(PairRecordsContext);
  return held !== null && held.pairId === pairId ? held : null;
}

/** One pair with its people; null when there is no such pair (or it was deleted). */
export function usePair(pairId: string | undefined): PairWithPeople | null | undefined {
  const held = useHeld(pairId);
  const own = usePairQuery(held ? undefined : pairId);
  return held ? held.row : own;
}

/** A pair's sessions, newest first. */
export function usePairSessions(pairId: string | undefined): Session[] | undefined {
  const held = useHeld(pairId);
  const own = usePairRecordsQuery(held ? undefined : pairId);
  return held ? held.sessions : own?.sessions;
}

/** A pair's check-ins from both sides, newest first. Callers filter by visibility. */
export function usePairCheckIns(pairId: string | undefined): CheckIn[] | undefined {
  const held = useHeld(pairId);
  const own = usePairRecordsQuery(held ? undefined : pairId);
  return held ? held.checkIns : own?.checkIns;
}

/*
 * One record of the pair: from the held records when they have it, else read by id. A record just
 * written (a check-in saved a moment ago) can be missing from the held records until their live
 * read has run again, so "not held" means "read it", never "it does not exist".
 */

/** One of a pair's sessions; null when the pair has no such session (or it was deleted). */
export function usePairSession(pairId: string | undefined, sessionId: string | undefined): Session | null | undefined {
  return useHeldOrRead('sessions', useHeld(pairId), pairId, sessionId);
}

/** One of a pair's check-ins; null when the pair has no such check-in (or it was deleted). */
export function usePairCheckIn(pairId: string | undefined, checkInId: string | undefined): CheckIn | null | undefined {
  return useHeldOrRead('checkIns', useHeld(pairId), pairId, checkInId);
}

function useHeldOrRead<T extends LoggedTable>(
  table: T,
  held: PairRecords | null,
  pairId: string | undefined,
  id: string | undefined,
): LoggedRecords[T][number] | null | undefined {
  const records: readonly LoggedRecords[T][number][] | undefined = held?.[table];
  const found = records?.find((record) => record.id === id);
  // While the held records are still being read, they are awaited rather than read twice.
  const awaiting = held !== null && records === undefined;
  const read = useLiveQuery(async () => {
    if (found || awaiting) return undefined;
    const record = pairId && id ? await findPairRecord(db, table, pairId, id) : undefined;
    return record && record.deletedAt === null ? record : null;
  }, [table, found === undefined, awaiting, pairId, id]);
  return found ?? read;
}

const newestFirstLive = <T extends { deletedAt: string | null }>(records: readonly T[]): T[] =>
  records.filter((record) => record.deletedAt === null).reverse();

/** The pair's live sessions and check-ins, each newest first, in one read of its months. */
function usePairRecordsQuery(pairId: string | undefined): LiveRecords | undefined {
  return useLiveQuery(async () => {
    const readFrom = performance.now();
    if (!pairId) return { sessions: [], checkIns: [], readFrom };
    const { sessions, checkIns } = await readPairRecords(db, pairId);
    return { sessions: newestFirstLive(sessions), checkIns: newestFirstLive(checkIns), readFrom };
  }, [pairId]);
}
