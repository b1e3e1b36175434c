import { describe, expect, it } from 'vitest';
import { newLinkSecret, secretBoxName } from '../crypto/keyBoxes';
import { OpenError } from '../crypto/sealing';
import { newContentKey } from '../data/keyring';
import { aPerson } from '../test/builders';
import {
  coordinatorBoxDocuments,
  coordinatorBoxId,
  openPart,
  packParts,
  type CoordinatorKeys,
} from './coordinatorBoxes';
import { MAX_DOC_JSON_LENGTH, pairDatabaseName, sharedDatabaseName } from './serverRules';

/** A program of `pairs` pairs, each with both databases' keys in `generations` generations. */
function aProgramsKeys(pairs: number, generations = 1): CoordinatorKeys {
  const pairIds = Array.from({ length: pairs }, () => crypto.randomUUID());
  const keys = pairIds.flatMap((pairId) =>
    Array.from({ length: generations }, (_, index) => [
      newContentKey(pairDatabaseName(pairId), index + 1),
      newContentKey(sharedDatabaseName(pairId), index + 1),
    ]).flat(),
  );
  return { keys, pairIds, person: aPerson({ name: 'Cora Coordinator' }) };
}

async function openAll(secret: string, docs: { _id: string; box: unknown }[]) {
  const parts = [];
  for (const [index, doc] of docs.entries()) parts.push(await openPart(secret, doc.box, doc._id, index));
  return parts;
}

describe('the boxes of a coordinator’s keys', () => {
  it('hold a small program in one box that opens with the link’s secret', async () => {
    const whole = aProgramsKeys(3);
    const secret = newLinkSecret();
    const docs = await coordinatorBoxDocuments(await secretBoxName(secret), secret, whole, 'cora', Date.now());
    expect(docs).toHaveLength(1);
    expect(await openAll(secret, docs)).toEqual([{ ...whole, part: 0, parts: 1 }]);
    expect(JSON.stringify(docs)).not.toContain(whole.keys[0]?.key);
  });

  it('split 1,000 pairs’ 4,000 keys over boxes each under the server’s 64 KiB, and give every key back', async () => {
    const whole = aProgramsKeys(1_000, 2);
    const secret = newLinkSecret();
    const boxName = await secretBoxName(secret);
    const docs = await coordinatorBoxDocuments(boxName, secret, whole, 'cora', Date.now());
    expect(docs.length).toBeGreaterThan(1);
    for (const doc of docs) expect(JSON.stringify(doc).length).toBeLessThanOrEqual(MAX_DOC_JSON_LENGTH);
    expect(docs.map((doc) => doc._id)).toEqual(docs.map((_, index) => coordinatorBoxId('cora', boxName, index)));
    const parts = await openAll(secret, docs);
    expect(parts.every((part) => part?.parts === docs.length)).toBe(true);
    expect(parts.flatMap((part) => part?.keys ?? [])).toEqual(whole.keys);
    expect(parts.flatMap((part) => part?.pairIds ?? [])).toEqual(whole.pairIds);
    expect(parts.map((part) => part?.person?.name ?? null)).toEqual([
      'Cora Coordinator',
      ...docs.slice(1).map(() => null),
    ]);
  });

  it('pack even an empty program into one part', () => {
    expect(packParts({ keys: [], pairIds: [], person: null })).toEqual([
      { part: 0, parts: 1, keys: [], pairIds: [], person: null },
    ]);
  });

  it('do not open with another secret, nor as another part', async () => {
    const whole = aProgramsKeys(600);
    const secret = newLinkSecret();
    const boxName = await secretBoxName(secret);
    const docs = await coordinatorBoxDocuments(boxName, secret, whole, 'cora', Date.now());
    expect(docs.length).toBeGreaterThan(1);
    const first = coordinatorBoxId('cora', boxName, 0);
    await expect(openPart(newLinkSecret(), docs[0]?.box, first, 0)).rejects.toBeInstanceOf(OpenError);
    await expect(openPart(secret, docs[1]?.box, first, 0)).rejects.toBeInstanceOf(OpenError);
    // Opened under its own id but claimed as another part: not taken.
    expect(await openPart(secret, docs[1]?.box, coordinatorBoxId('cora', boxName, 1), 0)).toBeNull();
  });
});
