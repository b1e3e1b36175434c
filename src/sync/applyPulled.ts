import type { CheckIn } from '../domain/checkIn';
import { keepingPrivateWords } from '../domain/session';
import { mergeRecords } from './mergeRecords';
import { contentFor, parseDocId, type SyncRecord } from './syncDocument';
import { type ProgramDatabase } from './serverRules';
import type { LocalRecords } from './syncStore';

/*
 * A checked, pulled version meets the device's own. They are compared as the database sees them
 * (the device's record through the same view the doc went through), so that the device's own
 * version coming back, stripped of its private parts, is recognised as the same and changes nothing.
 */

export type ApplyOutcome = 'applied' | 'kept-local' | 'withdrawn' | 'unchanged';

/**
 * Parts of a check-in or session its author kept private never travel, so a pulled version cannot
 * speak for them: the device keeps its own (a partner who ticks off an action item of the author's
 * private session sends back its facts only).
 */
function withLocalPrivateParts(pulled: SyncRecord, local: SyncRecord | null): SyncRecord {
  if (pulled.type === 'session' && local?.type === 'session')
    return { type: 'session', record: keepingPrivateWords(pulled.record, local.record) };
  if (pulled.type !== 'checkIn' || local?.type !== 'checkIn') return pulled;
  const mine: CheckIn = local.record;
  const record: CheckIn = {
    ...pulled.record,
    ...(pulled.record.visibility === 'private' && mine.visibility === 'private' ? { scores: mine.scores } : {}),
    ...(pulled.record.notesVisibility === 'private' && mine.notesVisibility === 'private'
      ? { comments: mine.comments, reflection: mine.reflection }
      : {}),
  };
  return { type: 'checkIn', record };
}

/** Writes the pulled version to the device if it wins over the device's own. */
export async function applyPulled(
  records: LocalRecords,
  pulled: SyncRecord,
  destination: ProgramDatabase,
): Promise<ApplyOutcome> {
  await records.observeStamp(pulled.record.updatedAt);
  const local = await records.get(pulled.type, pulled.record.id);
  const localView = local ? (contentFor(local, destination) ?? local.record) : null;
  if (mergeRecords(localView, pulled.record) === 'keep-local') return 'kept-local';
  await records.put(withLocalPrivateParts(pulled, local));
  return 'applied';
}

/**
 * A doc deleted from a database (its record narrowed so that this database may no longer hold it):
 * the device drops the record unless its own version would not be there either (it narrowed it).
 */
export async function applyWithdrawal(
  records: LocalRecords,
  id: string,
  destination: ProgramDatabase,
): Promise<ApplyOutcome> {
  const named = parseDocId(id);
  if (!named) return 'unchanged';
  const local = await records.get(named.type, named.recordId);
  if (!local || contentFor(local, destination) === null) return 'unchanged';
  await records.withdraw(named.type, named.recordId);
  return 'withdrawn';
}
