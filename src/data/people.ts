import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db/database';
import type { Pair } from '../domain/pair';
import type { Person } from '../domain/person';

export function usePeople(): Person[] | undefined {
  return useLiveQuery(async () => {
    const people = await db.people.orderBy('name').toArray();
    return people.filter((person) => person.deletedAt === null);
  }, []);
}

export function usePerson(id: string | null | undefined): Person | null | undefined {
  return useLiveQuery(async () => (id ? ((await db.people.get(id)) ?? null) : null), [id]);
}

/** The partners of these pairs, by id, in one read. */
export async function partnersOf(pairs: readonly Pick<Pair, 'mentorId' | 'menteeId'>[]): Promise<Map<string, Person>> {
  const ids = [...new Set(pairs.flatMap((pair) => [pair.mentorId, pair.menteeId]))];
  const people = await db.people.bulkGet(ids);
  return new Map(people.flatMap((person) => (person ? [[person.id, person] as const] : [])));
}
