import { db } from '../db/database';
import { personSchema, type Person } from '../domain/person';
import { newRecordFields } from '../domain/record';
import { askForPersistenceOnce } from './storagePersistence';

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
