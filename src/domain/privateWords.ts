import type { CheckIn } from './checkIn';
import { withoutSessionWords, type Session } from './session';

/*
 * The words of a session or check-in kept to "only me", as the app lock seals them at rest: a
 * check-in's reflection and comments, a session's notes, topics and action items' texts (by item).
 * With the lock on the stored record keeps these blank and its facts as they are (scores included:
 * the device's own trends and digests read them), and the words are stored sealed beside it.
 */

export type LockedTable = 'sessions' | 'checkIns';

export interface CheckInWords {
  reflection: string;
  comments: Record<string, string>;
}

export interface SessionWords {
  notes: string;
  topics: string[];
  /** Each action item's text, by the item's id. */
  actionItems: Record<string, string>;
}

export interface LockedRecords {
  sessions: Session;
  checkIns: CheckIn;
}

export type WordsOf<T extends LockedTable> = T extends 'sessions' ? SessionWords : CheckInWords;

/** Whether the lock seals this record's words: they are kept to "only me". */
export function wordsArePrivate(record: { notesVisibility: string }): boolean {
  return record.notesVisibility === 'private';
}

/** What the lock seals of a record's words. */
export function wordsOf<T extends LockedTable>(table: T, record: LockedRecords[T]): WordsOf<T> {
  if (table === 'checkIns') {
    const { reflection, comments } = record as CheckIn;
    return { reflection, comments } as WordsOf<T>;
  }
  const { notes, topics, actionItems } = record as Session;
  return {
    notes,
    topics,
    actionItems: Object.fromEntries(actionItems.map((item) => [item.id, item.text])),
  } as WordsOf<T>;
}

/** The record as stored while its words are sealed: words blank, every fact kept. */
export function withoutWords<T extends LockedTable>(table: T, record: LockedRecords[T]): LockedRecords[T] {
  if (table === 'checkIns') return { ...(record as CheckIn), reflection: '', comments: {} } as LockedRecords[T];
  return withoutSessionWords(record as Session) as LockedRecords[T];
}

/** Whether a record's stored words are blank, as `withoutWords` leaves them. */
export function hasBlankWords<T extends LockedTable>(table: T, record: LockedRecords[T]): boolean {
  if (table === 'checkIns') {
    const { reflection, comments } = record as CheckIn;
    return reflection === '' && Object.keys(comments).length === 0;
  }
  const { notes, topics, actionItems } = record as Session;
  return notes === '' && topics.length === 0 && actionItems.every((item) => item.text === '');
}

/**
 * The record with its opened words given back. Only a record still kept to "only me" whose stored
 * words are blank takes them: a later version that carries words of its own (shared since, on
 * another device of its author) keeps those.
 */
export function withWords<T extends LockedTable>(table: T, record: LockedRecords[T], words: unknown): LockedRecords[T] {
  if (!wordsArePrivate(record) || !hasBlankWords(table, record) || !isWordsOf(table, words)) return record;
  if (table === 'checkIns') {
    const { reflection, comments } = words as CheckInWords;
    return { ...(record as CheckIn), reflection, comments } as LockedRecords[T];
  }
  const { notes, topics, actionItems } = words as SessionWords;
  const session = record as Session;
  return {
    ...session,
    notes,
    topics,
    actionItems: session.actionItems.map((item) => ({ ...item, text: actionItems[item.id] ?? item.text })),
  } as LockedRecords[T];
}

/** Records with the words opened for them (by record id) given back, as `withWords` gives each. */
export function withOpenedWords<T extends LockedTable>(
  table: T,
  records: readonly LockedRecords[T][],
  words: ReadonlyMap<string, unknown>,
): LockedRecords[T][] {
  return records.map((record) => {
    const opened = words.get(record.id);
    return opened === undefined ? record : withWords(table, record, opened);
  });
}

const isTextRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((text) => typeof text === 'string');

/** Whether an opened value has the shape of the words of this kind of record. */
export function isWordsOf<T extends LockedTable>(table: T, value: unknown): value is WordsOf<T> {
  if (typeof value !== 'object' || value === null) return false;
  if (table === 'checkIns') {
    const { reflection, comments } = value as Partial<CheckInWords>;
    return typeof reflection === 'string' && isTextRecord(comments);
  }
  const { notes, topics, actionItems } = value as Partial<SessionWords>;
  return (
    typeof notes === 'string' &&
    Array.isArray(topics) &&
    topics.every((topic) => typeof topic === 'string') &&
    isTextRecord(actionItems)
  );
}

/**
 * The additional data that binds sealed words to their record: words moved to another record's
 * place do not open.
 */
export function lockedWordsContext(table: LockedTable, recordId: string): string {
  return `mentorlog locked words|${table}|${recordId}`;
}
