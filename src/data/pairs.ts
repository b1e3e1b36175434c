import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db/database';
import { compareText } from '../domain/compareText';
import type { Pair } from '../domain/pair';
import type { PairStatus } from '../domain/pairStatus';
import type { Person } from '../domain/person';
import { partnersOf } from './people';

export interface PairWithPeople {
  pair: Pair;
  mentor: Person | undefined;
  mentee: Person | undefined;
}

async function withPeople(pairs: Pair[]): Promise<PairWithPeople[]> {
  const byId = await partnersOf(pairs);
  return pairs.map((pair) => ({ pair, mentor: byId.get(pair.mentorId), mentee: byId.get(pair.menteeId) }));
}

/**
 * One pair with its people, read here; null when there is no such pair (or it was deleted). Screens
 * use `usePair` (pairRecords.tsx), which takes it from the pair's route when that holds it.
 */
export function usePairQuery(id: string | undefined): PairWithPeople | null | undefined {
  return useLiveQuery(async () => {
    const pair = id ? await db.pairs.get(id) : undefined;
    if (!pair || pair.deletedAt !== null) return null;
    const [row] = await withPeople([pair]);
    return row ?? null;
  }, [id]);
}

/** The pairs a person belongs to, on either side, through the people indexes. */
export async function pairsOfPerson(personId: string): Promise<Pair[]> {
  const [asMentor, asMentee] = await Promise.all([
    db.pairs.where('mentorId').equals(personId).toArray(),
    db.pairs.where('menteeId').equals(personId).toArray(),
  ]);
  return [...asMentor, ...asMentee].filter((pair) => pair.deletedAt === null);
}

/** Pausing, resuming and closing. Closing records the end date; reopening clears it. */
export async function setPairStatus(pair: Pair, status: PairStatus, today: string): Promise<void> {
  const endDate = status === 'closed' ? (pair.endDate ?? (today < pair.startDate ? pair.startDate : today)) : null;
  await db.pairs.update(pair.id, { status, endDate, updatedAt: new Date().toISOString() });
}

export interface PairListRow extends PairWithPeople {
  lastSessionDate: string | null;
}

/**
 * The pairs list: each pair with its partners and the date of its last session, from the pairs'
 * digests (src/db/pairDigests.ts): three reads in all, however many pairs there are.
 */
export function usePairList(): PairListRow[] | undefined {
  return useLiveQuery(
    () =>
      db.transaction('r', db.pairs, db.people, db.pairDigests, async () => {
        const pairs = (await db.pairs.toArray()).filter((pair) => pair.deletedAt === null);
        // Every pair's digest is wanted: one getAll is far cheaper than a get per pair.
        const [rows, digests] = await Promise.all([withPeople(pairs), db.pairDigests.toArray()]);
        const lastSession = new Map(digests.map((digest) => [digest.pairId, digest.lastSessionDate]));
        return rows
          .map((row) => ({ ...row, lastSessionDate: lastSession.get(row.pair.id) ?? null }))
          .sort(
            (a, b) => compareText(a.mentor?.name ?? '', b.mentor?.name ?? '') || compareText(a.mentee?.name ?? '', b.mentee?.name ?? ''),
          );
      }),
    [],
  );
}
