import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { db } from '../db/database';
import { findPairRecord, readPairRecords, type LoggedRecords, type LoggedTable } from '../db/monthLogs';
import type { CheckIn } from '../domain/checkin';
import type { Session } from '../domain/session';
import { usePairQuery, type PairWithPeople } from './pairs';

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
}

const PairRecordsContext = createContext<PairRecords | null>(null);

/** Holds the live records of one pair for every screen below it. */
export function PairRecordsProvider({ pairId, children }: { pairId: string; children: ReactNode }) {
  const row = usePairQuery(pairId);
  const records = usePairRecordsQuery(pairId);
  const value = useMemo(() => ({ pairId, row, sessions: records?.sessions, checkIns: records?.checkIns }), [pairId, row, records]);
  return <PairRecordsContext.Provider value={value}>{children}</PairRecordsContext.Provider>;
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

const newestFirstLive = <T extends { deletedAt: string | null }>(records: readonly T[]): T[] => records.filter((record) => record.deletedAt === null).reverse();

/** The pair's live sessions and check-ins, each newest first, in one read of its months. */
function usePairRecordsQuery(pairId: string | undefined): LoggedRecords | undefined {
  return useLiveQuery(async () => {
    if (!pairId) return { sessions: [], checkIns: [] };
    const { sessions, checkIns } = await readPairRecords(db, pairId);
    return { sessions: newestFirstLive(sessions), checkIns: newestFirstLive(checkIns) };
  }, [pairId]);
}
