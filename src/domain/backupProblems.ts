import type { z } from 'zod';
import type { BackupTable } from './backupRecords';

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
    problem.table === undefined
      ? ''
      : `${problem.table}[${problem.index ?? '?'}]${problem.id ? ` (id ${problem.id})` : ''}: `;
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
export const formatCount = (value: number | bigint) => numberFormat.format(value);

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
export function shown(value: unknown): string {
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
        return value.trim() === ''
          ? 'is empty.'
          : `is too short: at least ${formatCount(issue.minimum)} characters are needed.`;
      }
      return withFound(issue.message, value);
    case 'invalid_value':
      if (issue.values.length === 1) return `is ${shown(value)}; it should be ${JSON.stringify(issue.values[0])}.`;
      return `is ${shown(value)}, which is not one of ${issue.values.map((option) => JSON.stringify(option)).join(', ')}.`;
    case 'invalid_format':
      if (issue.format === 'uuid')
        return `is ${shown(value)}, which is not an id (ids look like 0f8fad5b-d9cb-469f-a165-70867728950e).`;
      if (issue.format === 'datetime') return `is ${shown(value)}, which is not a time like 2026-03-21T18:00:00.000Z.`;
      return withFound(issue.message, value);
    case 'invalid_key':
      return `has a key that is not allowed: ${issue.issues[0]?.message ?? issue.message}`;
    default:
      return issue.message;
  }
}

/** One problem per field: a date that is malformed is not also reported as "not a real date". */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  where: Omit<BackupProblem, 'field' | 'message'>,
): BackupProblem[] {
  const seen = new Set<string>();
  return issues.flatMap((issue) => {
    const field = fieldPath(issue.path);
    if (seen.has(field)) return [];
    seen.add(field);
    return [{ ...where, ...(field ? { field } : {}), message: describeIssue(issue, valueAt(input, issue.path)) }];
  });
}
