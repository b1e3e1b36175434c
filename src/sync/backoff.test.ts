import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('waiting before a retry', () => {
  it('doubles from a second to a minute, never more', () => {
    const longest = [1, 2, 3, 4, 5, 6, 7, 8, 20].map((attempt) => backoffDelay(attempt, () => 1));
    expect(longest).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });

  it('spreads retries between half and all of the wait', () => {
    expect(backoffDelay(3, () => 0)).toBe(2000);
    expect(backoffDelay(3, () => 0.5)).toBe(3000);
  });
});
