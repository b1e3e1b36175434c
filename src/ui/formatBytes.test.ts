import { describe, expect, it } from 'vitest';
import { formatBytes } from './formatBytes';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [999, '999 bytes'],
    [1_234, '1.2 kB'],
    [56_789, '57 kB'],
    [1_234_567, '1.2 MB'],
    [2_000_000_000, '2 GB'],
    [3.5e12, '3.5 TB'],
  ])('writes %d bytes as %s in English', (bytes, text) => {
    expect(formatBytes(bytes, 'en-US')).toBe(text);
  });

  it('follows the locale’s decimal separator', () => {
    expect(formatBytes(1_234_567, 'de-DE')).toBe('1,2 MB');
  });
});
