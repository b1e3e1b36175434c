import { describe, expect, it } from 'vitest';
import { aCheckIn, aPair, aSession } from '../test/builders';
import { programViewer } from './programView';
import type { Session } from './session';
import { canSeeNotes, canSeeScores, canSeeSessionWords, sideInPair, visibleCheckIns, type Viewer } from './visibility';
import { visibleSessions } from './session';
import type { Visibility } from './checkIn';

const mentorId = crypto.randomUUID();
const menteeId = crypto.randomUUID();
const coordinatorId = crypto.randomUUID();
const pair = aPair({ mentorId, menteeId });
const asMentor = { personId: mentorId, role: 'mentor' as const };
const asMentee = { personId: menteeId, role: 'mentee' as const };
const asCoordinator = { personId: coordinatorId, role: 'coordinator' as const };

describe('visibility', () => {
  it('finds the viewer’s side in a pair, or none for an outsider', () => {
    expect(sideInPair(pair, mentorId)).toBe('mentor');
    expect(sideInPair(pair, menteeId)).toBe('mentee');
    expect(sideInPair(pair, coordinatorId)).toBeNull();
  });

  it('shows a private check-in to its rater only', () => {
    const checkIn = aCheckIn({ pairId: pair.id, raterId: menteeId, visibility: 'private', notesVisibility: 'private' });
    expect(canSeeScores(checkIn, pair, asMentee)).toBe(true);
    expect(canSeeScores(checkIn, pair, asMentor)).toBe(false);
    expect(canSeeScores(checkIn, pair, asCoordinator)).toBe(false);
  });

  it('shows pair-visible words to the partner but not to the coordinator', () => {
    const checkIn = aCheckIn({ raterId: menteeId, notesVisibility: 'pair' });
    expect(canSeeNotes(checkIn, pair, asMentor)).toBe(true);
    expect(canSeeNotes(checkIn, pair, asCoordinator)).toBe(false);
  });

  it('shows program-visible scores to the coordinator', () => {
    expect(canSeeScores(aCheckIn({ raterId: menteeId, visibility: 'program' }), pair, asCoordinator)).toBe(true);
  });

  it('blanks a private reflection while keeping shared scores visible to the partner', () => {
    const checkIn = aCheckIn({
      raterId: menteeId,
      visibility: 'program',
      notesVisibility: 'private',
      reflection: 'I do not feel heard.',
      comments: { trust: 'Hard to open up.' },
    });
    const [seen] = visibleCheckIns([checkIn], pair, asMentor);
    expect(seen?.scores).toEqual(checkIn.scores);
    expect(seen?.reflection).toBe('');
    expect(seen?.comments).toEqual({});
  });

  it('drops a check-in the viewer may see nothing of', () => {
    const checkIn = aCheckIn({ raterId: menteeId, visibility: 'pair', notesVisibility: 'private' });
    expect(visibleCheckIns([checkIn], pair, asCoordinator)).toEqual([]);
  });

  it('keeps everything of the viewer’s own check-in', () => {
    const checkIn = aCheckIn({
      raterId: menteeId,
      visibility: 'private',
      notesVisibility: 'private',
      reflection: 'Mine.',
    });
    expect(visibleCheckIns([checkIn], pair, asMentee)).toEqual([checkIn]);
  });
});

describe('a session’s visibility', () => {
  const asOtherMentor = { personId: crypto.randomUUID(), role: 'mentor' as const };
  const words = { topics: ['Moving abroad'], notes: 'Thinking of leaving.', text: 'Talk to HR' };
  const loggedByMentor = (notesVisibility: Visibility): Session =>
    aSession({
      pairId: pair.id,
      loggedBy: 'mentor',
      loggedById: mentorId,
      notesVisibility,
      date: '2026-02-03',
      durationMinutes: 50,
      mode: 'phone',
      topics: words.topics,
      notes: words.notes,
      actionItems: [{ id: crypto.randomUUID(), text: words.text, owner: 'mentee', dueDate: '2026-02-20', done: true }],
    });
  const facts = (session: Session) => ({
    id: session.id,
    date: session.date,
    durationMinutes: session.durationMinutes,
    mode: session.mode,
    loggedBy: session.loggedBy,
    loggedById: session.loggedById,
    notesVisibility: session.notesVisibility,
    actionItems: session.actionItems.map(({ id, owner, dueDate, done }) => ({ id, owner, dueDate, done })),
  });

  // Who sees the words, by role and visibility: the author always; the partner unless "only me";
  // anyone outside the pair only what was shared with the program.
  const roles: [string, Viewer, Record<Visibility, boolean>][] = [
    ['the mentor who logged it', asMentor, { private: true, pair: true, program: true }],
    ['the mentee, their partner', asMentee, { private: false, pair: true, program: true }],
    ['the program coordinator', asCoordinator, { private: false, pair: false, program: true }],
    ['the program as a whole', programViewer, { private: false, pair: false, program: true }],
    ['a mentor of another pair', asOtherMentor, { private: false, pair: false, program: true }],
  ];
  const cases = roles.flatMap(([role, viewer, sees]) =>
    (['private', 'pair', 'program'] as const).map((visibility) => ({
      role,
      viewer,
      visibility,
      sees: sees[visibility],
    })),
  );

  it.each(cases)('shows $role the facts of a session kept to $visibility, and its words: $sees', (example) => {
    const session = loggedByMentor(example.visibility);
    expect(canSeeSessionWords(session, pair, example.viewer)).toBe(example.sees);
    const [seen] = visibleSessions([session], pair, example.viewer);
    if (!seen) throw new Error('The session was dropped.');
    expect(facts(seen)).toEqual(facts(session));
    expect(seen.wordsHeld).toBe(!example.sees);
    if (example.sees) {
      expect(seen).toEqual({ ...session, wordsHeld: false });
    } else {
      expect(seen.topics).toEqual([]);
      expect(seen.notes).toBe('');
      expect(seen.actionItems.map((item) => item.text)).toEqual(['']);
      const text = JSON.stringify(seen);
      for (const word of [...words.topics, words.notes, words.text]) expect(text).not.toContain(word);
    }
  });

  it('judges by who logged the session, not by its side: a mentee’s private session is the mentee’s alone', () => {
    const session = aSession({ loggedBy: 'mentee', loggedById: menteeId, notesVisibility: 'private', notes: 'Mine.' });
    expect(visibleSessions([session], pair, asMentee)[0]?.notes).toBe('Mine.');
    expect(visibleSessions([session], pair, asMentor)[0]).toMatchObject({ notes: '', wordsHeld: true });
  });

  it('keeps every session and its order', () => {
    const sessions = (['program', 'private', 'pair'] as const).map(loggedByMentor);
    expect(visibleSessions(sessions, pair, asCoordinator).map((session) => session.id)).toEqual(
      sessions.map((session) => session.id),
    );
  });
});
