import { describe, expect, it } from 'vitest';
import {
  createVault,
  isVault,
  openVaultWithPasscode,
  openVaultWithRecoveryCode,
  PASSCODE_ITERATIONS,
} from './passcodeKey';
import { OpenError, open, seal } from './sealing';

/** Few iterations keep the tests quick; the product's count is checked on its own. */
const TEST_ITERATIONS = 1_000;
const RECOVERY = 'ABCDE12345FGHJK67890MNPQR';

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'opened';
  } catch (error) {
    return error instanceof OpenError ? error.reason : String(error);
  }
}

describe('the app lock vault', () => {
  it('derives with PBKDF2-SHA-256 at 600,000 iterations or more, and stores parameters and a 16-byte salt beside the box', async () => {
    expect(PASSCODE_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const { vault } = await createVault('river lantern orbit', RECOVERY);
    expect(vault.passcode).toMatchObject({ kdf: 'PBKDF2-SHA-256', iterations: PASSCODE_ITERATIONS });
    expect(vault.passcode.salt).toHaveLength(22);
    expect(vault.recovery.salt).toHaveLength(22);
    expect(vault.passcode.salt).not.toBe(vault.recovery.salt);
    expect(isVault(JSON.parse(JSON.stringify(vault)))).toBe(true);
    expect(JSON.stringify(vault)).not.toContain('river');
  });

  it('opens with the passcode and with the recovery code to the same non-extractable key, and with nothing else', async () => {
    const { vault, vaultKey } = await createVault('river lantern orbit', RECOVERY, TEST_ITERATIONS);
    expect(vaultKey.extractable).toBe(false);
    const sealed = await seal(vaultKey, { reflection: 'canary' }, 'words');

    const byPasscode = await openVaultWithPasscode(vault, 'river lantern orbit');
    const byCode = await openVaultWithRecoveryCode(vault, RECOVERY);
    expect(byPasscode.extractable).toBe(false);
    expect(await open(byPasscode, sealed, 'words')).toEqual({ reflection: 'canary' });
    expect(await open(byCode, sealed, 'words')).toEqual({ reflection: 'canary' });

    expect(await reason(openVaultWithPasscode(vault, 'river lantern orbiT'))).toBe('refused');
    expect(await reason(openVaultWithPasscode(vault, RECOVERY))).toBe('refused');
    expect(await reason(openVaultWithRecoveryCode(vault, 'ABCDE12345FGHJK67890MNPQS'))).toBe('refused');
    // Boxes swapped between the two do not open either: each is bound to its own context.
    const swapped = { ...vault, recovery: { ...vault.recovery, sealed: vault.passcode.sealed } };
    expect(await reason(openVaultWithRecoveryCode(swapped, RECOVERY))).toBe('refused');
  });

  it('gives the same key for a passcode typed composed or decomposed', async () => {
    const { vault } = await createVault('caf\u00e9 au lait', RECOVERY, TEST_ITERATIONS);
    expect(await reason(openVaultWithPasscode(vault, 'cafe\u0301 au lait'))).toBe('opened');
  });

  it('makes a different vault key and salts each time', async () => {
    const one = await createVault('river lantern orbit', RECOVERY, TEST_ITERATIONS);
    const two = await createVault('river lantern orbit', RECOVERY, TEST_ITERATIONS);
    expect(one.vault.passcode.salt).not.toBe(two.vault.passcode.salt);
    const sealed = await seal(one.vaultKey, 'x', 'a');
    expect(await reason(open(two.vaultKey, sealed, 'a'))).toBe('refused');
  });
});
