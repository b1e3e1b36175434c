import { describe, expect, it } from 'vitest';
import { addMonths, monthOf, monthsBetween } from './dates';

describe('months', () => {
  it('finds the month of a day and steps across year ends', () => {
    expect(monthOf('2026-03-21')).toBe('2026-03');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-03', -11)).toBe('2025-04');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-02', '2026-01')).toEqual([]);
  });
});
