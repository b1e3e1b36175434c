import { describe, expect, it } from 'vitest';
import type { Session } from '../domain/session';
import { sessionForPartner } from '../domain/session';
import { aPair, aSession } from '../test/builders';
import { applyPulled } from './applyPulled';
import { createMemoryDevice } from './memorySyncStore';
import { docId } from './syncDocument';
import type { ProgramDatabase } from './serverRules';

const pair = aPair();
const pairDb: ProgramDatabase = { kind: 'pair', pairId: pair.id };
const item = {
  id: crypto.randomUUID(),
  text: 'Ask about the move',
  owner: 'mentee' as const,
  dueDate: null,
  done: false,
};
const spoken = (notesVisibility: Session['notesVisibility']) =>
  aSession({
    pairId: pair.id,
    loggedById: pair.mentorId,
    notesVisibility,
    topics: ['Moving'],
    notes: 'Thinking of a move abroad.',
    actionItems: [item],
    updatedAt: '2026-02-01T10:00:00.000Z',
  });

function deviceHolding(session: Session) {
  const device = createMemoryDevice(() => Date.parse('2026-03-01T00:00:00.000Z'));
  device.all.set(docId('session', session.id), { type: 'session', record: session });
  return device;
}
const held = (device: ReturnType<typeof deviceHolding>, id: string) => device.all.get(docId('session', id))?.record;

describe('applying a pulled session', () => {
  it('keeps the author’s private words when the partner’s newer, blanked copy comes back', async () => {
    const mine = spoken('private');
    const device = deviceHolding(mine);
    const ticked: Session = {
      ...sessionForPartner(mine),
      actionItems: [{ ...item, text: '', done: true }],
      updatedAt: '2026-02-02T10:00:00.000Z',
    };

    expect(await applyPulled(device.records, [{ type: 'session', record: ticked }], pairDb)).toEqual({
      applied: 1,
      problems: [],
    });

    expect(held(device, mine.id)).toEqual({
      ...mine,
      actionItems: [{ ...item, done: true }],
      updatedAt: ticked.updatedAt,
    });
  });

  it('takes its own blanked copy for the same version, changing nothing', async () => {
    const mine = spoken('private');
    const device = deviceHolding(mine);
    expect(await applyPulled(device.records, [{ type: 'session', record: sessionForPartner(mine) }], pairDb)).toEqual({
      applied: 0,
      problems: [],
    });
    expect(held(device, mine.id)).toEqual(mine);
  });

  it('drops from the partner’s device the words the author has since kept to themselves', async () => {
    const shared = spoken('pair');
    const device = deviceHolding(shared);
    const narrowed: Session = {
      ...sessionForPartner({ ...shared, notesVisibility: 'private' }),
      updatedAt: '2026-02-02T10:00:00.000Z',
    };

    expect(await applyPulled(device.records, [{ type: 'session', record: narrowed }], pairDb)).toEqual({
      applied: 1,
      problems: [],
    });

    expect(held(device, shared.id)).toEqual(narrowed);
    expect(JSON.stringify(held(device, shared.id))).not.toMatch(/Moving|abroad|Ask about/);
  });
});
