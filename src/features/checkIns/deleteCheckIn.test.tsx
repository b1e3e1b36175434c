import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UNDO_WINDOW_MS, useUndoStore } from '../../state/undoStore';
import { useViewerStore } from '../../state/viewerStore';
import { aCheckIn, aPair, aPerson } from '../../test/builders';
import { renderApp, signInAs } from '../../test/renderApp';
import { seedRecords, storedCheckIn } from '../../test/seedRecords';

beforeEach(() => {
  useUndoStore.getState().dismiss();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
});
afterEach(() => {
  vi.useRealTimers();
});

async function samsCheckIn() {
  const sam = await signInAs('mentee', { name: 'Sam Lee' });
  const alex = aPerson({ name: 'Alex Chen' });
  const pair = aPair({ mentorId: alex.id, menteeId: sam.id });
  const checkIn = aCheckIn({
    pairId: pair.id,
    raterId: sam.id,
    side: 'mentee',
    date: '2026-01-15',
    reflection: 'Getting easier.',
    notesVisibility: 'pair',
  });
  await seedRecords({ people: [alex], pairs: [pair], checkIns: [checkIn] });
  return { alex, pair, checkIn };
}

async function deleteFromCheckInPage(pairId: string, checkInId: string) {
  const view = renderApp(`/pairs/${pairId}/check-ins/${checkInId}`);
  await view.user.click(await screen.findByRole('button', { name: 'Delete check-in' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Alex Chen & Sam Lee' })).toBeInTheDocument();
  return view;
}

describe('deleting a check-in', () => {
  it('removes it from the pair’s timeline and undo brings it back', async () => {
    const { pair, checkIn } = await samsCheckIn();
    const { user } = await deleteFromCheckInPage(pair.id, checkIn.id);

    expect(await screen.findByText('Your check-in on Jan 15, 2026 deleted.')).toBeInTheDocument();
    expect(screen.queryByText('Getting easier.')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo' }));

    expect(await screen.findByText('Getting easier.')).toBeInTheDocument();
    expect(screen.getByText('Your check-in on Jan 15, 2026 restored.')).toBeInTheDocument();
    expect((await storedCheckIn(checkIn.id))?.deletedAt).toBeNull();
  });

  it('stays deleted once the undo window has passed', async () => {
    const { pair, checkIn } = await samsCheckIn();
    await deleteFromCheckInPage(pair.id, checkIn.id);
    await screen.findByRole('button', { name: 'Undo' });

    act(() => {
      vi.advanceTimersByTime(UNDO_WINDOW_MS + 100);
    });

    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(screen.queryByText('Getting easier.')).not.toBeInTheDocument();
    expect((await storedCheckIn(checkIn.id))?.deletedAt).not.toBeNull();
  });

  it('keeps the undo on offer while the pointer rests on it', async () => {
    const { pair, checkIn } = await samsCheckIn();
    const { user } = await deleteFromCheckInPage(pair.id, checkIn.id);
    const undo = await screen.findByRole('button', { name: 'Undo' });

    await user.hover(undo);
    act(() => {
      vi.advanceTimersByTime(UNDO_WINDOW_MS * 3);
    });
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();

    await user.unhover(undo);
    act(() => {
      vi.advanceTimersByTime(UNDO_WINDOW_MS);
    });
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });

  it('is offered only on the viewer’s own check-ins', async () => {
    const { alex, pair, checkIn } = await samsCheckIn();
    useViewerStore.getState().setViewer(alex.id, 'mentor');
    renderApp(`/pairs/${pair.id}/check-ins/${checkIn.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: /Mentee's check-in/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete check-in' })).not.toBeInTheDocument();
  });
});
