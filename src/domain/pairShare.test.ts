import { describe, expect, it } from 'vitest';
import { aProgram } from '../test/backupFiles';
import { aCheckIn, aPerson, aSession } from '../test/builders';
import type { CheckIn } from './checkIn';
import { checkInForPartner, pairShareRecords } from './pairShare';

describe('sharing a pair', () => {
  const words = { comments: { trust: 'Hard to say this aloud.' }, reflection: 'I hold back in our sessions.' };

  it('blanks the written words of a check-in whose words are private', () => {
    const checkIn = aCheckIn({ ...words, visibility: 'program', notesVisibility: 'private' });
    expect(checkInForPartner(checkIn)).toEqual({ ...checkIn, comments: {}, reflection: '' });
  });

  it('blanks the scores of a check-in whose scores are private but words shared', () => {
    const checkIn = aCheckIn({ ...words, visibility: 'private', notesVisibility: 'pair' });
    expect(checkInForPartner(checkIn)).toEqual({ ...checkIn, scores: {} });
  });

  it('leaves out a check-in that is private altogether, and keeps a shared one whole', () => {
    expect(checkInForPartner(aCheckIn({ ...words, visibility: 'private', notesVisibility: 'private' }))).toBeNull();
    const shared = aCheckIn({ ...words, visibility: 'pair', notesVisibility: 'program' });
    expect(checkInForPartner(shared)).toEqual(shared);
  });

  it('holds the pair, its two people, its sessions and what its partner may see — nothing of other pairs', () => {
    const program = aProgram();
    const [pair] = program.pairs;
    if (!pair) throw new Error('No pair.');
    const outsider = aPerson({ name: 'Morgan Reyes' });
    const otherSession = aSession();
    const hidden: CheckIn = aCheckIn({ pairId: pair.id, visibility: 'private', notesVisibility: 'private' });
    const otherCheckIn = aCheckIn();

    const share = pairShareRecords(
      pair,
      [...program.people, outsider],
      [...program.sessions, otherSession],
      [...program.checkIns, hidden, otherCheckIn],
    );

    expect(share).toEqual({
      people: program.people,
      pairs: [pair],
      sessions: program.sessions,
      checkIns: program.checkIns.map((checkIn) => ({ ...checkIn, comments: {}, reflection: '' })),
    });
  });

  it('blanks the words of a session kept to "only me", whoever logged it, and keeps its facts', () => {
    const program = aProgram();
    const [pair] = program.pairs;
    if (!pair) throw new Error('No pair.');
    const item = {
      id: crypto.randomUUID(),
      text: 'Ask about the secondment',
      owner: 'mentee' as const,
      dueDate: null,
      done: false,
    };
    const spoken = { topics: ['Leaving'], notes: 'Thinking of leaving the team.', actionItems: [item] };
    const [mine, both, everyone] = (['private', 'pair', 'program'] as const).map((notesVisibility) =>
      aSession({ pairId: pair.id, loggedById: pair.mentorId, notesVisibility, ...spoken }),
    );
    if (!mine || !both || !everyone) throw new Error('No sessions.');

    const share = pairShareRecords(pair, program.people, [mine, both, everyone], []);

    expect(share.sessions).toEqual([
      { ...mine, topics: [], notes: '', actionItems: [{ ...item, text: '' }] },
      both,
      everyone,
    ]);
  });
});
