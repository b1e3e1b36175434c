import { describe, expect, it } from 'vitest';
import { aPair, aSession } from '../test/builders';
import { seedRecords, storedSession } from '../test/seedRecords';
import { setSessionNotesVisibility } from './sessions';

describe('setSessionNotesVisibility', () => {
  const pair = aPair();
  const session = aSession({ pairId: pair.id, loggedById: pair.mentorId, notesVisibility: 'pair', notes: 'Said.' });

  it('changes who sees the words of a session for the person who logged it, and nothing else', async () => {
    await seedRecords({ pairs: [pair], sessions: [session] });
    await setSessionNotesVisibility(session, pair.mentorId, 'private');
    const stored = await storedSession(session.id);
    expect(stored).toEqual({ ...session, notesVisibility: 'private', updatedAt: stored?.updatedAt });
    expect(stored?.updatedAt).not.toBe(session.updatedAt);
  });

  it('refuses the partner, and changes nothing', async () => {
    await seedRecords({ pairs: [pair], sessions: [session] });
    await expect(setSessionNotesVisibility(session, pair.menteeId, 'program')).rejects.toThrow(
      'Only the person who logged a session can change who sees its words.',
    );
    expect(await storedSession(session.id)).toEqual(session);
  });
});
