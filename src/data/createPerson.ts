import { db, pendingMarkTables } from '../db/database';
import { personSchema, type Person } from '../domain/person';
import { newRecordFields } from '../domain/record';
import { nextChangeStamp } from './changeStamp';
import { markPendingOf } from './pendingChanges';
import { askForPersistenceOnce } from './storagePersistence';

/** Builds a validated new person record; callers write it inside their own transaction. */
export function newPerson(name: string, contact = ''): Person {
  return personSchema.parse({ ...newRecordFields(nextChangeStamp()), name, contact });
}

export async function createPerson(name: string): Promise<Person> {
  const person = newPerson(name);
  await db.transaction('rw', [db.people, ...pendingMarkTables(db)], async () => {
    await db.people.add(person);
    await markPendingOf(db, 'person', [person]);
  });
  void askForPersistenceOnce();
  return person;
}
