import { db, pairWriteTables, type MentorlogDatabase } from '../db/database';
import { changeRecords, findPairRecord, type LoggedRef } from '../db/monthLogs';
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
import { withOpenedWords } from '../domain/privateWords';
import { nextChangeStamp } from './changeStamp';
import { unlockedVaultKey } from './appLock';
import { openRows, prepareWrite, writeLockedWords } from './lockedWords';
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
  // Sealed before the transaction: an await on Web Crypto inside it would commit it early.
  const { stored, row } = await prepareWrite('sessions', session, unlockedVaultKey());
  await database.transaction('rw', [...pairWriteTables(database), database.lockedWords], async () => {
    await addPairRecord(database, 'sessions', stored);
    if (row) await writeLockedWords(database, stored.id, row);
    await markPendingOf(database, 'session', [stored]);
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
  // With the lock on, the words move between the record and their sealed row: both are worked out
  // before the transaction (Web Crypto inside it would commit it early), from the session as held.
  const vaultKey = unlockedVaultKey();
  const lockWrite = vaultKey ? await sessionWithWords(session, vaultKey) : null;
  const prepared = lockWrite
    ? await prepareWrite('sessions', { ...lockWrite, notesVisibility }, vaultKey)
    : { stored: null, row: null };
  await db.transaction('rw', [...pairWriteTables(db), db.lockedWords], async () => {
    let changed: Session | undefined;
    const [held] = await changeRecords(db, 'sessions', [session], (stored) => {
      if (stored.loggedById !== personId)
        throw new Error('Only the person who logged a session can change who sees its words.');
      if (lockWrite && stored.updatedAt !== lockWrite.updatedAt)
        throw new Error('That session changed while you were choosing. Try again.');
      const words = prepared.stored ?? stored;
      changed = { ...words, notesVisibility, updatedAt: nextChangeStamp(stored.updatedAt) };
      return changed;
    });
    if (!held || !changed) throw new Error('That session no longer exists.');
    if (lockWrite) await writeLockedWords(db, session.id, prepared.row);
    await refreshPairDigests(db, [session.pairId]);
    // A narrowing must reach the partner's device too: its copy loses the words.
    await markPendingOf(db, 'session', [changed]);
  });
}

/** The session as stored, with its sealed words opened back into it (the lock is on). */
async function sessionWithWords(ref: LoggedRef, vaultKey: CryptoKey): Promise<Session | null> {
  const stored = await findPairRecord(db, 'sessions', ref.pairId, ref.id);
  if (!stored) return null;
  const row = await db.lockedWords.get(ref.id);
  return row ? (withOpenedWords('sessions', [stored], await openRows([row], vaultKey))[0] ?? stored) : stored;
}

/** Ticks an action item as listed on a screen (it carries its session's id, pair and date) done or not. */
export function setListedActionItemDone(item: SessionActionItem, done: boolean): Promise<void> {
  return setActionItemDone({ id: item.sessionId, pairId: item.pairId, date: item.sessionDate }, item.id, done);
}
