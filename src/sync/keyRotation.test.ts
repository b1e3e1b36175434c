import { describe, expect, it } from 'vitest';
import { boxForDevice, newDeviceKeyPair } from '../crypto/keyBoxes';
import { newContentKey } from '../data/keyring';
import { deviceIdOf } from './deviceRegistry';
import { deviceBoxId, openKeyBoxes } from './keyRotation';
import { pairDatabaseName, sharedDatabaseName } from './serverRules';

const PAIR = 'b3c1a7e0-0000-4000-8000-000000000001';

async function aDevice() {
  const pair = await newDeviceKeyPair();
  return { ...pair, id: await deviceIdOf(pair.publicKey) };
}

async function aBoxDoc(forDevice: { publicKey: string; id: string }, keys: unknown, generation = 2) {
  const id = deviceBoxId(forDevice.id, generation);
  return { _id: id, meta: { type: 'keyBox' }, box: await boxForDevice(forDevice.publicKey, { keys }, id) };
}

describe('taking the keys of a new generation out of pulled key boxes', () => {
  it('opens the boxes addressed to this device, and leaves the others’', async () => {
    const mine = await aDevice();
    const theirs = await aDevice();
    const keys = [newContentKey(pairDatabaseName(PAIR), 2), newContentKey(sharedDatabaseName(PAIR), 2)];
    const docs = [await aBoxDoc(mine, keys), await aBoxDoc(theirs, [newContentKey(pairDatabaseName(PAIR), 2)])];
    const taken = await openKeyBoxes(mine.privateKey, mine.id, docs, pairDatabaseName(PAIR), PAIR);
    expect(taken).toEqual({ keys, problems: [] });
  });

  it('reports a box under this device’s name that does not open with its key, or holds another pair’s keys', async () => {
    const mine = await aDevice();
    const impostor = await aDevice();
    const forged = await aBoxDoc({ publicKey: impostor.publicKey, id: mine.id }, [
      newContentKey(pairDatabaseName(PAIR), 2),
    ]);
    const otherPair = await aBoxDoc(
      mine,
      [newContentKey(pairDatabaseName('b3c1a7e0-0000-4000-8000-000000000002'), 3)],
      3,
    );
    const taken = await openKeyBoxes(mine.privateKey, mine.id, [forged, otherPair], pairDatabaseName(PAIR), PAIR);
    expect(taken.keys).toEqual([]);
    expect(taken.problems).toEqual([
      expect.objectContaining({ docId: forged._id, message: expect.stringMatching(/does not open with its key/) }),
      expect.objectContaining({ docId: otherPair._id, message: expect.stringMatching(/other than this pair’s keys/) }),
    ]);
  });
});
