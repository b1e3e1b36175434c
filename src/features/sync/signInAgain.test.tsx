import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveSyncAccount } from '../../data/syncAccount';
import { useSyncStatusStore } from '../../state/syncStatusStore';
import { fakeCouch } from '../../test/fakeCouch';
import { renderApp, signInAs } from '../../test/renderApp';

beforeEach(() => {
  useSyncStatusStore.setState(useSyncStatusStore.getInitialState());
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function aSignedOutDevice() {
  const person = await signInAs('mentor', { name: 'Maya Mentor' });
  saveSyncAccount({
    serverUrl: '/couch',
    personId: person.id,
    role: 'partner',
    pairIds: [],
    since: new Date().toISOString(),
  });
  useSyncStatusStore.getState().setStatus({
    phase: 'signed-out',
    waiting: 2,
    lastSyncedAt: null,
    retryInMs: null,
    message: null,
    problems: [],
    progress: null,
  });
  const server = fakeCouch();
  server.addUser(person.id, 'mayas password');
  return { person, server };
}

describe('signing in again', () => {
  it('signs in as the account’s person from the status’s link, starts sync again and goes back', async () => {
    const { person, server } = await aSignedOutDevice();
    const { user, router } = renderApp('/guidance');
    await user.click(await screen.findByRole('link', { name: 'Sign in again' }));
    await user.type(await screen.findByLabelText('Your password'), 'mayas password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(useSyncStatusStore.getState().restarts).toBe(1));
    expect(server.requests.at(-1)).toMatchObject({
      path: '_session',
      body: { name: person.id, password: 'mayas password' },
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/guidance'));
    expect(JSON.stringify({ ...localStorage })).not.toContain('mayas password');
  });

  it('says so when the password is wrong, and does not restart', async () => {
    await aSignedOutDevice();
    const { user } = renderApp('/sync/sign-in');
    expect(await screen.findByText(/asks Maya Mentor to sign in again/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Your password'), 'not it');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('That password does not match.');
    expect(useSyncStatusStore.getState().restarts).toBe(0);
  });
});
