import { db, pendingMarkTables } from '../db/database';
import { earliestRecordDate } from '../db/monthLogs';
import { formDateMessage, startAfterRecordProblem } from '../domain/plausibleDate';
import { NEW_PERSON, pairSchema, type Pair, type PairFormValues } from '../domain/pair';
import type { PairStatus } from '../domain/pairStatus';
import type { Person } from '../domain/person';
import { newRecordFields } from '../domain/record';
import { nextChangeStamp } from './changeStamp';
import { newPerson } from './createPerson';
import { markPendingOf } from './pendingChanges';
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
  const now = nextChangeStamp(existing?.updatedAt);
  const pair = pairSchema.parse({
    ...(existing ?? { ...newRecordFields(now), status: 'active', endDate: null }),
    mentorId: resolve(form.mentor),
    menteeId: resolve(form.mentee),
    startDate: form.startDate,
    cadenceDays: form.cadenceDays,
    goals: form.goals,
    updatedAt: now,
  });
  await db.transaction('rw', [db.people, db.pairs, db.monthLogs, ...pendingMarkTables(db)], async () => {
    // The form checks this against the records it was shown; this holds for every record, deleted
    // ones too, so that the device's own backup is never refused for a session dated too early.
    const earliest = existing && existing.startDate !== pair.startDate ? await earliestRecordDate(db, pair.id) : null;
    const tooLate = earliest === null ? null : startAfterRecordProblem(pair.startDate, earliest);
    if (tooLate) throw new Error(`${formDateMessage(tooLate).replace(/^This date/, 'The start date')}`);
    if (newPeople.length > 0) await db.people.bulkAdd(newPeople);
    await db.pairs.put(pair);
    await markPendingOf(db, 'person', newPeople);
    await markPendingOf(db, 'pair', [pair]);
  });
  void askForPersistenceOnce();
  return pair;
}

/** Pausing, resuming and closing. Closing records the end date; reopening clears it. */
export async function setPairStatus(pair: Pair, status: PairStatus, today: string): Promise<void> {
  const endDate = status === 'closed' ? (pair.endDate ?? (today < pair.startDate ? pair.startDate : today)) : null;
  await db.transaction('rw', [db.pairs, ...pendingMarkTables(db)], async () => {
    const stored = await db.pairs.get(pair.id);
    if (!stored) return;
    const changed: Pair = { ...stored, status, endDate, updatedAt: nextChangeStamp(stored.updatedAt) };
    await db.pairs.put(changed);
    await markPendingOf(db, 'pair', [changed]);
  });
}
