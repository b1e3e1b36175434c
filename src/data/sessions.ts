import { db, pairWriteTables, type MentorlogDatabase } from '../db/database';
import { changeRecords, type LoggedRef } from '../db/monthLogs';
import { addPairRecord, refreshPairDigests } from '../db/pairDigests';
import type { Pair } from '../domain/pair';
import { newRecordFields } from '../domain/record';
import {
  parseTopics,
  sessionSchema,
  type Session,
  type SessionActionItem,
  type SessionFormValues,
} from '../domain/session';
import type { Side } from '../domain/side';
import type { Visibility } from '../domain/checkIn';
import { nextChangeStamp } from './changeStamp';
import { markPendingOf } from './pendingChanges';
import { askForPersistenceOnce } from './storagePersistence';

export function sessionFromForm(form: SessionFormValues, pair: Pair, side: Side, personId: string): Session {
  return sessionSchema.parse({
    ...newRecordFields(nextChangeStamp()),
    pairId: pair.id,
    date: form.date,
    durationMinutes: form.durationMinutes,
    mode: form.mode,
    topics: parseTopics(form.topics),
    notes: form.notes,
    actionItems: form.actionItems.map((item) => ({
      id: crypto.randomUUID(),
      text: item.text,
      owner: item.owner,
      dueDate: item.dueDate === '' ? null : item.dueDate,
      done: false,
    })),
    loggedBy: side,
    loggedById: personId,
    notesVisibility: form.notesVisibility,
  });
}

export async function logSession(session: Session, database: MentorlogDatabase = db): Promise<void> {
  await database.transaction('rw', pairWriteTables(database), async () => {
    await addPairRecord(database, 'sessions', session);
    await markPendingOf(database, 'session', [session]);
  });
  void askForPersistenceOnce();
}

/** Ticks an action item of a session (found by its id, pair and date) on or off. */
export async function setActionItemDone(session: LoggedRef, itemId: string, done: boolean): Promise<void> {
  await db.transaction('rw', pairWriteTables(db), async () => {
    let changed: Session | undefined;
    const [held] = await changeRecords(db, 'sessions', [session], (stored) => {
      changed = {
        ...stored,
        actionItems: stored.actionItems.map((item) => (item.id === itemId ? { ...item, done } : item)),
        updatedAt: nextChangeStamp(stored.updatedAt),
      };
      return changed;
    });
    if (!held || !changed) throw new Error('That session no longer exists.');
    await refreshPairDigests(db, [session.pairId]);
    await markPendingOf(db, 'session', [changed]);
  });
}

/**
 * Changes who sees a session's words. Only the person who logged it may: the words are theirs (the
 * screens offer it to no one else; this holds for any other caller).
 */
export async function setSessionNotesVisibility(
  session: LoggedRef,
  personId: string,
  notesVisibility: Visibility,
): Promise<void> {
  await db.transaction('rw', pairWriteTables(db), async () => {
    let changed: Session | undefined;
    const [held] = await changeRecords(db, 'sessions', [session], (stored) => {
      if (stored.loggedById !== personId)
        throw new Error('Only the person who logged a session can change who sees its words.');
      changed = { ...stored, notesVisibility, updatedAt: nextChangeStamp(stored.updatedAt) };
      return changed;
    });
    if (!held || !changed) throw new Error('That session no longer exists.');
    await refreshPairDigests(db, [session.pairId]);
    // A narrowing must reach the partner's device too: its copy loses the words.
    await markPendingOf(db, 'session', [changed]);
  });
}

/** Ticks an action item as listed on a screen (it carries its session's id, pair and date) done or not. */
export function setListedActionItemDone(item: SessionActionItem, done: boolean): Promise<void> {
  return setActionItemDone({ id: item.sessionId, pairId: item.pairId, date: item.sessionDate }, item.id, done);
}
