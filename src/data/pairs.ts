import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { db } from '../db/database';
import { compareText } from '../domain/compareText';
import type { Pair } from '../domain/pair';
import type { PairStatus } from '../domain/pairStatus';
import type { Person } from '../domain/person';
import { startEarlyRead, useLiveRecordMap, type RecordMapReader, type TableChange } from './liveRecordMap';
import { everyoneById, partnersOf } from './people';

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
 * The rows of a live pair read that a write may have changed: the pairs and digests it touched,
 * and the pairs of the people it touched. Shared by the pairs list and the dashboard, whose rows
 * are each built from a pair, its two people and its digest.
 */
export function pairRowsTouched(
  { pairs, people, pairDigests }: Partial<Record<string, TableChange>>,
  current: ReadonlyMap<string, { pair: Pick<Pair, 'id' | 'mentorId' | 'menteeId'> }>,
): ReadonlySet<string> | 'all' {
  if (pairs === 'all' || people === 'all' || pairDigests === 'all') return 'all';
  const pairIds = new Set([...(pairs ?? []), ...(pairDigests ?? [])]);
  if (people) {
    for (const { pair } of current.values()) {
      if (people.has(pair.mentorId) || people.has(pair.menteeId)) pairIds.add(pair.id);
    }
  }
  return pairIds;
}

/**
 * The pairs list's rows, by pair: each pair with its partners and the date of its last session,
 * from the pairs' digests (src/db/pairDigests.ts): three reads in all, however many pairs there
 * are. After that a write re-reads only the pairs it touched.
 */
export const pairListReader: RecordMapReader<PairListRow> = {
  tables: ['pairs', 'people', 'pairDigests'],
  readAll: () =>
    db.transaction('r', db.pairs, db.people, db.pairDigests, async () => {
      // Every pair's digest and nearly everyone is wanted: one getAll each, side by side, is far
      // cheaper than a get per pair or person.
      const [allPairs, digests, people] = await Promise.all([db.pairs.toArray(), db.pairDigests.toArray(), everyoneById()]);
      const lastSession = new Map(digests.map((digest) => [digest.pairId, digest.lastSessionDate]));
      const rows = allPairs
        .filter((pair) => pair.deletedAt === null)
        .map((pair) => ({ pair, mentor: people.get(pair.mentorId), mentee: people.get(pair.menteeId), lastSessionDate: lastSession.get(pair.id) ?? null }));
      return new Map(rows.map((row) => [row.pair.id, row]));
    }),
  readSome: (pairIds) =>
    db.transaction('r', db.pairs, db.people, db.pairDigests, async () => {
      const ids = [...pairIds];
      const [pairs, digests] = await Promise.all([db.pairs.bulkGet(ids), db.pairDigests.bulkGet(ids)]);
      const people = await partnersOf(pairs.filter((pair): pair is Pair => pair !== undefined));
      return new Map(
        ids.map((id, index) => {
          const pair = pairs[index];
          if (!pair || pair.deletedAt !== null) return [id, null] as const;
          const row = { pair, mentor: people.get(pair.mentorId), mentee: people.get(pair.menteeId), lastSessionDate: digests[index]?.lastSessionDate ?? null };
          return [id, row] as const;
        }),
      );
    }),
  affectedKeys: pairRowsTouched,
};

const PAIR_LIST_READ = 'pair-list';

/** Starts the pairs list's first read before the list renders (see `startEarlyRead`). */
export function startPairListRead(): void {
  startEarlyRead(PAIR_LIST_READ, pairListReader);
}

/** Every pair with its partners and last session date, by the mentor's name, then the mentee's; live. */
export function usePairList(): PairListRow[] | undefined {
  const rows = useLiveRecordMap(PAIR_LIST_READ, pairListReader);
  return useMemo(
    () =>
      rows &&
      [...rows.values()].sort(
        (a, b) => compareText(a.mentor?.name ?? '', b.mentor?.name ?? '') || compareText(a.mentee?.name ?? '', b.mentee?.name ?? ''),
      ),
    [rows],
  );
}
