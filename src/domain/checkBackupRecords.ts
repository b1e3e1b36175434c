import { backupTables, countRecords, type BackupRecords, type BackupTable } from './backupRecords';
import { issuesToProblems, ProblemList } from './backupProblems';
import { checkInSchema } from './checkIn';
import { localToday } from './dates';
import { ownRuleCheck } from './importRules';
import { pairSchema } from './pair';
import { personSchema } from './person';
import { inCurrentFormat, type BackupEnvelope } from './backupFile';
import { isObject, PROTO, PROTO_KEY_MESSAGE } from './readBackup';
import type { RecordFields } from './record';
import { sessionSchema } from './session';
import { wellFormedRecord } from './wellFormedRecord';

/** Each table's schema. wellFormedRecord.ts mirrors them: a change here needs one there too (its test catches most that do not). */
const recordSchemas = {
  people: personSchema,
  pairs: pairSchema,
  sessions: sessionSchema,
  checkIns: checkInSchema,
} as const;

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
    for (const [index, item] of items.entries())
      if (isObject(item) && Object.hasOwn(item, PROTO)) return `actionItems[${index}].${PROTO}`;
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
export function* checkBackupRecords(
  envelope: BackupEnvelope,
  chunkSize = CHECK_CHUNK,
  now: Date = new Date(),
): Generator<CheckProgress, RecordsCheck, void> {
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
      const raw = inCurrentFormat(envelope.formatVersion, table, raws[index]);
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
          problems.add({
            ...where(),
            field: 'id',
            message: `is also the id of ${earlier.table}[${earlier.index}]; every record needs its own id.`,
          });
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
