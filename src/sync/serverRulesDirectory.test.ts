import { describe, expect, it } from 'vitest';
import { aMadeUpSeal, aServerDoc } from '../test/serverDocs';
import { refusal, setUp } from '../test/validateDocUpdate';
import { designDocument, directorySecurity, validateDocUpdateSource } from './serverRules';

// The key boxes a coordinator's device leaves in the directory for another device of theirs.

function aCoordinatorBox(author: string, overrides: Record<string, unknown> = {}) {
  return {
    _id: `keyBox:coordinator-${author}-${crypto.randomUUID()}-0`,
    meta: {
      type: 'keyBox',
      pairId: null,
      author,
      visibility: 'program',
      updated: '2026-12-05T10:00:00.000Z',
      deleted: false,
      expires: '2026-12-12T10:00:00.000Z',
    },
    box: { v: 1, salt: 'c2FsdHNhbHRzYWx0c2FsdA', sealed: aMadeUpSeal() },
    ...overrides,
  };
}

const sec = directorySecurity();

describe('coordinator key boxes in the directory', () => {
  it('are taken from a coordinator in their own name', () => {
    const { directory, asCoordinator } = setUp();
    expect(refusal(directory, aCoordinatorBox(asCoordinator.name ?? ''), asCoordinator, sec)).toBeNull();
  });

  it('are refused from anyone who is not a coordinator, or in another coordinator’s name', () => {
    const { directory, asCoordinator, asMentor } = setUp();
    expect(refusal(directory, aCoordinatorBox(asMentor.name ?? ''), asMentor, sec)).toMatch(
      /Only the program's coordinator keeps key boxes/,
    );
    const inAnotherName = { ...aCoordinatorBox(asCoordinator.name ?? ''), meta: { ...aCoordinatorBox('x').meta } };
    expect(refusal(directory, inAnotherName, asCoordinator, sec)).toMatch(/in its writer's own name/);
  });

  it('must be named as a coordinator’s box, carry a box and an expiry, and no readable content', () => {
    const { directory, asCoordinator } = setUp();
    const me = asCoordinator.name ?? '';
    const box = aCoordinatorBox(me);
    expect(refusal(directory, { ...box, _id: 'keyBox:invitation-x' }, asCoordinator, sec)).toMatch(/is named/);
    expect(refusal(directory, { ...box, _id: `keyBox:coordinator-${me}-` }, asCoordinator, sec)).toMatch(/is named/);
    // Under another coordinator's name: it would replace their boxes.
    const theirs = `keyBox:coordinator-${crypto.randomUUID()}-x-0`;
    expect(refusal(directory, { ...box, _id: theirs }, asCoordinator, sec)).toMatch(/is named/);
    expect(refusal(directory, { ...box, box: undefined }, asCoordinator, sec)).toMatch(/needs its box/);
    expect(refusal(directory, { ...box, box: ['key'] }, asCoordinator, sec)).toMatch(/needs its box/);
    expect(refusal(directory, { ...box, meta: { ...box.meta, expires: undefined } }, asCoordinator, sec)).toMatch(
      /time it expires/,
    );
    expect(refusal(directory, { ...box, meta: { ...box.meta, type: 'pair' } }, asCoordinator, sec)).toMatch(
      /meta of type keyBox/,
    );
    expect(refusal(directory, { ...box, content: { keys: ['readable'] } }, asCoordinator, sec)).toMatch(
      /never in readable form/,
    );
  });

  it('are written once, then removed by a coordinator, carrying no new box', () => {
    const { directory, asCoordinator, asMentor } = setUp();
    const stored = { ...aCoordinatorBox(asCoordinator.name ?? ''), _rev: '1-a' };
    const swapped = { ...stored, box: aCoordinatorBox('x').box };
    expect(refusal(directory, swapped, asCoordinator, sec, stored)).toMatch(/cannot be changed/);
    const deletion = { _id: stored._id, _rev: '1-a', _deleted: true };
    expect(refusal(directory, deletion, asCoordinator, sec, stored)).toBeNull();
    // The stand-in's DELETE validates the stored body marked deleted.
    expect(refusal(directory, { ...stored, _deleted: true }, asCoordinator, sec, stored)).toBeNull();
    expect(refusal(directory, { ...deletion, box: swapped.box }, asCoordinator, sec, stored)).toMatch(
      /carries no content/,
    );
    expect(refusal(directory, deletion, asMentor, sec, stored)).toMatch(/Only the program's coordinator/);
  });

  it('are refused over 64 KiB, even from the admin', () => {
    const { directory, asCoordinator, asAdmin } = setUp();
    const box = aCoordinatorBox(asCoordinator.name ?? '');
    const huge = { ...box, box: { ...box.box, sealed: { ...box.box.sealed, data: 'A'.repeat(65 * 1024) } } };
    expect(refusal(directory, huge, asCoordinator, sec)).toMatch(/too large/);
    expect(refusal(directory, huge, asAdmin, sec)).toMatch(/too large/);
  });

  it('leave the directory’s rule for pairs and people as it was', () => {
    const { pair, session, directory, asCoordinator } = setUp();
    expect(refusal(directory, aServerDoc('pair', pair, { visibility: 'program' }), asCoordinator, sec)).toBeNull();
    expect(refusal(directory, aServerDoc('session', session(), { visibility: 'program' }), asCoordinator, sec)).toMatch(
      /does not keep records/,
    );
  });

  it('change only the directory’s rule, not a pair’s', () => {
    const { pair } = setUp();
    expect(validateDocUpdateSource({ kind: 'directory' }, null)).toContain('keyBox:coordinator-');
    for (const kind of ['pair', 'shared'] as const) {
      for (const sealed of [false, true])
        expect(designDocument({ kind, pairId: pair.id }, pair, { sealed }).validate_doc_update).not.toContain(
          'COORDINATOR_ROLE',
        );
    }
  });
});
