import { describe, expect, it } from 'vitest';
import { aCheckIn } from '../test/builders';
import { checkInFormSchema, checkInSchema, defaultVisibilities } from './checkIn';

const schema = checkInFormSchema(['trust', 'fairness']);
const valid = {
  date: '2026-03-01',
  scores: { trust: '2', fairness: '5' },
  comments: { trust: '', fairness: '' },
  reflection: '',
  visibility: 'program',
  notesVisibility: 'private',
};

describe('check-in', () => {
  it('turns the chosen radio values into scores', () => {
    expect(schema.parse(valid).scores).toEqual({ trust: 2, fairness: 5 });
  });

  it('asks for a score for every characteristic not rated', () => {
    const result = schema.safeParse({ ...valid, scores: { trust: '', fairness: null } });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['scores.trust', 'Choose a score from 1 to 5.'],
      ['scores.fairness', 'Choose a score from 1 to 5.'],
    ]);
  });

  it('refuses a stored score outside the 1–5 scale', () => {
    const result = checkInSchema.safeParse(aCheckIn({ scores: { trust: 6 } }));
    expect(result.error?.issues[0]?.path).toEqual(['scores', 'trust']);
  });

  it('shares scores with the program but keeps a mentee’s words private by default', () => {
    expect(defaultVisibilities('mentee')).toEqual({ visibility: 'program', notesVisibility: 'private' });
    expect(defaultVisibilities('mentor').visibility).toBe('program');
  });
});
