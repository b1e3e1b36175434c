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

/**
 * Past this many people, `partnersOf` reads the whole table when it wants most of it: one getAll
 * is far cheaper than a get per key (2,000 gets took ~170 ms in Chromium, a getAll of them ~20).
 */
const MANY_PEOPLE = 50;

/** The partners of these pairs, by id, in one read. */
export async function partnersOf(pairs: readonly Pick<Pair, 'mentorId' | 'menteeId'>[]): Promise<Map<string, Person>> {
  const ids = [...new Set(pairs.flatMap((pair) => [pair.mentorId, pair.menteeId]))];
  const byId = (people: ReadonlyArray<Person | undefined>) =>
    new Map(people.flatMap((person) => (person ? [[person.id, person] as const] : [])));
  if (ids.length > MANY_PEOPLE && ids.length * 2 > (await db.people.count())) {
    const wanted = new Set(ids);
    return byId((await db.people.toArray()).filter((person) => wanted.has(person.id)));
  }
  return byId(await db.people.bulkGet(ids));
}
