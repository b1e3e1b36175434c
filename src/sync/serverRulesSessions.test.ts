import { describe, expect, it } from 'vitest';
import { aServerDoc } from '../test/serverDocs';
import { refusal, setUp } from '../test/validateDocUpdate';

// A session's facts go to both of a pair's databases; its words only as far as its author shared them.
describe('validate_doc_update for sessions', () => {
  // Each of a session's words on its own: its notes, a topic, an action item's text.
  const wordsOf = (text: string) => [
    { notes: text },
    { topics: [text] },
    { actionItems: [{ id: crypto.randomUUID(), text, owner: 'mentee' as const, dueDate: null, done: false }] },
  ];
  const blank = {
    notes: '',
    topics: [],
    actionItems: [{ id: crypto.randomUUID(), text: '', owner: 'mentee' as const, dueDate: '2026-02-01', done: true }],
  };

  it('refuses a session’s words kept to “only me” in either database, and takes its facts', () => {
    const { session, pairDb, sharedDb, asMentor, pairSec, sharedSec } = setUp();
    for (const words of wordsOf('Only for me')) {
      const doc = aServerDoc('session', session({ notesVisibility: 'private', ...words }));
      expect(refusal(pairDb, doc, asMentor, pairSec), JSON.stringify(words)).toMatch(/Private words never leave/);
      const shared = { ...doc, meta: { ...doc.meta, visibility: 'program' } };
      expect(refusal(sharedDb, shared, asMentor, sharedSec), JSON.stringify(words)).toMatch(/Private words/);
    }
    const facts = aServerDoc('session', session({ notesVisibility: 'private', ...blank }));
    expect(refusal(pairDb, facts, asMentor, pairSec)).toBeNull();
    expect(
      refusal(sharedDb, { ...facts, meta: { ...facts.meta, visibility: 'program' } }, asMentor, sharedSec),
    ).toBeNull();
    const unknown = aServerDoc('session', { ...session({ notes: 'Said' }), notesVisibility: 'everyone' as 'pair' });
    expect(refusal(pairDb, unknown, asMentor, pairSec)).toMatch(/Private words/);
  });

  it('takes a session’s words into the shared database only when they were shared with the program', () => {
    const { session, sharedDb, asMentor, asMentee, sharedSec } = setUp();
    for (const words of wordsOf('Between us')) {
      const pairOnly = aServerDoc('session', session({ notesVisibility: 'pair', ...words }), { visibility: 'program' });
      expect(refusal(sharedDb, pairOnly, asMentee, sharedSec), JSON.stringify(words)).toMatch(
        /Session words not shared with the program/,
      );
      const shared = aServerDoc('session', session({ notesVisibility: 'program', ...words }), {
        visibility: 'program',
      });
      expect(refusal(sharedDb, shared, asMentor, sharedSec), JSON.stringify(words)).toBeNull();
    }
    const facts = aServerDoc('session', session({ notesVisibility: 'pair', ...blank }), { visibility: 'program' });
    expect(refusal(sharedDb, facts, asMentee, sharedSec)).toBeNull();
  });

  it('lets only the partner who logged a session change who sees its words, or who logged it', () => {
    const { session, mentee, pairDb, asMentor, asMentee, pairSec } = setUp();
    const stored = { ...aServerDoc('session', session({ notesVisibility: 'pair', notes: 'Said' })), _rev: '1-a' };
    const widened = aServerDoc('session', {
      ...session(),
      id: stored.content.id,
      notesVisibility: 'program',
      notes: 'Said',
    });
    expect(refusal(pairDb, widened, asMentee, pairSec, stored)).toMatch(/Only the person who logged a session/);
    expect(refusal(pairDb, widened, asMentor, pairSec, stored)).toBeNull();
    // Either partner may change its facts, such as ticking off an action item.
    const ticked = aServerDoc('session', { ...session({ notes: 'Said' }), id: stored.content.id, durationMinutes: 90 });
    expect(refusal(pairDb, ticked, asMentee, pairSec, stored)).toBeNull();
    const takenOver = aServerDoc('session', {
      ...session({ notes: 'Said' }),
      id: stored.content.id,
      loggedBy: 'mentee',
      loggedById: mentee.id,
    });
    expect(refusal(pairDb, takenOver, asMentee, pairSec, stored)).toMatch(/Who logged a session cannot be changed/);
    const lyingMeta = aServerDoc('session', session(), { author: mentee.id });
    expect(refusal(pairDb, lyingMeta, asMentee, pairSec)).toMatch(/meta.author must be the person who logged it/);
  });
});
