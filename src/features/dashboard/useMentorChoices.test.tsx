import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useMentorChoices, type MentorChoice } from './useMentorChoices';

const rows = [
  { mentorId: 'm-3', mentorName: 'Zoe Ward' },
  { mentorId: 'm-1', mentorName: 'Ana Ruiz' },
  { mentorId: 'm-2', mentorName: 'Ben Osei' },
  { mentorId: 'm-1', mentorName: 'Ana Ruiz' },
];

describe('the dashboard’s mentor filter choices', () => {
  it('first offers only the chosen mentor, then every mentor once, A to Z', async () => {
    const drawn: Array<readonly MentorChoice[]> = [];
    renderHook(() => {
      const choices = useMentorChoices(rows, 'm-2');
      drawn.push(choices);
      return choices;
    });
    expect(drawn[0]).toEqual([['m-2', 'Ben Osei']]);
    await waitFor(() =>
      expect(drawn.at(-1)).toEqual([
        ['m-1', 'Ana Ruiz'],
        ['m-2', 'Ben Osei'],
        ['m-3', 'Zoe Ward'],
      ]),
    );
  });

  it('first offers none when no mentor is chosen', () => {
    const drawn: Array<readonly MentorChoice[]> = [];
    renderHook(() => {
      const choices = useMentorChoices(rows, null);
      drawn.push(choices);
      return choices;
    });
    expect(drawn[0]).toEqual([]);
  });

  it('keeps the same list while the rows change but their mentors do not', async () => {
    const { result, rerender } = renderHook(({ current }) => useMentorChoices(current, null), {
      initialProps: { current: rows },
    });
    await waitFor(() => expect(result.current).toHaveLength(3));
    const before = result.current;
    rerender({ current: rows.map((row) => ({ ...row })) });
    expect(result.current).toBe(before);
  });
});
