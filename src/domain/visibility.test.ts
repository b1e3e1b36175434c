import { describe, expect, it } from 'vitest';
import { aCheckIn, aPair } from '../test/builders';
import { canSeeNotes, canSeeScores, sideInPair, visibleCheckIns } from './visibility';

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
