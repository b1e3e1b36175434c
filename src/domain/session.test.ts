import { describe, expect, it } from 'vitest';
import { aSession } from '../test/builders';
import { openActionItems, parseTopics, programSessionSchema, sessionFormSchema, sessionSchema } from './session';
import { keepingPrivateWords, sessionForPartner, sessionForProgram } from './session';
import type { Visibility } from './checkIn';

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
  const valid = {
    date: '2026-03-01',
    durationMinutes: '45',
    mode: 'video',
    topics: '',
    notes: '',
    actionItems: [],
    notesVisibility: 'pair',
  };

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

  it('asks who may see the words, from the three choices a check-in has', () => {
    expect(sessionFormSchema.parse({ ...valid, notesVisibility: 'program' }).notesVisibility).toBe('program');
    expect(sessionFormSchema.safeParse({ ...valid, notesVisibility: undefined }).error?.issues[0]?.path).toEqual([
      'notesVisibility',
    ]);
    expect(sessionFormSchema.safeParse({ ...valid, notesVisibility: 'everyone' }).success).toBe(false);
  });

  it('requires text for an action item that was added', () => {
    const result = sessionFormSchema.safeParse({
      ...valid,
      actionItems: [{ text: '  ', owner: 'mentee', dueDate: '' }],
    });
    expect(result.error?.issues[0]?.path).toEqual(['actionItems', 0, 'text']);
  });
});

const spoken = (notesVisibility: Visibility) =>
  aSession({
    notesVisibility,
    topics: ['career'],
    notes: 'We talked about the move.',
    actionItems: [
      { id: crypto.randomUUID(), text: 'Call the recruiter', owner: 'mentee', dueDate: '2026-02-01', done: false },
    ],
  });

describe('a session as the program sees it', () => {
  it.each(['private', 'pair'] as const)(
    'keeps the facts of a session kept to %s and blanks every word',
    (visibility) => {
      const session = spoken(visibility);
      const seen = sessionForProgram(session);
      expect(JSON.stringify(seen)).not.toMatch(/career|move|recruiter/);
      expect(seen).toEqual({
        ...session,
        topics: [],
        notes: '',
        actionItems: [{ ...session.actionItems[0], text: '' }],
      });
      expect(programSessionSchema.safeParse(seen).success).toBe(true);
      const refused = programSessionSchema.safeParse(session);
      expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
        'topics',
        'notes',
        'actionItems.0.text',
      ]);
    },
  );

  it('keeps the words of a session shared with the program', () => {
    const session = spoken('program');
    expect(sessionForProgram(session)).toEqual(session);
    expect(programSessionSchema.safeParse(session).success).toBe(true);
  });
});

describe('a session as the partner receives it', () => {
  it('blanks only the words kept to "only me"', () => {
    const held = sessionForPartner(spoken('private'));
    expect(held).toMatchObject({ topics: [], notes: '' });
    expect(held.actionItems[0]?.text).toBe('');
    expect(sessionSchema.parse(held), 'a held copy is a session the device may store').toEqual(held);
    for (const visibility of ['pair', 'program'] as const) {
      const session = spoken(visibility);
      expect(sessionForPartner(session)).toEqual(session);
    }
  });
});

describe('keepingPrivateWords', () => {
  it('keeps the device’s own words beside a newer blanked copy of its private session', () => {
    const mine = spoken('private');
    const [item] = mine.actionItems;
    if (!item) throw new Error('No action item.');
    const ticked = {
      ...sessionForPartner(mine),
      actionItems: [{ ...item, text: '', done: true }],
      durationMinutes: 90,
    };
    expect(keepingPrivateWords(ticked, mine)).toEqual({
      ...ticked,
      topics: mine.topics,
      notes: mine.notes,
      actionItems: [{ ...item, done: true }],
    });
  });

  it('takes any other copy as it is', () => {
    const mine = spoken('private');
    const widened = { ...mine, notesVisibility: 'pair' as const, notes: 'Shared now.' };
    expect(keepingPrivateWords(widened, mine)).toBe(widened);
    const narrowedByPartnerCopy = sessionForPartner(mine);
    expect(keepingPrivateWords(narrowedByPartnerCopy, { ...mine, notesVisibility: 'pair' })).toBe(
      narrowedByPartnerCopy,
    );
    expect(keepingPrivateWords(narrowedByPartnerCopy, undefined)).toBe(narrowedByPartnerCopy);
    const ownFull = { ...mine, notes: 'Rewritten on my other device.' };
    expect(keepingPrivateWords(ownFull, mine)).toBe(ownFull);
  });
});
