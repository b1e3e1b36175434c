import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db/database';
import { personSchema, type Person } from '../domain/person';
import { newRecordFields } from '../domain/record';
import { askForPersistenceOnce } from './storagePersistence';

export function usePeople(): Person[] | undefined {
  return useLiveQuery(async () => {
    const people = await db.people.orderBy('name').toArray();
    return people.filter((person) => person.deletedAt === null);
  }, []);
}

export function usePerson(id: string | null | undefined): Person | null | undefined {
  return useLiveQuery(async () => (id ? ((await db.people.get(id)) ?? null) : null), [id]);
}

/** Builds a validated new person record; callers write it inside their own transaction. */
export function newPerson(name: string, contact = ''): Person {
  return personSchema.parse({ ...newRecordFields(), name, contact });
}

export async function createPerson(name: string): Promise<Person> {
  const person = newPerson(name);
  await db.people.add(person);
  void askForPersistenceOnce();
  return person;
}
