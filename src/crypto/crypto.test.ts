import { describe, expect, it } from 'vitest';
import { fromBase64Url, randomBytes, toBase64Url } from './bytes';
import {
  boxForDevice,
  boxForSecret,
  newDeviceKeyPair,
  newLinkSecret,
  openDeviceBox,
  openSecretBox,
  secretBoxName,
} from './keyBoxes';
import { importContentKey, newContentKeyBytes, open, OpenError, seal } from './sealing';

async function aKey() {
  return importContentKey(newContentKeyBytes());
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'opened';
  } catch (error) {
    return error instanceof OpenError ? error.reason : String(error);
  }
}

describe('base64url', () => {
  it('round-trips any bytes and refuses what is not base64url', () => {
    for (const length of [0, 1, 2, 3, 31, 32, 33, 100_000]) {
      const bytes = randomBytes(Math.min(length, 65_536));
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    }
    expect(toBase64Url(new Uint8Array([251, 255]))).toBe('-_8');
    expect(fromBase64Url('a+b/')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
    expect(fromBase64Url(42)).toBeNull();
  });
});

describe('sealing', () => {
  it('opens what it sealed with the same key and additional data, and the key cannot be read back', async () => {
    const key = await aKey();
    const value = { notes: 'canary ✓', scores: { trust: 4 } };
    expect(await open(key, await seal(key, value, 'session:1'), 'session:1')).toEqual(value);
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('refuses another key, other additional data, a changed byte, or a sealed value of the wrong shape', async () => {
    const key = await aKey();
    const sealed = await seal(key, { notes: 'x' }, 'a');
    expect(await failure(open(await aKey(), sealed, 'a'))).toBe('refused');
    expect(await failure(open(key, sealed, 'b'))).toBe('refused');
    const bytes = fromBase64Url(sealed.data)!;
    bytes[3] = (bytes[3] ?? 0) ^ 1;
    expect(await failure(open(key, { ...sealed, data: toBase64Url(bytes) }, 'a'))).toBe('refused');
    expect(await failure(open(key, { ...sealed, iv: 'short' }, 'a'))).toBe('malformed');
    expect(await failure(open(key, { v: 2, iv: sealed.iv, data: sealed.data }, 'a'))).toBe('malformed');
    expect(await failure(open(key, 'text', 'a'))).toBe('malformed');
  });

  it('gives every seal a fresh IV, so the same value never seals the same twice', async () => {
    const key = await aKey();
    const ivs = new Set<string>();
    const datas = new Set<string>();
    for (let index = 0; index < 500; index++) {
      const sealed = await seal(key, { same: true }, 'a');
      ivs.add(sealed.iv);
      datas.add(sealed.data);
    }
    expect(ivs.size).toBe(500);
    expect(datas.size).toBe(500);
  });
});

describe('device boxes', () => {
  it('open only with the private key of the device they were sealed for, and only in their context', async () => {
    const device = await newDeviceKeyPair();
    const other = await newDeviceKeyPair();
    const box = await boxForDevice(device.publicKey, { key: 'abc' }, 'keyBox:1');
    expect(box).not.toBeNull();
    expect(await openDeviceBox(device.privateKey, box!, 'keyBox:1')).toEqual({ key: 'abc' });
    expect(await failure(openDeviceBox(other.privateKey, box!, 'keyBox:1'))).toBe('refused');
    expect(await failure(openDeviceBox(device.privateKey, box!, 'keyBox:2'))).toBe('refused');
    expect(await failure(openDeviceBox(device.privateKey, { ...box!, epk: 'nope' }, 'keyBox:1'))).toBe('malformed');
    expect(device.privateKey.extractable).toBe(false);
  });

  it('are not made for a text that is no public key', async () => {
    expect(await boxForDevice('not a key', {}, 'x')).toBeNull();
    expect(await boxForDevice(toBase64Url(randomBytes(65)), {}, 'x')).toBeNull();
  });
});

describe('secret boxes', () => {
  it('open with the link secret in their context; their name is derived from it and gives none of it away', async () => {
    const secret = newLinkSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const box = await boxForSecret(secret, { keys: [1, 2] }, 'invitation:x');
    expect(await openSecretBox(secret, box, 'invitation:x')).toEqual({ keys: [1, 2] });
    expect(await failure(openSecretBox(newLinkSecret(), box, 'invitation:x'))).toBe('refused');
    expect(await failure(openSecretBox(secret, box, 'invitation:y'))).toBe('refused');

    const name = await secretBoxName(secret);
    expect(name).toBe(await secretBoxName(secret));
    expect(name).not.toBe(await secretBoxName(newLinkSecret()));
    expect(name).not.toContain(secret.slice(0, 8));
  });
});
