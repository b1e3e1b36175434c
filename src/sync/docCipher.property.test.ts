import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importContentKey, newContentKeyBytes } from '../crypto/sealing';
import { builtInCharacteristics } from '../domain/characteristic';
import { aCheckIn, aPair, aPerson, aSession } from '../test/builders';
import { checkPulledDocument } from './checkPulledDocument';
import { openPulled, outgoingBody } from './docCipher';
import { databaseName, type ProgramDatabase } from './serverRules';
import { toSyncDocument, type SyncRecord } from './syncDocument';
import type { DatabaseKeys } from './syncStore';

// Every kind of record, with any words and scores its schema accepts, sealed for each database it
// may go to and opened again, is the record that database's readers may see; and no two seals of
// any of them share an IV.

const now = Date.parse('2026-06-01T00:00:00.000Z');
const pair = aPair();
const words = fc.string({ maxLength: 300 });
const visibility = fc.constantFrom('private' as const, 'pair' as const, 'program' as const);
const score = fc.integer({ min: 1, max: 5 });

const anEntry: fc.Arbitrary<SyncRecord> = fc.oneof(
  fc
    .record({ name: words.filter((name) => name.trim().length > 0 && name.length <= 120) })
    .map(({ name }): SyncRecord => ({ type: 'person', record: aPerson({ id: pair.mentorId, name: name.trim() }) })),
  fc.record({ goals: words }).map(({ goals }): SyncRecord => ({ type: 'pair', record: { ...pair, goals } })),
  fc
    .record({ notes: words, topic: words, notesVisibility: visibility })
    .map(({ notes, topic, notesVisibility }): SyncRecord => ({
      type: 'session',
      record: aSession({
        pairId: pair.id,
        loggedById: pair.mentorId,
        notes,
        topics: topic.trim() ? [topic.trim().slice(0, 80)] : [],
        notesVisibility,
      }),
    })),
  fc
    .record({
      reflection: words,
      scored: fc.subarray(
        builtInCharacteristics.map((characteristic) => characteristic.id),
        { minLength: 1 },
      ),
      value: score,
      scores: visibility,
      notes: visibility,
    })
    .filter(({ scores, notes }) => scores !== 'private' || notes !== 'private')
    .map(({ reflection, scored, value, scores, notes }): SyncRecord => ({
      type: 'checkIn',
      record: aCheckIn({
        pairId: pair.id,
        raterId: pair.menteeId,
        side: 'mentee',
        reflection,
        scores: Object.fromEntries(scored.map((id) => [id, value])),
        visibility: scores,
        notesVisibility: notes,
      }),
    })),
);

async function keysOf(): Promise<DatabaseKeys> {
  const key = await importContentKey(newContentKeyBytes());
  return { sealWith: { generation: 1, key }, byGeneration: new Map([[1, key]]) };
}

describe('sealing any record', () => {
  it('opens to what each database may hold, and never repeats an IV', async () => {
    const keys = await keysOf();
    const ivs = new Set<string>();
    let seals = 0;
    await fc.assert(
      fc.asyncProperty(anEntry, async (entry) => {
        for (const destination of [
          { kind: 'pair', pairId: pair.id },
          { kind: 'shared', pairId: pair.id },
        ] satisfies ProgramDatabase[]) {
          const doc = toSyncDocument(entry, destination);
          if (!doc) continue;
          const name = databaseName(destination);
          const body = (await outgoingBody({ kind: 'put', doc }, keys)) as { sealed: { iv: string } };
          ivs.add(body.sealed.iv);
          seals += 1;
          const served = JSON.parse(JSON.stringify({ ...body, _rev: '1-a' })) as unknown;
          const opened = await openPulled(served, name, keys);
          expect(opened.ok).toBe(true);
          const check = checkPulledDocument(opened.ok ? opened.doc : null, name, now);
          expect(check.ok && check.entry.record).toEqual(doc.content);
        }
      }),
      { numRuns: 300 },
    );
    expect(seals).toBeGreaterThan(300);
    expect(ivs.size).toBe(seals);
  });
});
