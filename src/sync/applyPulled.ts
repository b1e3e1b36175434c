import type { CheckIn } from '../domain/checkIn';
import { keepingPrivateWords } from '../domain/session';
import { parseDocId, type RecordRef, type SyncRecord } from '../domain/syncedRecord';
import type { PulledProblem } from './checkPulledDocument';
import { mergeRecords } from './mergeRecords';
import { contentFor } from './syncDocument';
import { databaseName, type ProgramDatabase } from './serverRules';
import type { ChooseVersion, LocalRecords } from './syncStore';

/*
 * Checked, pulled versions meet the device's own. They are compared as the database sees them
 * (the device's record through the same view the doc went through), so that the device's own
 * version coming back, stripped of its private parts, is recognised as the same and changes nothing.
 * The choice is made inside the write, against what the device holds then.
 */

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

/** The pulled version if it wins over the device's own, as the destination's readers see both. */
export function chooseFrom(destination: ProgramDatabase): ChooseVersion {
  return (local, pulled) => {
    const localView = local ? (contentFor(local, destination) ?? local.record) : null;
    if (mergeRecords(localView, pulled.record) === 'keep-local') return null;
    return withLocalPrivateParts(pulled, local);
  };
}

/** Writes the pulled versions that win over the device's own; returns how many, and those set aside. */
export async function applyPulled(
  records: LocalRecords,
  pulled: readonly SyncRecord[],
  destination: ProgramDatabase,
): Promise<{ applied: number; problems: PulledProblem[] }> {
  if (pulled.length === 0) return { applied: 0, problems: [] };
  // The latest stamp counts for all: the clock only needs to pass it.
  const latest = pulled.reduce((max, entry) =>
    Date.parse(entry.record.updatedAt) > Date.parse(max.record.updatedAt) ? entry : max,
  );
  await records.observeStamp(latest.record.updatedAt);
  const outcome = await records.write(pulled, chooseFrom(destination));
  const database = databaseName(destination);
  return {
    applied: outcome.applied,
    problems: outcome.setAside.map(({ docId, message }) => ({ database, docId, message })),
  };
}

/**
 * Docs deleted from a database (a check-in narrowed so that this database may no longer hold it):
 * the device drops each record unless its own version would not be there either (it narrowed it).
 * Only a check-in's sharing narrows; a deletion of any other doc (by a member or an admin by hand)
 * is not a change any device made through the app, and the device keeps its record.
 */
export async function applyWithdrawals(
  records: LocalRecords,
  ids: readonly string[],
  destination: ProgramDatabase,
): Promise<number> {
  const refs = ids.flatMap((id): RecordRef[] => {
    const named = parseDocId(id);
    return named?.type === 'checkIn' ? [{ type: named.type, id: named.recordId }] : [];
  });
  if (refs.length === 0) return 0;
  return records.withdraw(refs, (local) => contentFor(local, destination) !== null);
}
