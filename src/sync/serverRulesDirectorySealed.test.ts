import { describe, expect, it } from 'vitest';
import { importContentKey } from '../crypto/sealing';
import { aServerDoc, aMadeUpSeal } from '../test/serverDocs';
import { compile, refusal, setUp } from '../test/validateDocUpdate';
import { openPulled, outgoingBody } from './docCipher';
import { directorySecurity, DIRECTORY_DATABASE } from './serverRules';
import { toSyncDocument } from './syncDocument';

// The program's directory sealed with the program key (programKey.ts): its rule, and its pairs
// and people as the coordinator's device sends them.

const sec = directorySecurity();
const CANARY = 'Canary-7Q3 goals of the pair';

async function programKeys() {
  const key = await importContentKey(crypto.getRandomValues(new Uint8Array(32)));
  return { sealWith: { generation: 1, key }, byGeneration: new Map([[1, key]]) };
}

function sealedSetUp() {
  const fixture = setUp();
  const pair = { ...fixture.pair, goals: CANARY };
  return { ...fixture, pair, sealedDirectory: compile({ kind: 'directory' }, null, { sealed: true }) };
}

async function sealedForDirectory(entry: Parameters<typeof toSyncDocument>[0]) {
  const doc = toSyncDocument(entry, { kind: 'directory' });
  if (!doc) throw new Error('The directory takes every pair and person.');
  const keys = await programKeys();
  return { body: (await outgoingBody({ kind: 'put', doc }, keys)) as Record<string, unknown>, keys };
}

describe('the sealed directory', () => {
  it('holds a pair’s goals and a person’s name only sealed, and opens them again with the program key', async () => {
    const { pair, mentor, sealedDirectory, asCoordinator } = sealedSetUp();
    for (const entry of [
      { type: 'pair', record: pair },
      { type: 'person', record: mentor },
    ] as const) {
      const { body, keys } = await sealedForDirectory(entry);
      const text = JSON.stringify(body);
      expect(text).not.toContain(CANARY);
      expect(text).not.toContain(mentor.name);
      expect(body.content).toBeUndefined();
      expect(refusal(sealedDirectory, body, asCoordinator, sec)).toBeNull();
      const opened = await openPulled(body, DIRECTORY_DATABASE, keys);
      expect(opened.ok && (opened.doc as { content: unknown }).content).toEqual(entry.record);
    }
  });

  it('refuses pairs and people in readable form, from a coordinator and from the server’s admin', () => {
    const { pair, mentor, sealedDirectory, asCoordinator, asAdmin } = sealedSetUp();
    for (const doc of [aServerDoc('pair', pair, { visibility: 'program' }), aServerDoc('person', mentor)]) {
      expect(refusal(sealedDirectory, doc, asCoordinator, sec)).toMatch(/end-to-end encrypted/);
      expect(refusal(sealedDirectory, doc, asAdmin, sec)).toMatch(/end-to-end encrypted/);
      // Beside a seal too: what is readable would stay readable.
      expect(refusal(sealedDirectory, { ...doc, sealed: aMadeUpSeal() }, asCoordinator, sec)).toMatch(
        /end-to-end encrypted/,
      );
    }
  });

  it('lets a sealed copy replace a readable one, and a readable one be deleted', async () => {
    const { pair, sealedDirectory, asCoordinator } = sealedSetUp();
    const readable = { ...aServerDoc('pair', pair, { visibility: 'program' }), _rev: '1-a' };
    const { body } = await sealedForDirectory({ type: 'pair', record: pair });
    expect(refusal(sealedDirectory, { ...body, _rev: '1-a' }, asCoordinator, sec, readable)).toBeNull();
    expect(
      refusal(sealedDirectory, { _id: readable._id, _rev: '1-a', _deleted: true }, asCoordinator, sec, readable),
    ).toBeNull();
    // The stand-in's DELETE validates the stored body marked deleted: nothing new in it.
    expect(refusal(sealedDirectory, { ...readable, _deleted: true }, asCoordinator, sec, readable)).toBeNull();
    expect(
      refusal(
        sealedDirectory,
        { _id: readable._id, _deleted: true, content: { goals: 'new' } },
        asCoordinator,
        sec,
        readable,
      ),
    ).toMatch(/carries no content/);
  });

  it('holds a sealed record’s metadata to what the directory keeps, and lets only a coordinator write', async () => {
    const { pair, session, sealedDirectory, asCoordinator, asMentor } = sealedSetUp();
    const { body } = await sealedForDirectory({ type: 'pair', record: pair });
    const meta = body.meta as Record<string, unknown>;
    const withMeta = (changed: Record<string, unknown>) => ({ ...body, meta: { ...meta, ...changed } });
    expect(refusal(sealedDirectory, body, asMentor, sec)).toMatch(/Only the program's coordinator/);
    expect(refusal(sealedDirectory, withMeta({ keyGeneration: 0 }), asCoordinator, sec)).toMatch(/generation/);
    expect(refusal(sealedDirectory, withMeta({ visibility: 'pair' }), asCoordinator, sec)).toMatch(
      /visibility program/,
    );
    expect(refusal(sealedDirectory, withMeta({ pairId: crypto.randomUUID() }), asCoordinator, sec)).toMatch(
      /its own id/,
    );
    expect(refusal(sealedDirectory, withMeta({ menteeId: meta.mentorId }), asCoordinator, sec)).toMatch(
      /two different/,
    );
    expect(refusal(sealedDirectory, { ...body, sealed: 'plain words' }, asCoordinator, sec)).toMatch(/sealed record/);
    const sessionDoc = { ...body, _id: `session:${session().id}`, meta: { ...meta, type: 'session' } };
    expect(refusal(sealedDirectory, sessionDoc, asCoordinator, sec)).toMatch(/does not keep records/);
  });

  it('keeps the coordinator’s key boxes working', () => {
    const { sealedDirectory, asCoordinator } = sealedSetUp();
    const me = asCoordinator.name ?? '';
    const box = {
      _id: `keyBox:coordinator-${me}-name-0`,
      meta: {
        type: 'keyBox',
        pairId: null,
        author: me,
        visibility: 'program',
        updated: 'x',
        deleted: false,
        expires: 'y',
      },
      box: { v: 1, salt: 'c2FsdA', sealed: aMadeUpSeal() },
    };
    expect(refusal(sealedDirectory, box, asCoordinator, sec)).toBeNull();
  });
});

describe('a device holding the program key', () => {
  it('sets aside a readable pair pulled from the directory, saying why', async () => {
    const { pair } = sealedSetUp();
    const opened = await openPulled(
      aServerDoc('pair', pair, { visibility: 'program' }),
      DIRECTORY_DATABASE,
      await programKeys(),
    );
    expect(opened.ok).toBe(false);
    expect(!opened.ok && opened.problem.message).toMatch(/program’s directory is sealed/);
  });
});
