import { describe, expect, it } from 'vitest';
import { importContentKey, newContentKeyBytes, open, seal } from '../crypto/sealing';
import { aCheckIn, aPair, aSession } from '../test/builders';
import { checkPulledDocument } from './checkPulledDocument';
import { keysNotGiven, openPulled, outgoingBody } from './docCipher';
import { sealDocument, sealedAdditionalData } from './sealedDocument';
import { databaseName } from './serverRules';
import { toSyncDocument, type SyncRecord } from './syncDocument';
import type { DatabaseKeys } from './syncStore';

const now = Date.parse('2026-03-01T00:00:00.000Z');
const pair = aPair();
const pairDb = databaseName({ kind: 'pair', pairId: pair.id });
const destination = { kind: 'pair', pairId: pair.id } as const;
const canary = `canary-${crypto.randomUUID()}`;
const checkIn = aCheckIn({
  pairId: pair.id,
  raterId: pair.menteeId,
  visibility: 'pair',
  notesVisibility: 'pair',
  scores: { trust: 2, fairness: 5 },
  reflection: canary,
});

async function keysOf(...generations: number[]): Promise<DatabaseKeys> {
  const byGeneration = new Map<number, CryptoKey>();
  for (const generation of generations) byGeneration.set(generation, await importContentKey(newContentKeyBytes()));
  const newest = Math.max(...generations);
  return { sealWith: { generation: newest, key: byGeneration.get(newest)! }, byGeneration };
}

/** The doc as the server stores it and hands it back: sealed, as JSON, with a rev. */
async function sealed(entry: SyncRecord, keys: DatabaseKeys): Promise<Record<string, unknown>> {
  const doc = toSyncDocument(entry, destination);
  if (!doc) throw new Error('no doc');
  const body = await outgoingBody({ kind: 'put', doc }, keys);
  return JSON.parse(JSON.stringify({ ...body, _rev: '1-abc' })) as Record<string, unknown>;
}

async function problemOf(raw: unknown, keys: DatabaseKeys | null) {
  const opened = await openPulled(raw, pairDb, keys);
  if (opened.ok) throw new Error('expected the doc to be set aside');
  return opened.problem;
}

describe('sealed documents', () => {
  it('carry no word and no score of the record, only the metadata the server’s rules need', async () => {
    const keys = await keysOf(1);
    const doc = await sealed({ type: 'checkIn', record: checkIn }, keys);
    const text = JSON.stringify(doc);
    expect(text).not.toContain(canary);
    expect(text).not.toMatch(/trust|fairness/);
    expect(doc).not.toHaveProperty('content');
    // What the metadata says is not sealed twice: the sealed part holds the rest of the record.
    const inside = (await open(
      keys.sealWith.key,
      doc.sealed,
      sealedAdditionalData(String(doc._id), doc.meta),
    )) as object;
    expect(Object.keys(inside)).not.toEqual(expect.arrayContaining(['id']));
    for (const field of ['id', 'pairId', 'raterId', 'visibility', 'notesVisibility', 'updatedAt'])
      expect(inside, field).not.toHaveProperty(field);
    expect(inside).toMatchObject({ reflection: canary, scores: checkIn.scores });
    expect(doc.meta).toEqual({
      type: 'checkIn',
      pairId: pair.id,
      author: pair.menteeId,
      visibility: 'pair',
      updated: checkIn.updatedAt,
      deleted: false,
      keyGeneration: 1,
      scores: 'pair',
      words: 'pair',
    });
  });

  it('open to the record they sealed, which then passes every check a pulled doc passes', async () => {
    const keys = await keysOf(1, 2);
    for (const entry of [
      { type: 'checkIn', record: checkIn },
      { type: 'session', record: aSession({ pairId: pair.id, loggedById: pair.mentorId, notes: canary }) },
      { type: 'pair', record: pair },
    ] satisfies SyncRecord[]) {
      const opened = await openPulled(await sealed(entry, keys), pairDb, keys);
      expect(opened.ok).toBe(true);
      const check = checkPulledDocument(opened.ok ? opened.doc : null, pairDb, now);
      expect(check.ok && check.entry).toEqual(entry);
    }
  });

  it('open with an older generation the device holds, and say so when it holds none', async () => {
    const old = await keysOf(1);
    const doc = await sealed({ type: 'checkIn', record: checkIn }, old);
    const both = { sealWith: (await keysOf(2)).sealWith, byGeneration: new Map([...old.byGeneration]) };
    both.byGeneration.set(2, both.sealWith.key);
    expect((await openPulled(doc, pairDb, both)).ok).toBe(true);
    expect(await problemOf(doc, await keysOf(2))).toMatchObject({
      field: 'meta.keyGeneration',
      message: expect.stringMatching(/generation 1\) this device has not been given. If a device was just removed/),
    });
    expect(keysNotGiven(2, '2026-12-05T09:00:00.000Z')).toMatch(
      /removed from the pair on 2026-12-05, and gets nothing written since. What it synced before stays readable here/,
    );
    expect(await problemOf(doc, null)).toMatchObject({ field: 'sealed', message: expect.stringMatching(/no key/) });
  });

  it('are refused when the server changed their metadata, or swapped in another record’s sealed part', async () => {
    const keys = await keysOf(1);
    const doc = await sealed({ type: 'checkIn', record: checkIn }, keys);
    const meta = doc.meta as Record<string, unknown>;
    for (const change of [
      { visibility: 'program' },
      { author: pair.mentorId },
      { updated: '2026-02-01T00:00:00.000Z' },
      { words: 'program' },
      { deleted: true },
    ]) {
      const problem = await problemOf({ ...doc, meta: { ...meta, ...change } }, keys);
      expect(problem.message, JSON.stringify(change)).toMatch(/does not open with the pair’s key/);
    }
    const other = await sealed({ type: 'checkIn', record: aCheckIn({ ...checkIn, id: crypto.randomUUID() }) }, keys);
    expect((await problemOf({ ...doc, sealed: other.sealed }, keys)).message).toMatch(/belongs to another record/);
  });

  it('are refused when a partner’s device told the server’s rules something the record does not say', async () => {
    const keys = await keysOf(1);
    // A meta that says the words are private, bound to a sealed record that shares them.
    const doc = toSyncDocument({ type: 'checkIn', record: checkIn }, destination)!;
    const lying = await sealDocument(
      { ...doc, content: { ...doc.content, notesVisibility: 'private' } },
      keys.sealWith.key,
      1,
    );
    const mixed = {
      ...lying,
      _rev: '1-abc',
      sealed: await seal(keys.sealWith.key, doc.content, sealedAdditionalData(lying._id, lying.meta)),
    };
    expect(lying.meta.words).toBe('private');
    expect(await problemOf(mixed, keys)).toMatchObject({ field: 'meta.words' });
  });

  it('are the only kind a sealed database takes: a readable doc there is set aside, elsewhere it passes', async () => {
    const keys = await keysOf(1);
    const readable = JSON.parse(
      JSON.stringify({ ...toSyncDocument({ type: 'checkIn', record: checkIn }, destination), _rev: '1-a' }),
    ) as unknown;
    expect(await problemOf(readable, keys)).toMatchObject({
      field: 'sealed',
      message: expect.stringMatching(/readable/),
    });
    expect(await openPulled(readable, pairDb, null)).toEqual({ ok: true, doc: readable });
  });
});
