import { describe, expect, it } from 'vitest';
import { aCheckIn, aPair } from '../test/builders';
import { programCheckIns, scoresSharedWithProgram } from './programView';

const pair = aPair();
const rated = (overrides: Parameters<typeof aCheckIn>[0]) =>
  aCheckIn({
    pairId: pair.id,
    raterId: pair.menteeId,
    comments: { trust: 'A comment' },
    reflection: 'My reflection',
    ...overrides,
  });

describe('the program’s view of check-ins', () => {
  it('sees scores shared with the program, and never private or pair-only ones', () => {
    expect(scoresSharedWithProgram(rated({ visibility: 'program' }), pair)).toBe(true);
    expect(scoresSharedWithProgram(rated({ visibility: 'pair' }), pair)).toBe(false);
    expect(scoresSharedWithProgram(rated({ visibility: 'private' }), pair)).toBe(false);
  });

  it('keeps a check-in’s words only when they too were shared with the program', () => {
    const [privateWords, sharedWords] = programCheckIns(
      [
        rated({ visibility: 'program', notesVisibility: 'private' }),
        rated({ visibility: 'program', notesVisibility: 'program' }),
      ],
      pair,
    );
    expect(privateWords).toMatchObject({ comments: {}, reflection: '' });
    expect(sharedWords).toMatchObject({ comments: { trust: 'A comment' }, reflection: 'My reflection' });
  });

  it('leaves out check-ins whose scores were not shared with the program, and deleted ones', () => {
    const kept = programCheckIns(
      [
        rated({ visibility: 'pair', notesVisibility: 'program' }),
        rated({ visibility: 'private' }),
        rated({ visibility: 'program', deletedAt: '2026-01-02T00:00:00.000Z' }),
      ],
      pair,
    );
    expect(kept).toEqual([]);
  });
});
