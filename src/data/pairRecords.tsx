import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { db } from '../db/database';
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
  const sessions = usePairSessionsQuery(pairId);
  const checkIns = usePairCheckInsQuery(pairId);
  const value = useMemo(() => ({ pairId, row, sessions, checkIns }), [pairId, row, sessions, checkIns]);
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
  const own = usePairSessionsQuery(held ? undefined : pairId);
  return held ? held.sessions : own;
}

/** A pair's check-ins from both sides, newest first. Callers filter by visibility. */
export function usePairCheckIns(pairId: string | undefined): CheckIn[] | undefined {
  const held = useHeld(pairId);
  const own = usePairCheckInsQuery(held ? undefined : pairId);
  return held ? held.checkIns : own;
}

/*
 * One record of the pair: from the held records when they have it, else read by id. A record just
 * written (a check-in saved a moment ago) can be missing from the held records until their live
 * read has run again, so "not held" means "read it", never "it does not exist".
 */

/** One of a pair's sessions; null when the pair has no such session (or it was deleted). */
export function usePairSession(pairId: string | undefined, sessionId: string | undefined): Session | null | undefined {
  return useHeldOrRead<Session>('sessions', useHeld(pairId)?.sessions, pairId, sessionId);
}

/** One of a pair's check-ins; null when the pair has no such check-in (or it was deleted). */
export function usePairCheckIn(pairId: string | undefined, checkInId: string | undefined): CheckIn | null | undefined {
  return useHeldOrRead<CheckIn>('checkIns', useHeld(pairId)?.checkIns, pairId, checkInId);
}

/** A record of the pair's, live: sessions and check-ins alike. */
type PairRecord = { id: string; pairId: string; deletedAt: string | null };
type PairTable = 'sessions' | 'checkIns';

function useHeldOrRead<T extends PairRecord>(
  table: PairTable,
  held: readonly T[] | undefined,
  pairId: string | undefined,
  id: string | undefined,
): T | null | undefined {
  const found = held?.find((record) => record.id === id);
  const read = useLiveQuery(async () => {
    if (found) return undefined;
    const record = id ? await db.table<T, string>(table).get(id) : undefined;
    return record && record.pairId === pairId && record.deletedAt === null ? record : null;
  }, [table, found === undefined, pairId, id]);
  return found ?? read;
}

function usePairSessionsQuery(pairId: string | undefined): Session[] | undefined {
  return useLiveRecordsOfPair<Session>('sessions', pairId);
}

function usePairCheckInsQuery(pairId: string | undefined): CheckIn[] | undefined {
  return useLiveRecordsOfPair<CheckIn>('checkIns', pairId);
}

/** The pair's live records of a table, newest first, through its [pairId+date] index. */
function useLiveRecordsOfPair<T extends PairRecord>(table: PairTable, pairId: string | undefined): T[] | undefined {
  return useLiveQuery(async () => {
    if (!pairId) return [];
    const newestFirst = db.table<T, string>(table).where('[pairId+date]').between([pairId, Dexie.minKey], [pairId, Dexie.maxKey]).reverse();
    const records = await newestFirst.toArray();
    return records.filter((record) => record.deletedAt === null);
  }, [table, pairId]);
}
