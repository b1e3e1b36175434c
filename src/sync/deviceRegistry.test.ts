import { describe, expect, it } from 'vitest';
import { newDeviceKeyPair } from '../crypto/keyBoxes';
import { aServerPair } from '../test/serverDocs';
import { refusal, setUpSealed } from '../test/validateDocUpdate';
import { deviceDocument, deviceIdOf, deviceLabel } from './deviceRegistry';

describe('the device registry', () => {
  it('names a device by its public key, so that two keys never share a name', async () => {
    const one = (await newDeviceKeyPair()).publicKey;
    const other = (await newDeviceKeyPair()).publicKey;
    expect(await deviceIdOf(one)).toBe(await deviceIdOf(one));
    expect(await deviceIdOf(one)).not.toBe(await deviceIdOf(other));
    expect(await deviceIdOf(one)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('labels a device as a person recognises it', () => {
    const android = 'Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0';
    const mac =
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
    const windows =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0 Safari/537.36 Edg/125.0';
    expect(deviceLabel(android)).toBe('Firefox on Android');
    expect(deviceLabel(mac)).toBe('Safari on macOS');
    expect(deviceLabel(windows)).toBe('Edge on Windows');
    expect(deviceLabel('')).toBe('A browser');
  });

  it('writes an entry the server’s rule takes from its own person, and from nobody else', async () => {
    const { pair, mentor, asMentor, asMentee, pairDb, pairSec } = setUpSealed();
    const { publicKey } = await newDeviceKeyPair();
    const doc = await deviceDocument(pair.id, 'pair', mentor.id, publicKey, 'Chrome on Linux', Date.now());
    expect(doc._id).toBe(`device:${await deviceIdOf(publicKey)}`);
    expect(refusal(pairDb, doc, asMentor, pairSec)).toBeNull();
    expect(refusal(pairDb, doc, asMentee, pairSec)).toMatch(/its own person/);
    const elsewhere = await deviceDocument(aServerPair().pair.id, 'pair', mentor.id, publicKey, 'x', Date.now());
    expect(refusal(pairDb, elsewhere, asMentor, pairSec)).toMatch(/another pair/);
  });
});
