import { describe, expect, it } from 'vitest';
import { aCheckIn, aPair, aPerson, aSession } from '../test/builders';
import { checkPulledDocument, describePulledProblem } from './checkPulledDocument';
import { toSyncDocument, type SyncRecord } from './syncDocument';
import { databaseName, type ProgramDatabase } from './serverRules';

const now = Date.parse('2026-03-01T00:00:00.000Z');
const pair = aPair();
const pairDb = databaseName({ kind: 'pair', pairId: pair.id });
const sharedDb = databaseName({ kind: 'shared', pairId: pair.id });
const checkIn = aCheckIn({
  pairId: pair.id,
  raterId: pair.menteeId,
  visibility: 'program',
  notesVisibility: 'pair',
  reflection: 'We are doing well.',
});

/** A doc as the server would hand it over: JSON text parsed, with a rev. */
function pulled(entry: SyncRecord, destination: ProgramDatabase): Record<string, unknown> {
  const doc = toSyncDocument(entry, destination);
  if (!doc) throw new Error('the record maps to no doc there');
  return JSON.parse(JSON.stringify({ ...doc, _rev: '1-abc' })) as Record<string, unknown>;
}
const aPulledCheckIn = () => pulled({ type: 'checkIn', record: checkIn }, { kind: 'pair', pairId: pair.id });

function problemOf(raw: unknown, database = pairDb) {
  const result = checkPulledDocument(raw, database, now);
  if (result.ok) throw new Error('expected the doc to be set aside');
  return result.problem;
}

describe('checking a pulled doc', () => {
  it('accepts what this app pushes, to every database, and gives back the record', () => {
    const cases: Array<[SyncRecord, ProgramDatabase]> = [
      [{ type: 'person', record: aPerson() }, { kind: 'directory' }],
      [{ type: 'pair', record: pair }, { kind: 'directory' }],
      [
        { type: 'pair', record: pair },
        { kind: 'shared', pairId: pair.id },
      ],
      [
        { type: 'session', record: aSession({ pairId: pair.id, notes: 'Good talk.' }) },
        { kind: 'pair', pairId: pair.id },
      ],
      [
        { type: 'session', record: aSession({ pairId: pair.id, notes: 'Good talk.' }) },
        { kind: 'shared', pairId: pair.id },
      ],
      [
        { type: 'session', record: aSession({ pairId: pair.id, notes: 'Shared.', notesVisibility: 'program' }) },
        { kind: 'shared', pairId: pair.id },
      ],
      [
        { type: 'session', record: aSession({ pairId: pair.id, notes: 'Mine.', notesVisibility: 'private' }) },
        { kind: 'pair', pairId: pair.id },
      ],
      [
        { type: 'checkIn', record: checkIn },
        { kind: 'pair', pairId: pair.id },
      ],
      [
        { type: 'checkIn', record: checkIn },
        { kind: 'shared', pairId: pair.id },
      ],
    ];
    for (const [entry, destination] of cases) {
      const result = checkPulledDocument(pulled(entry, destination), databaseName(destination), now);
      expect(result, `${entry.type} in ${destination.kind}`).toMatchObject({
        ok: true,
        rev: '1-abc',
        entry: { type: entry.type },
      });
    }
  });

  it('sets aside an invalid score, saying where and what', () => {
    const doc = aPulledCheckIn();
    (doc.content as { scores: Record<string, number> }).scores.trust = 7;
    const problem = problemOf(doc);
    expect(problem).toMatchObject({ docId: `checkIn:${checkIn.id}`, field: 'content.scores.trust' });
    expect(describePulledProblem(problem)).toBe(
      `checkIn:${checkIn.id} in ${pairDb}: content.scores.trust: Scores go from 1 to 5 (found 7).`,
    );
  });

  it('sets aside an unknown type', () => {
    expect(
      problemOf({ ...aPulledCheckIn(), meta: { ...(aPulledCheckIn().meta as object), type: 'note' } }),
    ).toMatchObject({
      field: 'meta.type',
      message: expect.stringMatching(/"note", which is not a kind of record/),
    });
  });

  it('sets aside a session carrying words its author did not share with this database’s readers', () => {
    const spoken = { topics: ['Leaving'], notes: 'Thinking of leaving.' };
    const pairOnly = pulled(
      { type: 'session', record: aSession({ pairId: pair.id, notesVisibility: 'pair' }) },
      { kind: 'shared', pairId: pair.id },
    );
    pairOnly.content = { ...(pairOnly.content as object), ...spoken };
    expect(problemOf(pairOnly, sharedDb)).toMatchObject({
      field: 'content.topics',
      message: expect.stringMatching(/not shared with the program/),
    });
    const kept = pulled(
      { type: 'session', record: aSession({ pairId: pair.id, notesVisibility: 'private' }) },
      { kind: 'pair', pairId: pair.id },
    );
    kept.content = { ...(kept.content as object), ...spoken };
    expect(problemOf(kept)).toMatchObject({
      field: 'content',
      message: expect.stringMatching(/did not share with the readers of this database/),
    });
  });

  it('sets aside a session of a pair this database is not for', () => {
    const otherPairId = crypto.randomUUID();
    const doc = pulled(
      { type: 'session', record: aSession({ pairId: otherPairId }) },
      { kind: 'pair', pairId: otherPairId },
    );
    expect(problemOf(doc)).toMatchObject({ field: 'content.pairId', message: expect.stringMatching(/another pair/) });
  });

  it('sets aside a doc of a megabyte before looking inside it', () => {
    const doc = aPulledCheckIn();
    (doc.content as { reflection: string }).reflection = 'x'.repeat(1024 * 1024);
    expect(problemOf(doc).message).toMatch(/1025 KB, more than the 64 KB/);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('sets aside a doc with a %s key, wherever it is', (key) => {
    const doc = JSON.parse(
      JSON.stringify(aPulledCheckIn()).replace('"scores":{', `"scores":{"${key}":{"polluted":true},`),
    ) as Record<string, unknown>;
    expect(problemOf(doc)).toMatchObject({ field: `content.scores.${key}` });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('sets aside lists where objects belong, and things that are not docs', () => {
    expect(problemOf({ ...aPulledCheckIn(), meta: [] })).toMatchObject({ field: 'meta' });
    expect(problemOf({ ...aPulledCheckIn(), content: [checkIn] })).toMatchObject({ field: 'content' });
    const doc = aPulledCheckIn();
    (doc.content as { scores: unknown }).scores = [4, 4];
    expect(problemOf(doc)).toMatchObject({ field: 'content.scores' });
    expect(problemOf([])).toMatchObject({ docId: '(a doc without an id)' });
    expect(problemOf(null).message).toBe('is not a record at all.');
  });

  it('sets aside words their author kept private, and a check-in the program may not see', () => {
    const doc = pulled(
      { type: 'checkIn', record: { ...checkIn, notesVisibility: 'private', reflection: '' } },
      { kind: 'pair', pairId: pair.id },
    );
    (doc.content as { reflection: string }).reflection = 'kept to myself';
    expect(problemOf(doc)).toMatchObject({ field: 'content', message: expect.stringMatching(/did not share/) });

    const pairOnly = pulled(
      { type: 'checkIn', record: { ...checkIn, visibility: 'pair' } },
      { kind: 'pair', pairId: pair.id },
    );
    expect(
      problemOf({ ...pairOnly, meta: { ...(pairOnly.meta as object), visibility: 'program' } }, sharedDb),
    ).toMatchObject({ field: 'content' });
  });

  it('sets aside a doc whose meta does not match its record', () => {
    const doc = aPulledCheckIn();
    expect(problemOf({ ...doc, meta: { ...(doc.meta as object), updated: '2026-01-02T00:00:00.000Z' } })).toMatchObject(
      { field: 'meta.updated' },
    );
    expect(problemOf({ ...doc, meta: { ...(doc.meta as object), deleted: true } })).toMatchObject({
      field: 'meta.deleted',
    });
    expect(problemOf({ ...doc, meta: { ...(doc.meta as object), pairId: crypto.randomUUID() } })).toMatchObject({
      field: 'meta.pairId',
    });
    expect(problemOf({ ...doc, _id: `session:${checkIn.id}` })).toMatchObject({ field: '_id' });
  });

  it('sets aside a session pulled from the directory, and a doc from a database not ours', () => {
    const session = pulled(
      { type: 'session', record: aSession({ pairId: pair.id }) },
      { kind: 'pair', pairId: pair.id },
    );
    expect(problemOf(session, 'mentorlog-program')).toMatchObject({ field: 'meta.type' });
    expect(problemOf(aPulledCheckIn(), 'photos').message).toMatch(/not one of Mentorlog/);
  });

  it('sets aside a change stamped more than a day ahead of this device', () => {
    const stamp = '2026-03-03T00:00:00.000Z';
    const doc = pulled(
      { type: 'checkIn', record: { ...checkIn, updatedAt: stamp } },
      { kind: 'pair', pairId: pair.id },
    );
    expect(problemOf(doc)).toMatchObject({ field: 'content.updatedAt', message: expect.stringMatching(/wrong date/) });
  });
});
