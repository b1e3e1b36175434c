import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UNDO_WINDOW_MS, useUndoStore } from '../../state/undoStore';
import { aPair, aPerson, aSession } from '../../test/builders';
import { renderApp, signInAs } from '../../test/renderApp';
import { seedRecords, storedSession } from '../../test/seedRecords';

beforeEach(() => {
  useUndoStore.getState().dismiss();
  // Only the clock the undo window runs on is faked; it still moves with real time, so that
  // Dexie's and IndexedDB's own scheduling goes on as usual.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
});
afterEach(() => {
  vi.useRealTimers();
});

async function aPairWithASession() {
  const alex = await signInAs('mentor', { name: 'Alex Chen' });
  const sam = aPerson({ name: 'Sam Lee' });
  const pair = aPair({ mentorId: alex.id, menteeId: sam.id });
  const session = aSession({ pairId: pair.id, date: '2026-01-15', notes: 'Talked about hiring.' });
  await seedRecords({ people: [sam], pairs: [pair], sessions: [session] });
  return { pair, session };
}

async function deleteFromSessionPage(pairId: string, sessionId: string) {
  const view = renderApp(`/pairs/${pairId}/sessions/${sessionId}`);
  await view.user.click(await screen.findByRole('button', { name: 'Delete session' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Alex Chen & Sam Lee' })).toBeInTheDocument();
  return view;
}

describe('deleting a session', () => {
  it('goes back to the pair, where the session is gone and a status offers to undo', async () => {
    const { pair, session } = await aPairWithASession();
    await deleteFromSessionPage(pair.id, session.id);

    expect(await screen.findByText('Session on Jan 15, 2026 deleted.')).toBeInTheDocument();
    expect(screen.getByText('Session on Jan 15, 2026 deleted.').closest('[role="status"]')).not.toBeNull();
    expect(screen.queryByText('Talked about hiring.')).not.toBeInTheDocument();
    expect(screen.getByText(/Nothing logged yet/)).toBeInTheDocument();
    expect((await storedSession(session.id))?.deletedAt).not.toBeNull();
  });

  it('brings the session back when Undo is pressed', async () => {
    const { pair, session } = await aPairWithASession();
    const { user } = await deleteFromSessionPage(pair.id, session.id);

    await user.click(await screen.findByRole('button', { name: 'Undo' }));

    expect(await screen.findByText('Talked about hiring.')).toBeInTheDocument();
    expect(screen.getByText('Session on Jan 15, 2026 restored.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect((await storedSession(session.id))?.deletedAt).toBeNull();
  });

  it('lets a keyboard user reach Undo from the screen’s content with one Shift+Tab', async () => {
    const { pair, session } = await aPairWithASession();
    const { user } = await deleteFromSessionPage(pair.id, session.id);
    await screen.findByRole('button', { name: 'Undo' });
    screen.getByRole('main').focus();

    await user.tab({ shift: true });

    expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Talked about hiring.')).toBeInTheDocument();
  });

  it('stops offering the undo after the window, and the session stays deleted', async () => {
    const { pair, session } = await aPairWithASession();
    // The fake clock also moves with real time (shouldAdvanceTime), by as much as the machine is
    // slow: so the window is measured from clock readings taken before the delete and once the
    // offer is on screen, not from a guess of how long the clicks took.
    const beforeDelete = Date.now();
    await deleteFromSessionPage(pair.id, session.id);
    await screen.findByRole('button', { name: 'Undo' });
    const offeredBy = Date.now();

    act(() => {
      vi.advanceTimersByTime(beforeDelete + UNDO_WINDOW_MS - 100 - Date.now());
    });
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(offeredBy + UNDO_WINDOW_MS + 100 - Date.now());
    });

    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(screen.queryByText('Talked about hiring.')).not.toBeInTheDocument();
    expect((await storedSession(session.id))?.deletedAt).not.toBeNull();
  });

  it('answers the deleted session’s address with “not found”', async () => {
    const { pair, session } = await aPairWithASession();
    await deleteFromSessionPage(pair.id, session.id);
    useUndoStore.getState().dismiss();

    renderApp(`/pairs/${pair.id}/sessions/${session.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });

  it('is offered only to the pair’s partners', async () => {
    const { pair, session } = await aPairWithASession();
    await signInAs('coordinator', { name: 'Morgan Reyes' });
    renderApp(`/pairs/${pair.id}/sessions/${session.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Session on Jan 15, 2026' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete session' })).not.toBeInTheDocument();
  });
});
