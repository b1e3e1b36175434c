import { db, pairWriteTables } from '../db/database';
import { putRecords } from '../db/monthLogs';
import { refreshPairDigests } from '../db/pairDigests';
import { generateDemoProgram } from '../domain/demoProgram';
import type { Person } from '../domain/person';
import { sealNewPrivateWords } from './appLock';

/**
 * Writes the demo program into the device's database and returns its coordinator, so the app can
 * open as them. Everything is written in one transaction: a failure leaves no half-loaded
 * demo behind. The records' ids come from a fixed seed, so loading again overwrites the same
 * records (`bulkPut`) rather than adding a second copy.
 */
export async function loadDemoProgram(today: string): Promise<Person> {
  // Generated before the transaction: only Dexie calls may be awaited inside it.
  const program = generateDemoProgram({ today });
  await db.transaction('rw', [db.people, ...pairWriteTables(db)], async () => {
    await db.people.bulkPut(program.people);
    await db.pairs.bulkPut(program.pairs);
    await putRecords(db, program);
    await refreshPairDigests(
      db,
      program.pairs.map((pair) => pair.id),
      today,
    );
  });
  // With the app lock on, the demo's private words are sealed as any other's.
  await sealNewPrivateWords();
  return program.coordinator;
}
