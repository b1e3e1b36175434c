import { z } from 'zod';
import { checkInSchema, type CheckIn } from './checkIn';
import { pairSchema, type Pair } from './pair';
import { personSchema, type Person } from './person';
import { isoTimestampSchema, type RecordFields } from './record';
import { sessionSchema, type Session } from './session';
import { localToday } from './dates';
import { ownRuleCheck } from './importRules';
import { wellFormedRecord } from './wellFormedRecord';

/**
 * The backup file: every record of the device (or of one pair, for the partner) with a header
 * saying what the file is. Import checks the whole file against the same zod schemas that forms and
 * database writes use, reports each problem with where it is (table, index, id, field), checks that
 * references point somewhere, and plans a merge by id in which the newest change wins.
 *
 * Everything here is pure, so that it can run anywhere and is tested with plain inputs. The checks
 * are a generator so that the caller can yield to the event loop between chunks of a large file.
 */

export const BACKUP_FORMAT = 'mentorlog-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** The tables in the order they are checked and written: people before the pairs that name them, and so on. */
export const backupTables = ['people', 'pairs', 'sessions', 'checkIns'] as const;
export type BackupTable = (typeof backupTables)[number];

export interface BackupRecords {
  people: Person[];
  pairs: Pair[];
  sessions: Session[];
  checkIns: CheckIn[];
}

/** Each table's schema. wellFormedRecord.ts mirrors them: a change here needs one there too (its test catches most that do not). */
const recordSchemas = {
  people: personSchema,
  pairs: pairSchema,
  sessions: sessionSchema,
  checkIns: checkInSchema,
} as const;

/** A device backup holds everything on the device; a pair share holds one pair, for its partner. */
export const backupScopeSchema = z.enum(['device', 'pair']);
export type BackupScope = z.infer<typeof backupScopeSchema>;

const headerShape = {
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  appVersion: z.string().min(1).max(100),
  exportedAt: isoTimestampSchema,
  scope: backupScopeSchema,
};

/** The whole file in one schema: what export writes (its tests check this) and what import accepts. */
export const backupFileSchema = z.object({
  ...headerShape,
  records: z.object({
    people: z.array(personSchema),
    pairs: z.array(pairSchema),
    sessions: z.array(sessionSchema),
    checkIns: z.array(checkInSchema),
  }),
});
export type BackupFile = z.infer<typeof backupFileSchema>;

/**
 * The same file with its records left unchecked. Import checks the header first, then each record
 * on its own, so it can locate every problem and report progress through a large file.
 */
const backupEnvelopeSchema = z.object({
  ...headerShape,
  records: z.object({
    people: z.array(z.unknown()),
    pairs: z.array(z.unknown()),
    sessions: z.array(z.unknown()),
    checkIns: z.array(z.unknown()),
  }),
});
export type BackupEnvelope = z.infer<typeof backupEnvelopeSchema>;

export type BackupHeader = Omit<BackupFile, 'records'>;

/** What a backup file says about itself, ahead of its records. */
export function buildBackupHeader(options: { scope: BackupScope; appVersion: string; exportedAt: string }): BackupHeader {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: options.appVersion,
    exportedAt: options.exportedAt,
    scope: options.scope,
  };
}

export function buildBackupFile(options: { scope: BackupScope; appVersion: string; exportedAt: string; records: BackupRecords }): BackupFile {
  const { people, pairs, sessions, checkIns } = options.records;
  return { ...buildBackupHeader(options), records: { people, pairs, sessions, checkIns } };
}

/** Records as JSON writes them inside a list, without its brackets: one run of a table's records. */
export function recordsText(records: readonly unknown[]): string {
  return JSON.stringify(records).slice(1, -1);
}

/**
 * A backup file's text, in parts, from its header and each table's records in runs, in order: each
 * run is the text of some records (see `recordsText`), never empty, or something that stands for
 * it (export hands in Blobs). Joined, the parts are exactly `JSON.stringify` of the same file, so a
 * large backup is made a run at a time, never as one string.
 */
export function backupFileParts<Run>(header: BackupHeader, runs: { [T in BackupTable]: readonly Run[] }): Array<string | Run> {
  // The header's keys and then "records", last, as in buildBackupFile.
  const parts: Array<string | Run> = [`${JSON.stringify(header).slice(0, -1)},"records":{`];
  for (const [index, table] of backupTables.entries()) {
    parts.push(`${index > 0 ? ',' : ''}${JSON.stringify(table)}:[`);
    for (const [position, run] of runs[table].entries()) {
      if (position > 0) parts.push(',');
      parts.push(run);
    }
    parts.push(']');
  }
  parts.push('}}');
  return parts;
}

export function countRecords(records: { [T in BackupTable]: readonly unknown[] }): number {
  return backupTables.reduce((sum, table) => sum + records[table].length, 0);
}

// ---------------------------------------------------------------------------------------------
// Problems, and where they are

/** One thing wrong with a file: where it is (a record and a field, or the file as a whole) and what. */
export interface BackupProblem {
  table?: BackupTable;
  index?: number;
  /** The record's id as written in the file, when it has a readable one. */
  id?: string;
  /** The field's path inside the record (or the header), like `scores.trust` or `actionItems[0].text`. */
  field?: string;
  message: string;
}

/** How many problems are kept to show; the rest are only counted. */
export const PROBLEMS_SHOWN = 10;

/** `checkIns[12] (id 5f0c…): scores.trust: Scores go from 1 to 5 (found 7).` */
export function describeProblem(problem: BackupProblem): string {
  const record =
    problem.table === undefined ? '' : `${problem.table}[${problem.index ?? '?'}]${problem.id ? ` (id ${problem.id})` : ''}: `;
  const field = problem.field ? `${problem.field}: ` : '';
  return `${record}${field}${problem.message}`;
}

/** The first problems in full and a count of all of them, so a file broken everywhere still gives a short report. */
export class ProblemList {
  readonly shown: BackupProblem[] = [];
  count = 0;

  add(problem: BackupProblem): void {
    this.count++;
    if (this.shown.length < PROBLEMS_SHOWN) this.shown.push(problem);
  }
}

const numberFormat = new Intl.NumberFormat('en-US');
const formatCount = (value: number | bigint) => numberFormat.format(value);

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text ? `${text}.${name}` : name;
  }, '');
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function typeOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return Number.isInteger(value) ? 'a whole number' : 'a number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

const expectedNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

/** A value as it appears in a message: short enough to read, quoted when it is text. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return typeOfValue(value);
}

function withFound(message: string, value: unknown): string {
  if (typeof value !== 'number' && typeof value !== 'string') return message;
  return `${message.replace(/\.$/, '')} (found ${shown(value)}).`;
}

/**
 * A zod issue in words for someone looking at a file, not filling in a form: what was found and
 * what was expected. Messages the schemas wrote themselves (like "Scores go from 1 to 5.") are kept.
 */
export function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedNames[issue.expected] ?? issue.expected;
      if (value === undefined) return `is missing; it should be ${expected}.`;
      if (issue.expected === 'int' && typeof value === 'number') return `is ${value}; it should be a whole number.`;
      return `should be ${expected}, not ${typeOfValue(value)}${typeof value === 'string' || typeof value === 'number' ? ` (${shown(value)})` : ''}.`;
    }
    case 'too_big':
      if (issue.origin === 'string' && typeof value === 'string') {
        return `is too long: ${formatCount(value.length)} characters, where at most ${formatCount(issue.maximum)} are allowed.`;
      }
      if (issue.origin === 'array' && Array.isArray(value)) {
        return `has too many entries: ${formatCount(value.length)}, where at most ${formatCount(issue.maximum)} are allowed.`;
      }
      return withFound(issue.message, value);
    case 'too_small':
      if (issue.origin === 'string' && typeof value === 'string') {
        return value.trim() === '' ? 'is empty.' : `is too short: at least ${formatCount(issue.minimum)} characters are needed.`;
      }
      return withFound(issue.message, value);
    case 'invalid_value':
      if (issue.values.length === 1) return `is ${shown(value)}; it should be ${JSON.stringify(issue.values[0])}.`;
      return `is ${shown(value)}, which is not one of ${issue.values.map((option) => JSON.stringify(option)).join(', ')}.`;
    case 'invalid_format':
      if (issue.format === 'uuid') return `is ${shown(value)}, which is not an id (ids look like 0f8fad5b-d9cb-469f-a165-70867728950e).`;
      if (issue.format === 'datetime') return `is ${shown(value)}, which is not a time like 2026-03-21T18:00:00.000Z.`;
      return withFound(issue.message, value);
    case 'invalid_key':
      return `has a key that is not allowed: ${issue.issues[0]?.message ?? issue.message}`;
    default:
      return issue.message;
  }
}

/** One problem per field: a date that is malformed is not also reported as "not a real date". */
function issuesToProblems(issues: readonly z.core.$ZodIssue[], input: unknown, where: Omit<BackupProblem, 'field' | 'message'>): BackupProblem[] {
  const seen = new Set<string>();
  return issues.flatMap((issue) => {
    const field = fieldPath(issue.path);
    if (seen.has(field)) return [];
    seen.add(field);
    return [{ ...where, ...(field ? { field } : {}), message: describeIssue(issue, valueAt(input, issue.path)) }];
  });
}

// ---------------------------------------------------------------------------------------------
// Step 1: the text, and the header

export type BackupReadResult = { ok: true; envelope: BackupEnvelope } | { ok: false; problems: BackupProblem[] };

/**
 * True when JSON text stops inside a string, object or list: the file was cut short rather than
 * written wrong. Only called once parsing has failed.
 */
function endsInsideAValue(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c /* \ */) index++;
      else if (code === 0x22 /* " */) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b /* { */ || code === 0x5b /* [ */) depth++;
    else if (code === 0x7d /* } */ || code === 0x5d /* ] */) depth--;
  }
  return inString || depth > 0;
}

const CHOOSE_EXPORTED_FILE = 'Choose the .json file that Mentorlog exported.';

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: BackupProblem } {
  const start = text.trimStart();
  if (start === '') return { ok: false, problem: { message: `The file is empty. ${CHOOSE_EXPORTED_FILE}` } };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const looksLikeJson = start.startsWith('{') || start.startsWith('[');
    if (looksLikeJson && endsInsideAValue(text)) {
      return {
        ok: false,
        problem: {
          message:
            `The file is cut short: it stops in the middle of the data, after ${formatCount(text.length)} characters. ` +
            'It was probably not downloaded or copied completely. Export it again and import the new file.',
        },
      };
    }
    if (looksLikeJson) {
      // V8 and others say where they stopped; the rest of their message quotes the file.
      const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
      const near = position === undefined ? '' : ` near character ${formatCount(Number(position) + 1)}`;
      return {
        ok: false,
        problem: { message: `This file looks like JSON but is damaged${near}, so it cannot be read. Export it again and import the new file.` },
      };
    }
    return {
      ok: false,
      problem: { message: `This file is not JSON (it begins ${shown(start.slice(0, 20))}), so it is not a Mentorlog backup. ${CHOOSE_EXPORTED_FILE}` },
    };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses the text and checks everything but the records themselves. */
export function readBackupText(text: string): BackupReadResult {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const value = parsed.value;

  if (!isObject(value) || value.format !== BACKUP_FORMAT) {
    const named = isObject(value) && typeof value.format === 'string' ? ` (it says its format is ${shown(value.format)})` : '';
    return {
      ok: false,
      problems: [
        {
          message: `This is a JSON file, but not a Mentorlog backup${named}: it has no "format": "${BACKUP_FORMAT}" header. It may come from another app. ${CHOOSE_EXPORTED_FILE}`,
        },
      ],
    };
  }

  const version = value.formatVersion;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
    const madeBy = typeof value.appVersion === 'string' ? ` by Mentorlog ${shown(value.appVersion)}` : '';
    return {
      ok: false,
      problems: [
        {
          field: 'formatVersion',
          message:
            `This backup was made${madeBy} in backup format version ${version}, which is newer than this copy of Mentorlog ` +
            `can read (up to version ${BACKUP_FORMAT_VERSION}). Update Mentorlog — reload it while online — and import the file again.`,
        },
      ],
    };
  }

  for (const [field, holder] of [
    ['', value],
    ['records.', value.records],
  ] as const) {
    if (isObject(holder) && Object.hasOwn(holder, PROTO)) return { ok: false, problems: [{ field: `${field}${PROTO}`, message: PROTO_KEY_MESSAGE }] };
  }
  const envelope = backupEnvelopeSchema.safeParse(value);
  if (!envelope.success) return { ok: false, problems: issuesToProblems(envelope.error.issues, value, {}) };
  return { ok: true, envelope: envelope.data };
}

// ---------------------------------------------------------------------------------------------
// Step 2: every record, and duplicate ids

export interface RecordsCheck {
  records: BackupRecords;
  problems: ProblemList;
}

export interface CheckProgress {
  checked: number;
  total: number;
}

/** Records checked between two yields: small enough to keep a page responsive, big enough not to crawl. */
export const CHECK_CHUNK = 2000;

const PROTO = '__proto__';

const PROTO_KEY_MESSAGE = `is a key that cannot be kept: "${PROTO}" names an object's prototype in JavaScript, so Mentorlog would drop it without a word. Remove it from the file.`;

/**
 * Where a record holds a key "__proto__" (JSON.parse makes it an own key; copying it into another
 * object would set that object's prototype instead, and the key would vanish): in the record, in a
 * map of characteristics or in an action item. Null when it holds none.
 */
function protoKeyField(raw: unknown): string | null {
  if (!isObject(raw)) return null;
  if (Object.hasOwn(raw, PROTO)) return PROTO;
  for (const map of ['scores', 'comments']) {
    const value = raw[map];
    if (isObject(value) && Object.hasOwn(value, PROTO)) return `${map}.${PROTO}`;
  }
  const items = raw.actionItems;
  if (Array.isArray(items)) {
    for (const [index, item] of items.entries()) if (isObject(item) && Object.hasOwn(item, PROTO)) return `actionItems[${index}].${PROTO}`;
  }
  return null;
}

function readableId(raw: unknown): string | undefined {
  if (!isObject(raw) || typeof raw.id !== 'string') return undefined;
  return raw.id.length > 60 ? `${raw.id.slice(0, 60)}…` : raw.id;
}

/**
 * Checks each record against its table's schema and the rules it must meet on its own (plausible
 * dates: importRules.ts), and that no id is used twice in the file, in one table or across
 * tables, yielding
 * after every `chunkSize` records. Returns the records as the schemas output them (trimmed, with
 * unknown fields dropped), which is what gets written.
 */
export function* checkBackupRecords(envelope: BackupEnvelope, chunkSize = CHECK_CHUNK, now: Date = new Date()): Generator<CheckProgress, RecordsCheck, void> {
  const problems = new ProblemList();
  const records: BackupRecords = { people: [], pairs: [], sessions: [], checkIns: [] };
  const total = countRecords(envelope.records);
  const ownRuleProblems = ownRuleCheck(localToday(now), now);
  let checked = 0;
  // An id is the record's across every table: one session never shares it with a check-in or a person.
  const firstOfId = new Map<string, { table: BackupTable; index: number }>();

  for (const table of backupTables) {
    const schema = recordSchemas[table];
    const output: RecordFields[] = records[table];
    const raws = envelope.records[table];
    for (let index = 0; index < raws.length; index++) {
      const raw = raws[index];
      // Where the record is, for its problems: only built for a record that has one.
      const where = () => {
        const id = readableId(raw);
        return { table, index, ...(id ? { id } : {}) };
      };
      const protoField = protoKeyField(raw);
      if (protoField !== null) {
        problems.add({ ...where(), field: protoField, message: PROTO_KEY_MESSAGE });
        checked++;
        if (checked % chunkSize === 0) yield { checked, total };
        continue;
      }
      // Most records of a file Mentorlog wrote are exactly what the schema outputs: a quick look
      // accepts those, and the schema checks the rest.
      const wellFormed = wellFormedRecord(table, raw);
      const result = wellFormed ? { success: true as const, data: wellFormed } : schema.safeParse(raw);
      if (result.success) {
        const earlier = firstOfId.get(result.data.id);
        const ruleProblems = ownRuleProblems(table, result.data);
        if (earlier !== undefined) {
          problems.add({ ...where(), field: 'id', message: `is also the id of ${earlier.table}[${earlier.index}]; every record needs its own id.` });
        } else if (ruleProblems.length > 0) {
          for (const problem of ruleProblems) problems.add({ ...where(), ...problem });
        } else {
          firstOfId.set(result.data.id, { table, index });
          output.push(result.data);
        }
      } else {
        for (const problem of issuesToProblems(result.error.issues, raw, where())) problems.add(problem);
      }
      checked++;
      if (checked % chunkSize === 0) yield { checked, total };
    }
  }
  return { records, problems };
}

// ---------------------------------------------------------------------------------------------
// Step 3: references between records

/** The tables a record can point into. */
export interface KnownIds {
  people: ReadonlySet<string>;
  pairs: ReadonlySet<string>;
}

function idsOf(records: readonly RecordFields[]): Set<string> {
  return new Set(records.map((record) => record.id));
}

interface Reference {
  table: 'people' | 'pairs';
  id: string;
  field: string;
}

function* referencesOf(records: BackupRecords): Generator<Reference & { from: BackupTable; index: number; fromId: string }> {
  for (const [index, pair] of records.pairs.entries()) {
    yield { from: 'pairs', index, fromId: pair.id, table: 'people', id: pair.mentorId, field: 'mentorId' };
    yield { from: 'pairs', index, fromId: pair.id, table: 'people', id: pair.menteeId, field: 'menteeId' };
  }
  for (const [index, session] of records.sessions.entries()) {
    yield { from: 'sessions', index, fromId: session.id, table: 'pairs', id: session.pairId, field: 'pairId' };
    yield { from: 'sessions', index, fromId: session.id, table: 'people', id: session.loggedById, field: 'loggedById' };
  }
  // A check-in's link to its session is optional and the check-in stands on its own without it,
  // so a link to a session that is gone is kept rather than refused.
  for (const [index, checkIn] of records.checkIns.entries()) {
    yield { from: 'checkIns', index, fromId: checkIn.id, table: 'pairs', id: checkIn.pairId, field: 'pairId' };
    yield { from: 'checkIns', index, fromId: checkIn.id, table: 'people', id: checkIn.raterId, field: 'raterId' };
  }
}

/** Ids that records in the file point to but that the file does not hold: the caller looks them up on the device. */
export function referencedOutsideFile(records: BackupRecords): { people: string[]; pairs: string[] } {
  const inFile = { people: idsOf(records.people), pairs: idsOf(records.pairs) };
  const outside = { people: new Set<string>(), pairs: new Set<string>() };
  for (const reference of referencesOf(records)) {
    if (!inFile[reference.table].has(reference.id)) outside[reference.table].add(reference.id);
  }
  return { people: [...outside.people], pairs: [...outside.pairs] };
}

const referenceNouns = { people: 'person', pairs: 'pair' } as const;

/**
 * Every reference must point to a record in the file or already on the device (`onDevice`), so
 * that an import never leaves a session without its pair or a pair without its people. The indexes
 * in the problems are positions in the checked records, which match the file when it has no other problems.
 */
export function findReferenceProblems(records: BackupRecords, onDevice: KnownIds): ProblemList {
  const problems = new ProblemList();
  const inFile = { people: idsOf(records.people), pairs: idsOf(records.pairs) };
  for (const reference of referencesOf(records)) {
    if (inFile[reference.table].has(reference.id) || onDevice[reference.table].has(reference.id)) continue;
    problems.add({
      table: reference.from,
      index: reference.index,
      id: reference.fromId,
      field: reference.field,
      message: `points to a ${referenceNouns[reference.table]} (id ${reference.id}) that is neither in this file nor on this device.`,
    });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Step 4: the merge

export interface MergeCounts {
  /** New on this device. */
  added: number;
  /** Newer in the file than on this device, deletions included. */
  updated: number;
  /** The same change is already on this device. */
  unchanged: number;
  /** This device has a newer version, which is kept. */
  skippedOlder: number;
}

export interface MergePlan {
  /** What to write: records new to the device or newer than its copy. */
  writes: BackupRecords;
  counts: Record<BackupTable, MergeCounts>;
  total: MergeCounts;
}

type ExistingRecord = Pick<RecordFields, 'updatedAt' | 'deletedAt'>;

/**
 * When a record last changed. A deletion is a change: it normally moves `updatedAt` too, and
 * counting `deletedAt` as well means a deletion still wins if something deleted without doing so.
 */
function changedAt(record: ExistingRecord): number {
  const updated = Date.parse(record.updatedAt);
  return record.deletedAt === null ? updated : Math.max(updated, Date.parse(record.deletedAt));
}

const noCounts = (): MergeCounts => ({ added: 0, updated: 0, unchanged: 0, skippedOlder: 0 });

/**
 * Merge by id: a record new to the device is added; one the device has is replaced only when the
 * file's copy changed later. On a tie the device's copy stays: the two are the same change, and a
 * shared copy with private words blanked must never replace the full one.
 */
export function planMerge(incoming: BackupRecords, existingById: { [T in BackupTable]: ReadonlyMap<string, ExistingRecord> }): MergePlan {
  const writes: BackupRecords = { people: [], pairs: [], sessions: [], checkIns: [] };
  const counts = { people: noCounts(), pairs: noCounts(), sessions: noCounts(), checkIns: noCounts() };
  const total = noCounts();
  for (const table of backupTables) {
    const out: RecordFields[] = writes[table];
    for (const record of incoming[table]) {
      const existing = existingById[table].get(record.id);
      let outcome: keyof MergeCounts;
      if (!existing) outcome = 'added';
      else {
        const difference = changedAt(record) - changedAt(existing);
        outcome = difference > 0 ? 'updated' : difference === 0 ? 'unchanged' : 'skippedOlder';
      }
      if (outcome === 'added' || outcome === 'updated') out.push(record);
      counts[table][outcome]++;
      total[outcome]++;
    }
  }
  return { writes, counts, total };
}

// ---------------------------------------------------------------------------------------------
// Sharing one pair

/**
 * A check-in as it may leave the device for the pair's partner: what only its rater may see is
 * removed — the whole check-in when both scores and words are private, otherwise the private part
 * (scores, or the comments and reflection) blanked. Applied whoever rated it, because the file
 * passes through the exporter's hands.
 */
export function checkInForPartner(checkIn: CheckIn): CheckIn | null {
  const scoresPrivate = checkIn.visibility === 'private';
  const wordsPrivate = checkIn.notesVisibility === 'private';
  if (scoresPrivate && wordsPrivate) return null;
  return {
    ...checkIn,
    ...(scoresPrivate ? { scores: {} } : {}),
    ...(wordsPrivate ? { comments: {}, reflection: '' } : {}),
  };
}

/** One pair's records for its partner: the pair, its two people, its sessions and the check-ins both may see. */
export function pairShareRecords(pair: Pair, people: readonly Person[], sessions: readonly Session[], checkIns: readonly CheckIn[]): BackupRecords {
  const partnerIds = new Set([pair.mentorId, pair.menteeId]);
  return {
    people: people.filter((person) => partnerIds.has(person.id)),
    pairs: [pair],
    sessions: sessions.filter((session) => session.pairId === pair.id),
    checkIns: checkIns.flatMap((checkIn) => {
      if (checkIn.pairId !== pair.id) return [];
      const shared = checkInForPartner(checkIn);
      return shared ? [shared] : [];
    }),
  };
}
