import { describe, expect, it } from 'vitest';
import { aPair } from '../test/builders';
import { NEW_PERSON, pairFormSchema, pairSchema } from './pair';

const form = {
  mentor: { personId: crypto.randomUUID(), newName: '' },
  mentee: { personId: NEW_PERSON, newName: 'Sam Lee' },
  startDate: '2026-03-01',
  cadenceDays: '14',
  goals: '',
};

const issues = (input: unknown) =>
  pairFormSchema.safeParse(input).error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ?? [];

describe('pairFormSchema', () => {
  it('accepts an existing mentor and a new mentee, turning the cadence into a number', () => {
    expect(pairFormSchema.parse(form).cadenceDays).toBe(14);
  });

  it('asks for the new person’s name when “someone new” is chosen', () => {
    expect(issues({ ...form, mentee: { personId: NEW_PERSON, newName: ' ' } })).toContainEqual([
      'mentee.newName',
      "Enter the new mentee's name.",
    ]);
  });

  it('refuses the same person on both sides', () => {
    expect(issues({ ...form, mentee: form.mentor })).toContainEqual([
      'mentee.personId',
      'The mentee must be someone other than the mentor.',
    ]);
  });

  it('refuses two new people with the same name', () => {
    const same = { personId: NEW_PERSON, newName: 'Sam Lee' };
    expect(issues({ ...form, mentor: same, mentee: { ...same, newName: 'sam lee' } })).toHaveLength(1);
  });

  it('says what is wrong with a cadence of zero days', () => {
    expect(issues({ ...form, cadenceDays: '0' })).toContainEqual([
      'cadenceDays',
      'Sessions need at least 1 day between them.',
    ]);
  });
});

describe('pairSchema', () => {
  it('refuses an end date before the start date', () => {
    const result = pairSchema.safeParse(aPair({ startDate: '2026-03-01', endDate: '2026-02-01' }));
    expect(result.error?.issues[0]?.path).toEqual(['endDate']);
  });
});
