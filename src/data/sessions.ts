import { db } from '../db/database';
import { refreshPairDigests } from '../db/pairDigests';
import type { Pair } from '../domain/pair';
import { newRecordFields } from '../domain/record';
import { parseTopics, sessionSchema, type Session, type SessionFormValues } from '../domain/session';
import type { Side } from '../domain/side';
import { askForPersistenceOnce } from './storagePersistence';

export function sessionFromForm(form: SessionFormValues, pair: Pair, side: Side, personId: string): Session {
  return sessionSchema.parse({
    ...newRecordFields(),
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
  });
}

export async function logSession(session: Session): Promise<void> {
  await db.transaction('rw', [db.pairs, db.sessions, db.checkIns, db.pairDigests, db.pairMonths], async () => {
    await db.sessions.add(session);
    await refreshPairDigests(db, [session.pairId]);
  });
  void askForPersistenceOnce();
}

export async function setActionItemDone(sessionId: string, itemId: string, done: boolean): Promise<void> {
  await db.transaction('rw', [db.pairs, db.sessions, db.checkIns, db.pairDigests, db.pairMonths], async () => {
    const session = await db.sessions.get(sessionId);
    if (!session) throw new Error('That session no longer exists.');
    const actionItems = session.actionItems.map((item) => (item.id === itemId ? { ...item, done } : item));
    await db.sessions.update(sessionId, { actionItems, updatedAt: new Date().toISOString() });
    await refreshPairDigests(db, [session.pairId]);
  });
}
