import { describe, expect, it } from 'vitest';
import { formatRecoveryCode, newRecoveryCode, normalizeRecoveryCode, RECOVERY_CODE_LENGTH } from './recoveryCode';

describe('recovery code', () => {
  it('holds at least 120 random bits in Crockford base32, shown in groups of five', () => {
    expect(RECOVERY_CODE_LENGTH * 5).toBeGreaterThanOrEqual(120);
    const code = newRecoveryCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{25}$/);
    expect(formatRecoveryCode(code)).toMatch(/^(\w{5}-){4}\w{5}$/);
    expect(newRecoveryCode((bytes) => bytes.fill(255))).toBe('Z'.repeat(25));
    expect(new Set(Array.from({ length: 200 }, () => newRecoveryCode())).size).toBe(200);
  });

  it('reads a code back however it was typed, and refuses what cannot be one', () => {
    const code = newRecoveryCode();
    expect(normalizeRecoveryCode(formatRecoveryCode(code).toLowerCase())).toBe(code);
    expect(normalizeRecoveryCode(` ${formatRecoveryCode(code).replace(/-/g, ' ')} `)).toBe(code);
    expect(normalizeRecoveryCode('O'.repeat(25))).toBe('0'.repeat(25));
    expect(normalizeRecoveryCode('il'.repeat(12) + 'I')).toBe('1'.repeat(25));
    expect(normalizeRecoveryCode(code.slice(1))).toBeNull();
    expect(normalizeRecoveryCode('U'.repeat(25))).toBeNull();
  });
});
