import { describe, expect, it } from 'vitest';
import { aSession } from '../test/builders';
import { openActionItems, parseTopics, programSessionSchema, sessionForProgram, sessionFormSchema } from './session';

describe('parseTopics', () => {
  it('splits on commas, trims, and drops empty and repeated topics', () => {
    expect(parseTopics(' career ,, Feedback, career, feedback ')).toEqual(['career', 'Feedback']);
  });
});

describe('openActionItems', () => {
  it('lists items not done, those due soonest first and undated last', () => {
    const item = (text: string, dueDate: string | null, done = false) => ({
      id: crypto.randomUUID(),
      text,
      owner: 'mentee' as const,
      dueDate,
      done,
    });
    const sessions = [
      aSession({ date: '2026-02-01', actionItems: [item('undated', null), item('finished', '2026-01-01', true)] }),
      aSession({ date: '2026-01-01', actionItems: [item('later', '2026-03-01'), item('sooner', '2026-02-10')] }),
    ];
    expect(openActionItems(sessions).map((open) => open.text)).toEqual(['sooner', 'later', 'undated']);
  });
});

describe('sessionFormSchema', () => {
  const valid = { date: '2026-03-01', durationMinutes: '45', mode: 'video', topics: '', notes: '', actionItems: [] };

  it('turns the typed duration into a number', () => {
    expect(sessionFormSchema.parse(valid).durationMinutes).toBe(45);
  });

  it('says what is wrong with a duration of zero or a non-date', () => {
    const result = sessionFormSchema.safeParse({ ...valid, durationMinutes: '0', date: '2026-02-30x' });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(messages).toContain('durationMinutes: A session lasts at least 1 minute.');
    expect(messages?.some((message) => message.startsWith('date:'))).toBe(true);
  });

  it('requires text for an action item that was added', () => {
    const result = sessionFormSchema.safeParse({
      ...valid,
      actionItems: [{ text: '  ', owner: 'mentee', dueDate: '' }],
    });
    expect(result.error?.issues[0]?.path).toEqual(['actionItems', 0, 'text']);
  });
});

describe('a session as the program sees it', () => {
  it('keeps its facts and blanks every word the partners wrote', () => {
    const session = aSession({
      topics: ['career'],
      notes: 'We talked about the move.',
      actionItems: [
        { id: crypto.randomUUID(), text: 'Call the recruiter', owner: 'mentee', dueDate: '2026-02-01', done: false },
      ],
    });
    const seen = sessionForProgram(session);
    expect(JSON.stringify(seen)).not.toMatch(/career|move|recruiter/);
    expect(seen).toMatchObject({ date: session.date, durationMinutes: session.durationMinutes, mode: session.mode });
    expect(seen.actionItems).toEqual([{ ...session.actionItems[0], text: '' }]);
    expect(programSessionSchema.safeParse(seen).success).toBe(true);
    expect(programSessionSchema.safeParse(session).success).toBe(false);
  });
});
