import type { z } from 'zod';
import { describeIssue } from '../domain/backupProblems';
import { checkInSchema } from '../domain/checkIn';
import { pairSchema } from '../domain/pair';
import { personSchema } from '../domain/person';
import { programSessionSchema, sessionSchema } from '../domain/session';
import { pairIdOf } from '../domain/syncedRecord';
import { sameJson } from './canonicalJson';
import { stampAheadReason } from './changeClock';
import { contentFor, parseDocId, type SyncRecord } from './syncDocument';
import { databaseOf, syncedRecordTypes, type ProgramDatabase, type SyncedRecordType } from './serverRules';

/*
 * Everything pulled from the server is checked here before it may touch the device: the server's
 * own rules can be bypassed by its admins, a bug or an older app, and a partner's device is not
 * ours. A doc that fails is set aside with a located, plain reason for the sync status: never thrown.
 */

/** The largest doc the server accepts (its rules refuse larger), measured as JSON text. */
export const MAX_DOC_CHARS = 64 * 1024;

/** Keys that could reach an object's prototype if some later code copied them naively. */
const dangerousKeys = new Set(['__proto__', 'constructor', 'prototype']);

export interface PulledProblem {
  database: string;
  docId: string;
  /** Where in the doc, like `content.scores.trust` or `meta.updated`; absent for the doc as a whole. */
  field?: string;
  message: string;
}

export type PulledCheck = { ok: true; entry: SyncRecord; rev: string } | { ok: false; problem: PulledProblem };

/** `checkIn:5f0c… in mentorlog-pair-…: content.scores.trust: Scores go from 1 to 5 (found 7).` */
export function describePulledProblem(problem: PulledProblem): string {
  return `${problem.docId} in ${problem.database}: ${problem.field ? `${problem.field}: ` : ''}${problem.message}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The path of the first dangerous key anywhere in the value, or null. */
function dangerousKeyPath(value: unknown, path: string): string | null {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = dangerousKeyPath(item, `${path}[${index}]`);
      if (found) return found;
    }
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      const here = path ? `${path}.${key}` : key;
      if (dangerousKeys.has(key)) return here;
      const found = dangerousKeyPath(value[key], here);
      if (found) return found;
    }
  }
  return null;
}

function schemaFor(type: SyncedRecordType, destination: ProgramDatabase): z.ZodType {
  switch (type) {
    case 'person':
      return personSchema;
    case 'pair':
      return pairSchema;
    case 'session':
      return destination.kind === 'shared' ? programSessionSchema : sessionSchema;
    case 'checkIn':
      return checkInSchema;
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`),
    'content',
  );
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isPlainObject(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Checks one doc pulled from `database`; `nowMs` is this device's clock. */
export function checkPulledDocument(raw: unknown, database: string, nowMs: number): PulledCheck {
  const docId = isPlainObject(raw) && typeof raw._id === 'string' ? raw._id.slice(0, 120) : '(a doc without an id)';
  const fail = (message: string, field?: string): PulledCheck => ({
    ok: false,
    problem: { database, docId, ...(field ? { field } : {}), message },
  });

  if (!isPlainObject(raw)) return fail('is not a record at all.');
  const size = JSON.stringify(raw).length;
  if (size > MAX_DOC_CHARS)
    return fail(`is ${Math.ceil(size / 1024)} KB, more than the ${MAX_DOC_CHARS / 1024} KB a record may take.`);
  const dangerous = dangerousKeyPath(raw, '');
  if (dangerous) return fail('has a key no Mentorlog record has, of a kind used to attack programs.', dangerous);
  if (typeof raw._rev !== 'string') return fail('has no revision.', '_rev');

  const destination = databaseOf(database);
  if (!destination) return fail('comes from a database that is not one of Mentorlog’s.');
  const { meta, content } = raw;
  if (!isPlainObject(meta)) return fail('should be an object holding the type, pair and stamp.', 'meta');
  if (!isPlainObject(content)) return fail('should be an object holding the record.', 'content');

  const type = syncedRecordTypes.find((known) => known === meta.type);
  if (!type)
    return fail(
      `is ${JSON.stringify(String(meta.type).slice(0, 40))}, which is not a kind of record Mentorlog keeps.`,
      'meta.type',
    );
  if (destination.kind === 'directory' && (type === 'session' || type === 'checkIn')) {
    return fail('The program’s directory holds only pairs and people, never sessions or check-ins.', 'meta.type');
  }
  const named = parseDocId(docId);
  if (!named || named.type !== type || named.recordId !== content.id) {
    return fail(`should be "${type}:" followed by the record's id.`, '_id');
  }

  const parsed = schemaFor(type, destination).safeParse(content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return issue
      ? fail(describeIssue(issue, valueAt(content, issue.path)), fieldPath(issue.path))
      : fail('is not a valid record.', 'content');
  }
  // The parsed record has the type its schema describes: the schema was chosen by `type`.
  const entry = { type, record: parsed.data } as SyncRecord;

  const pairId = pairIdOf(entry);
  if (meta.pairId !== pairId)
    return fail(
      `is ${JSON.stringify(meta.pairId)}, but the record belongs to ${JSON.stringify(pairId)}.`,
      'meta.pairId',
    );
  if (
    destination.kind !== 'directory' &&
    pairId !== null &&
    pairId.toLowerCase() !== destination.pairId.toLowerCase()
  ) {
    return fail(
      'belongs to another pair than this database’s, which only holds its own pair.',
      entry.type === 'pair' ? 'content.id' : 'content.pairId',
    );
  }
  if (meta.updated !== entry.record.updatedAt)
    return fail('does not match the record’s own change time.', 'meta.updated');
  if (meta.deleted !== (entry.record.deletedAt !== null))
    return fail('does not match whether the record is deleted.', 'meta.deleted');
  const audience = destination.kind === 'pair' ? 'pair' : 'program';
  if (meta.visibility !== audience) return fail(`should be "${audience}" in this database.`, 'meta.visibility');

  const allowed = contentFor(entry, destination);
  if (allowed === null || !sameJson(allowed, entry.record)) {
    return fail('holds words or scores its author did not share with the readers of this database.', 'content');
  }
  const ahead = stampAheadReason(Date.parse(entry.record.updatedAt), nowMs);
  if (ahead) return fail(ahead, 'content.updatedAt');

  return { ok: true, entry, rev: raw._rev };
}
