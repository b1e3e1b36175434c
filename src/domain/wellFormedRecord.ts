import { z } from 'zod';
import type { BackupTable } from './backupRecords';
import type { CheckIn } from './checkIn';
import { pairStatusSchema, type Pair } from './pair';
import type { Person } from './person';
import type { RecordFields } from './record';
import { sessionModeSchema, type ActionItem, type Session } from './session';
import { sideSchema } from './side';
import { visibilitySchema } from './checkIn';

/*
 * A quick look at a record of a backup file, for the common case of a file Mentorlog wrote itself:
 * a record in which every field is already what its zod schema (person.ts, pair.ts, session.ts,
 * checkin.ts, record.ts) would output — nothing to trim, no default to fill in, every rule met.
 * Such a record is copied field by field, as the schema would copy it; anything else, however
 * slightly off, gets null here and goes through the schema itself, which says what is wrong and
 * where. So this must never accept what a schema refuses, nor output anything else for it:
 * wellFormedRecord.test.ts holds it to that for every field and rule.
 *
 * Over a backup of 216,000 records it took the import's checks from about 3 s to about 1.2 s.
 * Records are copied field by field into literals: spreading the shared fields into the copy made
 * this slower than zod itself.
 */

// The patterns the schemas test: z.uuid(), z.iso.datetime({ offset: true }), isoDateSchema and
// characteristicIdSchema.
const UUID = z.regexes.uuid();
const TIMESTAMP = z.regexes.datetime({ offset: true, local: false, precision: null });
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CHARACTERISTIC_ID = /^[a-z][a-z0-9-]{0,39}$/;

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
const isTimestamp = (value: unknown): value is string => typeof value === 'string' && TIMESTAMP.test(value);
const isDate = (value: unknown): value is string =>
  typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
const isWhole = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
/** Text of at most `max` characters, and at least `min` with nothing to trim when `trimmed`. */
const isText = (value: unknown, max: number, trimmed = false, min = 0): value is string =>
  typeof value === 'string' && value.length <= max && value.length >= min && (!trimmed || value.trim() === value);
const isOneOf = <T extends string>(value: unknown, options: readonly T[]): value is T =>
  typeof value === 'string' && (options as readonly string[]).includes(value);

const SIDES = sideSchema.options;
const PAIR_STATUSES = pairStatusSchema.options;
const SESSION_MODES = sessionModeSchema.options;
const VISIBILITIES = visibilitySchema.options;

/** The fields every record has (record.ts); each reader copies them itself. */
function hasRecordFields(raw: Fields): raw is Fields & RecordFields {
  const { id, createdAt, updatedAt, deletedAt } = raw;
  return isId(id) && isTimestamp(createdAt) && isTimestamp(updatedAt) && (deletedAt === null || isTimestamp(deletedAt));
}

function person(raw: Fields): Person | null {
  const { name, contact } = raw;
  if (!hasRecordFields(raw) || !isText(name, 120, true, 1) || !isText(contact, 200, true)) return null;
  const { id, createdAt, updatedAt, deletedAt } = raw;
  return { id, createdAt, updatedAt, deletedAt, name, contact };
}

function pair(raw: Fields): Pair | null {
  const { mentorId, menteeId, startDate, endDate, status, goals, cadenceDays } = raw;
  if (
    !hasRecordFields(raw) ||
    !isId(mentorId) ||
    !isId(menteeId) ||
    !isDate(startDate) ||
    !(endDate === null || isDate(endDate)) ||
    !isOneOf(status, PAIR_STATUSES) ||
    !isText(goals, 5000) ||
    !isWhole(cadenceDays, 1, 365) ||
    mentorId === menteeId ||
    (endDate !== null && endDate < startDate)
  ) {
    return null;
  }
  const { id, createdAt, updatedAt, deletedAt } = raw;
  return { id, createdAt, updatedAt, deletedAt, mentorId, menteeId, startDate, endDate, status, goals, cadenceDays };
}

function actionItems(raw: unknown): ActionItem[] | null {
  if (!Array.isArray(raw) || raw.length > 100) return null;
  const items: ActionItem[] = [];
  for (const item of raw) {
    if (!isFields(item)) return null;
    const { id, text, owner, dueDate, done } = item;
    if (
      !isId(id) ||
      !isText(text, 500, true) ||
      !isOneOf(owner, SIDES) ||
      !(dueDate === null || isDate(dueDate)) ||
      typeof done !== 'boolean'
    )
      return null;
    items.push({ id, text, owner, dueDate, done });
  }
  return items;
}

function topics(raw: unknown): string[] | null {
  if (!Array.isArray(raw) || raw.length > 50) return null;
  for (const topic of raw) if (!isText(topic, 200, true, 1)) return null;
  return [...(raw as string[])];
}

function session(raw: Fields): Session | null {
  const { pairId, date, durationMinutes, mode, notes, loggedBy, loggedById, notesVisibility } = raw;
  if (
    !hasRecordFields(raw) ||
    !isId(pairId) ||
    !isDate(date) ||
    !isWhole(durationMinutes, 1, 24 * 60) ||
    !isOneOf(mode, SESSION_MODES) ||
    !isText(notes, 20000) ||
    !isOneOf(loggedBy, SIDES) ||
    !isId(loggedById) ||
    !isOneOf(notesVisibility, VISIBILITIES)
  ) {
    return null;
  }
  const sessionTopics = topics(raw.topics);
  const items = actionItems(raw.actionItems);
  if (!sessionTopics || !items) return null;
  const { id, createdAt, updatedAt, deletedAt } = raw;
  return {
    id,
    createdAt,
    updatedAt,
    deletedAt,
    pairId,
    date,
    durationMinutes,
    mode,
    topics: sessionTopics,
    notes,
    actionItems: items,
    loggedBy,
    loggedById,
    notesVisibility,
  };
}

/** A record keyed by characteristic id, each value passing `accepts`; copied in its own order. */
function byCharacteristic<T>(raw: unknown, accepts: (value: unknown) => value is T): Record<string, T> | null {
  if (!isFields(raw)) return null;
  const copy: Record<string, T> = {};
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (!CHARACTERISTIC_ID.test(key) || key in Object.prototype || !accepts(value)) return null;
    copy[key] = value;
  }
  return copy;
}

const isScore = (value: unknown): value is number => isWhole(value, 1, 5);
const isComment = (value: unknown): value is string => isText(value, 2000);

function checkIn(raw: Fields): CheckIn | null {
  const { pairId, sessionId, date, side, raterId, reflection, visibility, notesVisibility } = raw;
  if (
    !hasRecordFields(raw) ||
    !isId(pairId) ||
    !(sessionId === null || isId(sessionId)) ||
    !isDate(date) ||
    !isOneOf(side, SIDES) ||
    !isId(raterId) ||
    !isText(reflection, 20000) ||
    !isOneOf(visibility, VISIBILITIES) ||
    !isOneOf(notesVisibility, VISIBILITIES)
  ) {
    return null;
  }
  const scores = byCharacteristic(raw.scores, isScore);
  const comments = byCharacteristic(raw.comments, isComment);
  if (!scores || !comments) return null;
  const { id, createdAt, updatedAt, deletedAt } = raw;
  return {
    id,
    createdAt,
    updatedAt,
    deletedAt,
    pairId,
    sessionId,
    date,
    side,
    raterId,
    scores,
    comments,
    reflection,
    visibility,
    notesVisibility,
  };
}

const readers: { [T in BackupTable]: (raw: Fields) => RecordFields | null } = {
  people: person,
  pairs: pair,
  sessions: session,
  checkIns: checkIn,
};

/**
 * The record as its table's schema would output it, when it is exactly such a record already;
 * null when it needs the schema's closer look (which may still accept it, say after trimming).
 */
export function wellFormedRecord(table: BackupTable, raw: unknown): RecordFields | null {
  return isFields(raw) ? readers[table](raw) : null;
}
