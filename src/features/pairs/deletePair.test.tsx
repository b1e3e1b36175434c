import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../db/database';
import type { Session } from '../../domain/session';
import { UNDO_WINDOW_MS, useUndoStore } from '../../state/undoStore';
import { aCheckIn, aPair, aPerson, aSession } from '../../test/builders';
import { renderApp, signInAs } from '../../test/renderApp';
import { seedRecords, storedCheckIn, storedRecords } from '../../test/seedRecords';

beforeEach(() => {
  useUndoStore.getState().dismiss();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
});
afterEach(() => {
  vi.useRealTimers();
});

async function aPairWithRecords() {
  const alex = await signInAs('mentor', { name: 'Alex Chen' });
  const sam = aPerson({ name: 'Sam Lee' });
  const pair = aPair({ mentorId: alex.id, menteeId: sam.id });
  const sessions = [
    aSession({ pairId: pair.id, date: '2026-01-15' }),
    aSession({ pairId: pair.id, date: '2026-02-01' }),
  ];
  const checkIn = aCheckIn({ pairId: pair.id, raterId: sam.id });
  await seedRecords({ people: [sam], pairs: [pair], sessions, checkIns: [checkIn] });
  return { pair, sessions, checkIn };
}

/** The stored copies of these sessions, in their order; undefined for any not stored. */
async function storedSessions(sessions: readonly Session[]): Promise<(Session | undefined)[]> {
  const stored = (await storedRecords()).sessions;
  return sessions.map((session) => stored.find((held) => held.id === session.id));
}

async function deletePairFromItsPage(pairId: string) {
  const view = renderApp(`/pairs/${pairId}`);
  const manage = await screen.findByRole('region', { name: 'Manage this pair' });
  await view.user.click(within(manage).getByRole('button', { name: 'Delete pair' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Your pairs' })).toBeInTheDocument();
  return view;
}

describe('deleting a pair', () => {
  it('goes to the pairs list, says what went with it, and undo restores the pair with its sessions and check-ins', async () => {
    const { pair, sessions, checkIn } = await aPairWithRecords();
    const { user } = await deletePairFromItsPage(pair.id);

    expect(
      await screen.findByText('Pair Alex Chen & Sam Lee deleted, with 2 sessions and 1 check-in.'),
    ).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'No pairs yet' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo' }));

    expect(await screen.findByRole('link', { name: /Alex Chen and Sam Lee/ })).toBeInTheDocument();
    expect(screen.getByText('Pair Alex Chen & Sam Lee restored.')).toBeInTheDocument();
    expect((await db.pairs.get(pair.id))?.deletedAt).toBeNull();
    expect((await storedSessions(sessions)).map((s) => s?.deletedAt)).toEqual([null, null]);
    expect((await storedCheckIn(checkIn.id))?.deletedAt).toBeNull();
  });

  it('stays deleted, with everything in it, after the undo window', async () => {
    const { pair, sessions, checkIn } = await aPairWithRecords();
    await deletePairFromItsPage(pair.id);
    await screen.findByRole('button', { name: 'Undo' });

    act(() => {
      vi.advanceTimersByTime(UNDO_WINDOW_MS + 100);
    });

    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Alex Chen and Sam Lee/ })).not.toBeInTheDocument();
    expect((await db.pairs.get(pair.id))?.deletedAt).not.toBeNull();
    expect((await storedSessions(sessions)).every((s) => s?.deletedAt !== null)).toBe(true);
    expect((await storedCheckIn(checkIn.id))?.deletedAt).not.toBeNull();
    renderApp(`/pairs/${pair.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});
