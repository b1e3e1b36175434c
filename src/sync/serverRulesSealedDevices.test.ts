import { describe, expect, it } from 'vitest';
import { randomBytes, toBase64Url } from '../crypto/bytes';
import { setUpSealed } from '../test/validateDocUpdate';
import { refusal } from '../test/validateDocUpdate';

// The device registry in a pair's sealed databases: each device in its own person's name, holding
// its public key, label and joining time, and removable but never put back.

function aDeviceDoc(pairId: string, author: string, visibility: 'pair' | 'program' = 'pair') {
  return {
    _id: `device:${toBase64Url(randomBytes(16))}`,
    meta: { type: 'device', pairId, author, visibility, updated: new Date().toISOString(), deleted: false },
    device: {
      publicKey: toBase64Url(randomBytes(65)),
      label: 'Firefox on Android',
      joinedAt: new Date().toISOString(),
    },
  };
}

function removed(doc: ReturnType<typeof aDeviceDoc> & { _rev?: string }, by: string) {
  return {
    ...doc,
    _rev: '2-b',
    meta: { ...doc.meta, deleted: true },
    device: { ...doc.device, removedAt: new Date().toISOString(), removedBy: by },
  };
}

describe('the device registry of a sealed database', () => {
  it('takes a device from its own person, and a coordinator’s device in the shared database', () => {
    const { pair, mentor, asMentor, asCoordinator, pairDb, sharedDb, pairSec, sharedSec } = setUpSealed();
    expect(refusal(pairDb, aDeviceDoc(pair.id, mentor.id), asMentor, pairSec)).toBeNull();
    const coordinators = aDeviceDoc(pair.id, asCoordinator.name ?? '', 'program');
    expect(refusal(sharedDb, coordinators, asCoordinator, sharedSec)).toBeNull();
  });

  it('refuses a device in someone else’s name, of another pair, or holding anything more', () => {
    const { pair, mentor, mentee, asMentor, pairDb, pairSec } = setUpSealed();
    expect(refusal(pairDb, aDeviceDoc(pair.id, mentee.id), asMentor, pairSec)).toMatch(/its own person/);
    expect(refusal(pairDb, aDeviceDoc('another-pair', mentor.id), asMentor, pairSec)).toMatch(/another pair/);
    const doc = aDeviceDoc(pair.id, mentor.id);
    expect(refusal(pairDb, { ...doc, device: undefined }, asMentor, pairSec)).toMatch(/needs its public key/);
    expect(refusal(pairDb, { ...doc, notes: 'hello' }, asMentor, pairSec)).toMatch(/"notes" is not one of them/);
    expect(refusal(pairDb, { ...doc, device: { ...doc.device, secret: 'x' } }, asMentor, pairSec)).toMatch(
      /"secret" is not one of them/,
    );
    expect(refusal(pairDb, { ...doc, meta: { ...doc.meta, keyGeneration: 1 } }, asMentor, pairSec)).toMatch(
      /"keyGeneration" is not one of them/,
    );
    expect(refusal(pairDb, { ...doc, device: { ...doc.device, publicKey: 'short' } }, asMentor, pairSec)).toMatch(
      /public key/,
    );
    expect(refusal(pairDb, { ...doc, device: { ...doc.device, label: 'x'.repeat(81) } }, asMentor, pairSec)).toMatch(
      /at most 80/,
    );
    expect(refusal(pairDb, { ...doc, sealed: { v: 1, iv: 'a', data: 'b' } }, asMentor, pairSec)).toMatch(
      /"sealed" is not one of them/,
    );
  });

  it('lets either partner mark a device removed in their own name, and nothing else change', () => {
    const { pair, mentor, mentee, asMentor, asMentee, pairDb, pairSec } = setUpSealed();
    const stored = { ...aDeviceDoc(pair.id, mentor.id), _rev: '1-a' };
    expect(refusal(pairDb, removed(stored, mentee.id), asMentee, pairSec, stored)).toBeNull();
    expect(refusal(pairDb, removed(stored, mentor.id), asMentor, pairSec, stored)).toBeNull();
    expect(refusal(pairDb, removed(stored, mentor.id), asMentee, pairSec, stored)).toMatch(/in the name of whoever/);
    const relabelled = { ...stored, device: { ...stored.device, label: 'Mine now' } };
    expect(refusal(pairDb, relabelled, asMentor, pairSec, stored)).toMatch(/cannot be changed, only marked removed/);
    const rekeyed = removed(
      { ...stored, device: { ...stored.device, publicKey: toBase64Url(randomBytes(65)) } },
      mentee.id,
    );
    expect(refusal(pairDb, rekeyed, asMentee, pairSec, stored)).toMatch(/cannot be changed/);
    expect(refusal(pairDb, removed(aDeviceDoc(pair.id, mentor.id), mentor.id), asMentor, pairSec)).toMatch(
      /registered before it is removed/,
    );
  });

  it('keeps a removed device removed: not registered again, not un-removed, not deleted', () => {
    const { pair, mentor, asMentor, asMentee, pairDb, pairSec } = setUpSealed();
    const stored = removed({ ...aDeviceDoc(pair.id, mentor.id), _rev: '1-a' }, mentor.id);
    const again = { ...stored, _rev: '2-b', meta: { ...stored.meta, deleted: false }, device: { ...stored.device } };
    delete (again.device as Partial<typeof stored.device>).removedAt;
    delete (again.device as Partial<typeof stored.device>).removedBy;
    expect(refusal(pairDb, again, asMentor, pairSec, stored)).toMatch(/stays removed/);
    const deletion = { _id: stored._id, _rev: '2-b', _deleted: true };
    expect(refusal(pairDb, deletion, asMentee, pairSec, stored)).toMatch(/cannot be deleted/);
    // Were an admin to delete it, its id still cannot come back.
    const tombstone = { _id: stored._id, _rev: '3-c', _deleted: true };
    const fresh = { ...aDeviceDoc(pair.id, mentor.id), _id: stored._id };
    expect(refusal(pairDb, fresh, asMentor, pairSec, tombstone)).toMatch(/stays removed/);
  });
});
