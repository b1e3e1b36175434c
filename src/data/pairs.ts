import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db/database';
import { NEW_PERSON, pairSchema, type Pair, type PairFormValues, type PairStatus } from '../domain/pair';
import type { Person } from '../domain/person';
import { newRecordFields } from '../domain/record';
import { newPerson } from './people';
import { askForPersistenceOnce } from './storagePersistence';

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

/**
 * Creates or updates a pair from the pair form. New people named in the form are created in the
 * same transaction, so a failed save leaves neither a pair nor stray people behind.
 */
export async function savePair(form: PairFormValues, existing?: Pair): Promise<Pair> {
  const newPeople: Person[] = [];
  const resolve = (choice: PairFormValues['mentor']): string => {
    if (choice.personId !== NEW_PERSON) return choice.personId;
    const person = newPerson(choice.newName);
    newPeople.push(person);
    return person.id;
  };
  const now = new Date().toISOString();
  const pair = pairSchema.parse({
    ...(existing ?? { ...newRecordFields(), status: 'active', endDate: null }),
    mentorId: resolve(form.mentor),
    menteeId: resolve(form.mentee),
    startDate: form.startDate,
    cadenceDays: form.cadenceDays,
    goals: form.goals,
    updatedAt: now,
  });
  await db.transaction('rw', db.people, db.pairs, async () => {
    if (newPeople.length > 0) await db.people.bulkAdd(newPeople);
    await db.pairs.put(pair);
  });
  void askForPersistenceOnce();
  return pair;
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
