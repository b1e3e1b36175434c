import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db/database';
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
