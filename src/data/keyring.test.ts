import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { newRecoveryCode } from '../domain/recoveryCode';
import { useAppLockStore } from '../state/appLockStore';
import { lockNow, turnLockOff, turnLockOn, unlockWithPasscode } from './appLock';
import { contentKeyBytes, keepContentKeys, newContentKey, readKeyring, usableKeys } from './keyring';
import { AppLockedError } from './vaultKey';

// The keys of sealed sync on this device: usable by Web Crypto and never readable as bytes; with
// the app lock on, kept only sealed by the vault key.

const PASSCODE = 'a long enough passphrase';
const ITERATIONS = 1_000;

beforeEach(() => {
  localStorage.clear();
  useAppLockStore.setState({ lockSet: false, vaultKey: null });
});

async function works(key: CryptoKey): Promise<boolean> {
  const iv = new Uint8Array(12);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new Uint8Array([7]));
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed))[0] === 7;
}

describe('the keyring', () => {
  it('keeps a key usable, not extractable, and its bytes only boxed for this device', async () => {
    const made = newContentKey('mentorlog-pair-x', 1);
    await keepContentKeys([made]);

    const [entry] = await readKeyring(['mentorlog-pair-x']);
    expect(entry?.key?.extractable).toBe(false);
    expect(JSON.stringify(entry)).not.toContain(made.key);
    const [usable] = await usableKeys(await readKeyring(null));
    expect(await works(usable!.key)).toBe(true);
    expect(await contentKeyBytes('mentorlog-pair-x', 1)).toEqual(made);
  });

  it('with the app lock on, keeps nothing but the key sealed by the vault key, usable only while unlocked', async () => {
    const made = newContentKey('mentorlog-shared-x', 1);
    await keepContentKeys([made]);
    await turnLockOn(
      { passcode: PASSCODE, recoveryCode: newRecoveryCode(), idleMinutes: 5 },
      undefined,
      db,
      ITERATIONS,
    );

    const [entry] = await readKeyring(null);
    expect(entry).not.toHaveProperty('key');
    expect(entry).not.toHaveProperty('box');
    expect(entry?.lockedKey).toBeDefined();
    // A key kept while the lock is on is stored the same way.
    await keepContentKeys([newContentKey('mentorlog-pair-x', 1)]);
    expect((await readKeyring(null)).every((stored) => stored.key === undefined && stored.lockedKey)).toBe(true);

    lockNow();
    await expect(usableKeys(await readKeyring(null))).rejects.toBeInstanceOf(AppLockedError);
    expect(await unlockWithPasscode(PASSCODE)).toBe(true);
    const usable = await usableKeys(await readKeyring(null));
    expect(usable).toHaveLength(2);
    expect(await works(usable[0]!.key)).toBe(true);
    expect(await contentKeyBytes('mentorlog-shared-x', 1)).toEqual(made);

    expect(await turnLockOff(PASSCODE)).toBe(true);
    const back = await readKeyring(null);
    expect(back.every((stored) => stored.key && stored.box && !stored.lockedKey)).toBe(true);
    expect(await contentKeyBytes('mentorlog-shared-x', 1)).toEqual(made);
  });
});
