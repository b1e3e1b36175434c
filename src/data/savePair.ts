import { db } from '../db/database';
import { NEW_PERSON, pairSchema, type Pair, type PairFormValues } from '../domain/pair';
import type { Person } from '../domain/person';
import { newRecordFields } from '../domain/record';
import { newPerson } from './createPerson';
import { askForPersistenceOnce } from './storagePersistence';

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
