import { describe, expect, it } from 'vitest';
import { aPerson, aSession } from '../test/builders';
import { planMerge } from './planMerge';

describe('planMerge', () => {
  const at = (time: string) => `2026-03-${time}:00.000Z`;
  const none = () => ({ people: new Map(), pairs: new Map(), sessions: new Map(), checkIns: new Map() });

  it('adds what is new, replaces what is older, and keeps what is newer or the same', () => {
    const added = aPerson({ updatedAt: at('21T10:00') });
    const newer = aPerson({ updatedAt: at('21T10:00') });
    const same = aPerson({ updatedAt: at('21T10:00') });
    const older = aPerson({ updatedAt: at('21T10:00') });
    const existing = none();
    existing.people.set(newer.id, { updatedAt: at('20T10:00'), deletedAt: null });
    existing.people.set(same.id, { updatedAt: at('21T10:00'), deletedAt: null });
    existing.people.set(older.id, { updatedAt: at('22T10:00'), deletedAt: null });

    const plan = planMerge({ people: [added, newer, same, older], pairs: [], sessions: [], checkIns: [] }, existing);

    expect(plan.writes.people).toEqual([added, newer]);
    expect(plan.counts.people).toEqual({ added: 1, updated: 1, unchanged: 1, skippedOlder: 1 });
    expect(plan.total).toEqual({ added: 1, updated: 1, unchanged: 1, skippedOlder: 1 });
  });

  it('lets a newer deletion win, and a newer edit win over an older deletion', () => {
    const deleted = aSession({ updatedAt: at('22T10:00'), deletedAt: at('22T10:00') });
    const edited = aSession({ updatedAt: at('23T10:00') });
    const existing = none();
    existing.sessions.set(deleted.id, { updatedAt: at('21T10:00'), deletedAt: null });
    existing.sessions.set(edited.id, { updatedAt: at('22T10:00'), deletedAt: at('22T10:00') });

    const plan = planMerge({ people: [], pairs: [], sessions: [deleted, edited], checkIns: [] }, existing);

    expect(plan.writes.sessions).toEqual([deleted, edited]);
    expect(plan.counts.sessions.updated).toBe(2);
  });

  it('counts a deletion as a change even when it left updatedAt behind', () => {
    const deleted = aSession({ updatedAt: at('20T10:00'), deletedAt: at('22T10:00') });
    const existing = none();
    existing.sessions.set(deleted.id, { updatedAt: at('21T10:00'), deletedAt: null });
    expect(planMerge({ people: [], pairs: [], sessions: [deleted], checkIns: [] }, existing).writes.sessions).toEqual([
      deleted,
    ]);
  });

  it('compares times, not text, when they are written with offsets', () => {
    const incoming = aPerson({ updatedAt: '2026-03-21T12:00:00.000+02:00' }); // 10:00 UTC
    const existing = none();
    existing.people.set(incoming.id, { updatedAt: '2026-03-21T11:00:00.000Z', deletedAt: null });
    expect(
      planMerge({ people: [incoming], pairs: [], sessions: [], checkIns: [] }, existing).counts.people.skippedOlder,
    ).toBe(1);
  });
});
