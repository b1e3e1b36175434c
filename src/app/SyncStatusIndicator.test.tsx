import { act, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { forgetSyncAccount, saveSyncAccount } from '../data/syncAccount';
import { useSyncStatusStore, type SyncStatusView } from '../state/syncStatusStore';
import { renderApp, signInAs } from '../test/renderApp';

const quiet: SyncStatusView = {
  phase: 'up-to-date',
  waiting: 0,
  lastSyncedAt: null,
  retryInMs: null,
  message: null,
  problems: [],
  progress: null,
};

async function aSyncingDevice(status: Partial<SyncStatusView> | null) {
  const person = await signInAs('mentee');
  saveSyncAccount({
    serverUrl: '/couch',
    personId: person.id,
    role: 'partner',
    pairIds: [],
    since: new Date().toISOString(),
  });
  useSyncStatusStore.getState().setStatus(status && { ...quiet, ...status });
  renderApp('/pairs');
}

beforeEach(() => {
  useSyncStatusStore.setState(useSyncStatusStore.getInitialState());
});

describe('the sync status in the header', () => {
  it('is there only while the device has an account', async () => {
    const person = await signInAs('mentee');
    renderApp('/pairs');
    await screen.findByRole('heading', { name: 'Your pairs' });
    await import('./SyncStatusIndicator');
    expect(screen.queryByText('Sync starting…')).not.toBeInTheDocument();

    act(() =>
      saveSyncAccount({
        serverUrl: '/couch',
        personId: person.id,
        role: 'partner',
        pairIds: [],
        since: new Date().toISOString(),
      }),
    );
    expect(await screen.findByText('Sync starting…')).toBeInTheDocument();
    act(() => forgetSyncAccount());
    expect(screen.queryByText('Sync starting…')).not.toBeInTheDocument();
  });

  it('says it is starting until the engine reports', async () => {
    await aSyncingDevice(null);
    expect(await screen.findByText('Sync starting…')).toHaveAttribute('role', 'status');
  });

  it('says when it last synced, and leads to the sync screen', async () => {
    await aSyncingDevice({ lastSyncedAt: Date.now() - 2 * 60_000 });
    const status = await screen.findByText('Synced');
    expect(status).toHaveAttribute('role', 'status');
    const link = screen.getByRole('link', { name: /^Synced 2 min/ });
    expect(link).toHaveAttribute('href', '/sync');
  });

  it('shows a first sync’s progress as a progress bar', async () => {
    await aSyncingDevice({ phase: 'syncing', progress: { done: 30, total: 120 } });
    expect(await screen.findByText('Syncing…')).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: 'First sync' });
    expect(bar).toHaveAttribute('value', '30');
    expect(bar).toHaveAttribute('max', '120');
  });

  it('counts the changes waiting, online and offline', async () => {
    await aSyncingDevice({ phase: 'syncing', waiting: 3 });
    expect(await screen.findByText('3 changes waiting')).toBeInTheDocument();
    useSyncStatusStore.getState().setStatus({ ...quiet, phase: 'offline', waiting: 1 });
    expect(await screen.findByText('Offline — 1 change waiting')).toBeInTheDocument();
  });

  it('says what went wrong while it retries', async () => {
    await aSyncingDevice({ phase: 'retrying', waiting: 2, message: 'The sync server cannot be reached.' });
    expect(
      await screen.findByText('The sync server cannot be reached. It tries again by itself; 2 changes waiting.'),
    ).toBeInTheDocument();
  });

  it('offers to sign in again when signed out', async () => {
    await aSyncingDevice({ phase: 'signed-out' });
    expect(await screen.findByText(/Signed out of the program’s server/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in again' })).toHaveAttribute('href', '/sync/sign-in');
  });

  it('gives the server’s refusal and what to do', async () => {
    await aSyncingDevice({
      phase: 'refused',
      message: 'You are no longer a member of this pair. Ask your coordinator.',
    });
    expect(
      await screen.findByText('You are no longer a member of this pair. Ask your coordinator.'),
    ).toBeInTheDocument();
  });

  it('links the documents set aside to their list', async () => {
    const problem = { database: 'mentorlog-pair-x', docId: 'checkIn:1', message: 'A score must be 1 to 5.' };
    await aSyncingDevice({ problems: [problem, { ...problem, docId: 'checkIn:2' }] });
    expect(await screen.findByRole('link', { name: '2 documents set aside' })).toHaveAttribute(
      'href',
      '/sync#set-aside',
    );
  });
});
