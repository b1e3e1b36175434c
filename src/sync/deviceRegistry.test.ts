import { describe, expect, it } from 'vitest';
import { newDeviceKeyPair } from '../crypto/keyBoxes';
import { aServerPair } from '../test/serverDocs';
import { refusal, setUpSealed } from '../test/validateDocUpdate';
import { deviceDocument, deviceIdOf, deviceLabel, registerDevice } from './deviceRegistry';

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

  it('registers a new device with one request, and finds one already listed removed', async () => {
    const { publicKey } = await newDeviceKeyPair();
    const doc = await deviceDocument(aServerPair().pair.id, 'pair', 'p-1', publicKey, 'Chrome on Linux', Date.now());
    const asked: string[] = [];
    const server = (stored: unknown) => ({
      serverUrl: 'https://couch.example',
      fetch: (async (_input, init) => {
        asked.push(init?.method ?? 'GET');
        if (init?.method === 'PUT') return new Response('{}', { status: stored ? 409 : 201 });
        return new Response(JSON.stringify(stored), { status: 200 });
      }) as typeof fetch,
    });

    expect(await registerDevice(server(null), 'mentorlog-pair-x', doc)).toEqual({ state: 'registered' });
    expect(asked).toEqual(['PUT']);

    asked.length = 0;
    const removed = { ...doc, device: { ...doc.device, removedAt: '2026-12-01T10:00:00.000Z' } };
    expect(await registerDevice(server(removed), 'mentorlog-pair-x', doc)).toEqual({
      state: 'removed',
      removedAt: '2026-12-01T10:00:00.000Z',
    });
    expect(asked).toEqual(['PUT', 'GET']);
  });
});
