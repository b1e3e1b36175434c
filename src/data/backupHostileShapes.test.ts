import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from '../domain/backupFile';
import { describeProblem } from '../domain/backupProblems';
import type { BackupTable } from '../domain/backupRecords';
import { aCheckIn, aPair, aPerson, aSession } from '../test/builders';
import { readAllRecords } from './exportBackup';
import { importBackup } from './importBackup';

/*
 * Files of unusual shapes, as someone editing a file by hand or a program gone wrong might make:
 * each must be refused with a message that says where (table, index, field), never a JavaScript
 * error's text, and nothing may be written.
 */

const mentor = aPerson({ name: 'Alex Chen' });
const mentee = aPerson({ name: 'Sam Lee' });
const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id });
const session = aSession({
  pairId: pair.id,
  loggedById: mentor.id,
  actionItems: [{ id: crypto.randomUUID(), text: 'Read', owner: 'mentee', dueDate: null, done: false }],
});
const checkIn = aCheckIn({ pairId: pair.id, raterId: mentee.id, comments: { trust: 'Good' } });

/** A valid file's text, with one record's JSON text changed by `edit`. */
function fileWithRecordText(table: BackupTable, edit: (recordText: string) => string): string {
  const records = { people: [mentor, mentee], pairs: [pair], sessions: [session], checkIns: [checkIn] };
  const texts = Object.fromEntries(
    Object.entries(records).map(([name, list]) => [
      name,
      list.map((record, index) =>
        name === table && index === 0 ? edit(JSON.stringify(record)) : JSON.stringify(record),
      ),
    ]),
  );
  const body = Object.entries(texts)
    .map(([name, list]) => `${JSON.stringify(name)}:[${list.join(',')}]`)
    .join(',');
  return `{"format":"${BACKUP_FORMAT}","formatVersion":${BACKUP_FORMAT_VERSION},"appVersion":"0.1.0","exportedAt":"2026-03-21T18:00:00.000Z","scope":"device","records":{${body}}}`;
}

/** `"field":value` replaced by `"field":replacement` (the text of one JSON value). */
const setField = (field: string, replacement: string) => (text: string) => {
  const record = JSON.parse(text) as Record<string, unknown>;
  return JSON.stringify({ ...record, [field]: '\u0000marker' }).replace('"\\u0000marker"', replacement);
};
/** A key added at the start of a map field (`scores`, `comments`) or of the record itself. */
const addKey = (field: string | null, key: string, value: string) => (text: string) =>
  field === null
    ? text.replace(/^\{/, `{${JSON.stringify(key)}:${value},`)
    : text.replace(`"${field}":{`, `"${field}":{${JSON.stringify(key)}:${value},`);

const JS_ERROR =
  /is not iterable|Cannot read propert|is not a function|undefined|\[object Object\]|TypeError|null is not/;

const cases: { name: string; table: BackupTable; edit: (text: string) => string; field: string }[] = [
  {
    name: '"__proto__" among the scores',
    table: 'checkIns',
    edit: addKey('scores', '__proto__', '3'),
    field: 'scores.__proto__',
  },
  {
    name: '"__proto__" holding an object among the comments',
    table: 'checkIns',
    edit: addKey('comments', '__proto__', '{"trust":"x"}'),
    field: 'comments.__proto__',
  },
  {
    name: '"constructor" among the scores',
    table: 'checkIns',
    edit: addKey('scores', 'constructor', '3'),
    field: 'scores.constructor',
  },
  {
    name: '"constructor" among the comments',
    table: 'checkIns',
    edit: addKey('comments', 'constructor', '"x"'),
    field: 'comments.constructor',
  },
  {
    name: '"toString" among the scores',
    table: 'checkIns',
    edit: addKey('scores', 'toString', '3'),
    field: 'scores.toString',
  },
  {
    name: '"hasOwnProperty" among the comments',
    table: 'checkIns',
    edit: addKey('comments', 'hasOwnProperty', '"x"'),
    field: 'comments.hasOwnProperty',
  },
  {
    name: '"__proto__" as a field of a session',
    table: 'sessions',
    edit: addKey(null, '__proto__', '{"notes":"x"}'),
    field: '__proto__',
  },
  {
    name: '"__proto__" as a field of a person',
    table: 'people',
    edit: addKey(null, '__proto__', 'null'),
    field: '__proto__',
  },
  { name: 'scores as a list', table: 'checkIns', edit: setField('scores', '[4,4]'), field: 'scores' },
  { name: 'scores as null', table: 'checkIns', edit: setField('scores', 'null'), field: 'scores' },
  { name: 'a score as text', table: 'checkIns', edit: setField('scores', '{"trust":"4"}'), field: 'scores.trust' },
  { name: 'a score as a list', table: 'checkIns', edit: setField('scores', '{"trust":[4]}'), field: 'scores.trust' },
  { name: 'comments as a list', table: 'checkIns', edit: setField('comments', '["Good"]'), field: 'comments' },
  {
    name: 'a comment as an object',
    table: 'checkIns',
    edit: setField('comments', '{"trust":{"text":"Good"}}'),
    field: 'comments.trust',
  },
  {
    name: 'action items as an object',
    table: 'sessions',
    edit: setField('actionItems', '{"0":{"text":"Read"}}'),
    field: 'actionItems',
  },
  {
    name: 'an action item as null',
    table: 'sessions',
    edit: setField('actionItems', '[null]'),
    field: 'actionItems[0]',
  },
  {
    name: 'an action item as a list',
    table: 'sessions',
    edit: setField('actionItems', '[["Read"]]'),
    field: 'actionItems[0]',
  },
  {
    name: 'an action item with "__proto__"',
    table: 'sessions',
    edit: setField(
      'actionItems',
      `[{"__proto__":{},"id":"${crypto.randomUUID()}","text":"Read","owner":"mentee","dueDate":null,"done":false}]`,
    ),
    field: 'actionItems[0].__proto__',
  },
  { name: 'topics as text', table: 'sessions', edit: setField('topics', '"hiring"'), field: 'topics' },
  { name: 'topics holding null', table: 'sessions', edit: setField('topics', '[null]'), field: 'topics[0]' },
  {
    name: 'a duration as text',
    table: 'sessions',
    edit: setField('durationMinutes', '"45"'),
    field: 'durationMinutes',
  },
  {
    name: 'a duration as null',
    table: 'sessions',
    edit: setField('durationMinutes', 'null'),
    field: 'durationMinutes',
  },
  { name: 'a cadence as text', table: 'pairs', edit: setField('cadenceDays', '"14"'), field: 'cadenceDays' },
  { name: 'a start date as a number', table: 'pairs', edit: setField('startDate', '20260101'), field: 'startDate' },
  { name: 'a mentor id as an object', table: 'pairs', edit: setField('mentorId', '{}'), field: 'mentorId' },
  { name: 'a name as null', table: 'people', edit: setField('name', 'null'), field: 'name' },
  { name: 'a name as a list', table: 'people', edit: setField('name', '["Alex"]'), field: 'name' },
  { name: 'deletedAt as an object', table: 'people', edit: setField('deletedAt', '{}'), field: 'deletedAt' },
  {
    name: 'updatedAt as a number',
    table: 'sessions',
    edit: setField('updatedAt', '1767225600000'),
    field: 'updatedAt',
  },
  { name: 'a visibility as true', table: 'checkIns', edit: setField('visibility', 'true'), field: 'visibility' },
  { name: 'a side as a list', table: 'checkIns', edit: setField('side', '["mentee"]'), field: 'side' },
  { name: 'a session id as an object', table: 'checkIns', edit: setField('sessionId', '{}'), field: 'sessionId' },
];

describe('a file of unusual shapes is refused with a located message, and nothing is written', () => {
  it.each(cases)('$name', async ({ table, edit, field }) => {
    const before = JSON.stringify(await readAllRecords());

    const result = await importBackup(fileWithRecordText(table, edit));

    if (result.ok) throw new Error('The import was accepted.');
    const [first] = result.problems.map(describeProblem);
    expect(first?.startsWith(`${table}[0]`), first).toBe(true);
    expect(result.problems[0]).toMatchObject({ table, index: 0, field });
    expect(first).not.toMatch(JS_ERROR);
    expect(JSON.stringify(await readAllRecords())).toBe(before);
  });

  it.each([
    { name: 'records as a list', text: '[]', field: 'records' },
    { name: 'records as null', text: 'null', field: 'records' },
    {
      name: 'a table as an object',
      text: '{"people":{},"pairs":[],"sessions":[],"checkIns":[]}',
      field: 'records.people',
    },
    { name: 'a table as null', text: '{"people":[],"pairs":null,"sessions":[],"checkIns":[]}', field: 'records.pairs' },
    {
      name: 'a table as a number',
      text: '{"people":[],"pairs":[],"sessions":7,"checkIns":[]}',
      field: 'records.sessions',
    },
    {
      name: '"__proto__" among the tables',
      text: '{"people":[],"pairs":[],"sessions":[],"checkIns":[],"__proto__":[]}',
      field: 'records.__proto__',
    },
  ])('$name', async ({ text, field }) => {
    const result = await importBackup(
      `{"format":"${BACKUP_FORMAT}","formatVersion":${BACKUP_FORMAT_VERSION},"appVersion":"0.1.0","exportedAt":"2026-03-21T18:00:00.000Z","scope":"device","records":${text}}`,
    );
    if (result.ok) throw new Error('The import was accepted.');
    expect(result.problems[0]).toMatchObject({ field });
    expect(result.problems.map(describeProblem).join(' ')).not.toMatch(JS_ERROR);
  });

  it.each([
    '[1,2]',
    'null',
    '7',
    '"backup"',
    '{"format":["mentorlog-backup"]}',
    `{"__proto__":{"format":"${BACKUP_FORMAT}"}}`,
  ])('a file of %s', async (text) => {
    const result = await importBackup(text);
    if (result.ok) throw new Error('The import was accepted.');
    expect(result.problems.map(describeProblem)[0]).toMatch(/^This is a JSON file, but not a Mentorlog backup/);
  });
});
