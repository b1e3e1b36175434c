import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db/database';
import type { Pair } from '../domain/pair';
import type { PairStatus } from '../domain/pairStatus';
import type { Person } from '../domain/person';

export interface PairWithPeople {
  pair: Pair;
  mentor: Person | undefined;
  mentee: Person | undefined;
}

async function withPeople(pairs: Pair[]): Promise<PairWithPeople[]> {
  const ids = [...new Set(pairs.flatMap((pair) => [pair.mentorId, pair.menteeId]))];
  const people = await db.people.bulkGet(ids);
  const byId = new Map(people.flatMap((person) => (person ? [[person.id, person] as const] : [])));
  return pairs.map((pair) => ({ pair, mentor: byId.get(pair.mentorId), mentee: byId.get(pair.menteeId) }));
}

/** One pair with its people; null when there is no such pair (or it was deleted). */
export function usePair(id: string | undefined): PairWithPeople | null | undefined {
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
 * The pairs list: each pair with its partners and the date of its last session, read through the
 * [pairId+date] index (one short key-range read per pair, never every session).
 */
export function usePairList(): PairListRow[] | undefined {
  return useLiveQuery(async () => {
    const pairs = (await db.pairs.toArray()).filter((pair) => pair.deletedAt === null);
    const rows = await withPeople(pairs);
    const lastDates = await Promise.all(
      pairs.map(async (pair) => {
        const last = await db.sessions
          .where('[pairId+date]')
          .between([pair.id, Dexie.minKey], [pair.id, Dexie.maxKey])
          .reverse()
          .filter((session) => session.deletedAt === null)
          .first();
        return last?.date ?? null;
      }),
    );
    return rows
      .map((row, index) => ({ ...row, lastSessionDate: lastDates[index] ?? null }))
      .sort(
        (a, b) =>
          (a.mentor?.name ?? '').localeCompare(b.mentor?.name ?? '') ||
          (a.mentee?.name ?? '').localeCompare(b.mentee?.name ?? ''),
      );
  }, []);
}
