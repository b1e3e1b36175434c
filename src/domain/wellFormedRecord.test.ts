import { describe, expect, it } from 'vitest';
import { aCheckIn, aPair, aPerson, aSession } from '../test/builders';
import { backupTables, type BackupTable } from './backupRecords';
import { checkInSchema } from './checkIn';
import { pairSchema } from './pair';
import { personSchema } from './person';
import { sessionSchema } from './session';
import { wellFormedRecord } from './wellFormedRecord';

const schemas = { people: personSchema, pairs: pairSchema, sessions: sessionSchema, checkIns: checkInSchema };

const item = { id: crypto.randomUUID(), text: 'Read the chapter', owner: 'mentee', dueDate: '2026-04-01', done: false };
const records: Record<BackupTable, Record<string, unknown>> = {
  people: aPerson({ contact: 'alex@example.org' }),
  pairs: aPair({ endDate: '2026-06-30', goals: 'Find a first role.' }),
  sessions: aSession({
    topics: ['Interviews', 'CV'],
    notes: 'Went well.',
    actionItems: [{ ...item, owner: 'mentee' }],
  }),
  checkIns: aCheckIn({ sessionId: crypto.randomUUID(), comments: { trust: 'Open.' }, reflection: 'A good month.' }),
};

const text = (length: number) => 'x'.repeat(length);
/** Values tried in every field: each type, each edge of each rule, and text needing a trim. */
const values: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -1,
  1,
  1.5,
  5,
  6,
  14,
  365,
  366,
  1440,
  1441,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  ' ',
  'a',
  ' a',
  'a ',
  'trust',
  'Trust',
  ...[40, 41, 120, 121, 200, 201, 500, 501, 2000, 2001, 5000, 5001, 20000, 20001].flatMap((length) => [
    text(length),
    ` ${text(length - 1)}`,
  ]),
  crypto.randomUUID(),
  crypto.randomUUID().toUpperCase(),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '0f8fad5b-d9cb-069f-a165-70867728950e',
  '0f8fad5b-d9cb-469f-c165-70867728950e',
  '0f8fad5b-d9cb-469f-a165-70867728950',
  '2026-03-21T18:00:00.000Z',
  '2026-03-21T18:00:00Z',
  '2026-03-21T18:00:00+01:00',
  '2026-03-21T18:00:00',
  '2026-02-29T18:00:00Z',
  '2024-02-29T18:00:00Z',
  '2026-03-21',
  '2026-01-01',
  '2025-12-31',
  '2026-02-30',
  '2026-13-01',
  '2026-3-1',
  '20260321',
  'mentor',
  'mentee',
  'active',
  'paused',
  'closed',
  'in-person',
  'video',
  'private',
  'pair',
  'program',
  [],
  ['a'],
  [' a'],
  [''],
  Array.from({ length: 50 }, (_, index) => `topic ${index}`),
  Array.from({ length: 51 }, (_, index) => `topic ${index}`),
  [item],
  [{ ...item, text: ' Read' }],
  [{ ...item, text: '' }],
  [{ ...item, done: 'no' }],
  [{ ...item, dueDate: null, extra: 1 }],
  Array.from({ length: 100 }, () => item),
  Array.from({ length: 101 }, () => item),
  [null],
  {},
  { trust: 3 },
  { trust: 3, fairness: 5 },
  { trust: 0 },
  { trust: 2.5 },
  { trust: '3' },
  { Trust: 3 },
  { 'non-judgment': 1 },
  { [`a${text(39)}`]: 1 },
  { [`a${text(40)}`]: 1 },
  { trust: 'Open.' },
  { trust: text(2001) },
  JSON.parse('{"__proto__": 3}') as unknown,
];

/** Every field, nested ones included, by its path: replaced by `value`, or removed when `value` is undefined. */
function withField(record: Record<string, unknown>, path: readonly (string | number)[], value: unknown): unknown {
  const copy: unknown = structuredClone(record);
  let target = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
}

function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value))
    return value.flatMap((entry, index) => [[...prefix, index], ...pathsOf(entry, [...prefix, index])]);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, entry]) => [[...prefix, key], ...pathsOf(entry, [...prefix, key])]);
  }
  return [];
}

/** What the quick look outputs equals, to the order of the keys, what the schema outputs; or it leaves the record to the schema. */
function expectAgreement(table: BackupTable, raw: unknown, label: string) {
  const quick = wellFormedRecord(table, raw);
  if (quick === null) return;
  const checked = schemas[table].safeParse(raw);
  expect(checked.success, `${label} was accepted by the quick look only`).toBe(true);
  if (checked.success) expect(JSON.stringify(quick), label).toBe(JSON.stringify(checked.data));
}

describe('wellFormedRecord', () => {
  it.each(backupTables)('copies a well-formed %s record exactly as its schema outputs it', (table) => {
    const quick = wellFormedRecord(table, records[table]);
    expect(quick).not.toBeNull();
    expect(JSON.stringify(quick)).toBe(JSON.stringify(schemas[table].parse(records[table])));
  });

  it.each(backupTables)(
    'accepts no %s record its schema refuses or would output otherwise, whatever field is changed to whatever',
    (table) => {
      const record = records[table];
      for (const path of pathsOf(record)) {
        for (const value of values)
          expectAgreement(
            table,
            withField(record, path, value),
            `${path.join('.')} = ${JSON.stringify(value)?.slice(0, 60)}`,
          );
      }
      for (const value of values) expectAgreement(table, value, `the record = ${JSON.stringify(value)?.slice(0, 60)}`);
      expectAgreement(table, { ...record, extra: 'dropped' }, 'an unknown field');
    },
  );

  it('copies a session whose words were held from its holder (blank action item text), as its schema does', () => {
    const held = {
      ...records.sessions,
      notesVisibility: 'private',
      topics: [],
      notes: '',
      actionItems: [{ ...item, text: '' }],
    };
    expect(wellFormedRecord('sessions', held)).toEqual(sessionSchema.parse(held));
    expect(wellFormedRecord('sessions', withField(held, ['notesVisibility'], undefined))).toBeNull();
  });

  it('leaves to the schema a record whose text it would trim, or that has a field missing', () => {
    expect(wellFormedRecord('people', { ...records.people, name: ' Alex Chen ' })).toBeNull();
    expect(wellFormedRecord('people', withField(records.people, ['contact'], undefined))).toBeNull();
    expect(wellFormedRecord('sessions', { ...records.sessions, topics: ['CV '] })).toBeNull();
  });

  it('refuses a pair of one person, or one that ends before it starts', () => {
    const pair = records.pairs;
    expectAgreement('pairs', { ...pair, menteeId: pair.mentorId }, 'one person');
    expect(wellFormedRecord('pairs', { ...pair, menteeId: pair.mentorId })).toBeNull();
    expect(wellFormedRecord('pairs', { ...pair, endDate: '2025-12-31' })).toBeNull();
    expect(wellFormedRecord('pairs', { ...pair, endDate: pair.startDate })).not.toBeNull();
  });
});
