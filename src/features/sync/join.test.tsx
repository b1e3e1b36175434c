import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSyncAccount, saveSyncAccount } from '../../data/syncAccount';
import { db } from '../../db/database';
import { invitationLink, type Invitation } from '../../domain/invitation';
import { useViewerStore } from '../../state/viewerStore';
import { aPair, aPerson } from '../../test/builders';
import { fakeCouch } from '../../test/fakeCouch';
import { renderApp } from '../../test/renderApp';

afterEach(() => {
  vi.unstubAllGlobals();
});

const mentor = aPerson({ name: 'Maya Mentor' });
const mentee = aPerson({ name: 'Sam Mentee' });
const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id });
const code = '7KQ2M9XD4TPB';

function invitedMentee(withCode: boolean) {
  const server = fakeCouch();
  const rev = server.addUser(mentee.id, code);
  const invitation: Invitation = {
    serverUrl: '/couch',
    personId: mentee.id,
    pairId: pair.id,
    name: 'Sam Mentee',
    rev,
    code: withCode ? code : null,
    // A link from before sealed pairs: the join screen takes no keys.
    secret: null,
  };
  const link = invitationLink('http://localhost', invitation);
  return { server, path: link.slice('http://localhost'.length) };
}

async function choosePassword(user: ReturnType<typeof renderApp>['user'], password: string, repeat = password) {
  await user.type(screen.getByLabelText('New password'), password);
  await user.type(screen.getByLabelText('New password again'), repeat);
  await user.click(screen.getByRole('button', { name: /Join/ }));
}

describe('accepting an invitation', () => {
  it('reads the link’s fragment, clears it from the address, and asks for the code when the link has none', async () => {
    const { server, path } = invitedMentee(false);
    const { router } = renderApp(path);

    expect(await screen.findByRole('heading', { name: 'Welcome, Sam Mentee' })).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.hash).toBe(''));
    expect(router.state.location.pathname).toBe('/join');
    expect(screen.getByLabelText('Your one-time code')).toBeInTheDocument();
    expect(server.requests).toEqual([]);
  });

  it('refuses a short password and two different passwords without asking the server', async () => {
    const { server, path } = invitedMentee(true);
    const { user } = renderApp(path);
    await screen.findByRole('heading', { name: 'Welcome, Sam Mentee' });
    expect(screen.queryByLabelText('Your one-time code')).not.toBeInTheDocument();

    await choosePassword(user, 'short');
    expect(await screen.findByText('Choose a password of at least 8 characters.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('New password'));
    await user.clear(screen.getByLabelText('New password again'));
    await choosePassword(user, 'sams own password', 'sams own pasword');
    expect(await screen.findByText(/The two passwords differ/)).toBeInTheDocument();
    expect(server.requests).toEqual([]);
    expect(readSyncAccount()).toBeNull();
  });

  it('says so when the code is wrong, and changes nothing', async () => {
    const { server, path } = invitedMentee(false);
    const { user } = renderApp(path);
    await user.type(await screen.findByLabelText('Your one-time code'), 'AAAA-BBBB-CCCC');
    await choosePassword(user, 'sams own password');

    expect(await screen.findByRole('alert')).toHaveTextContent('The server did not accept this code.');
    expect(server.users.get(mentee.id)?.password).toBe(code);
    expect(readSyncAccount()).toBeNull();
  });

  it('replaces the code by the person’s own password, connects, waits for the pair and opens it', async () => {
    const { server, path } = invitedMentee(false);
    const { user, router } = renderApp(path);
    await user.type(await screen.findByLabelText('Your one-time code'), '7kq2-m9xd-4tpb');
    await choosePassword(user, 'sams own password');

    expect(await screen.findByText('Fetching your pair…')).toBeInTheDocument();
    expect(server.users.get(mentee.id)?.password).toBe('sams own password');
    const change = server.requests.find((request) => request.method === 'PUT' && request.path.startsWith('_users/'));
    expect(change).toMatchObject({ basicName: null, body: { _rev: '1-a', name: mentee.id, type: 'user', roles: [] } });
    const signIns = server.requests.filter((request) => request.path === '_session').map((request) => request.body);
    expect(signIns).toEqual([
      { name: mentee.id, password: code },
      { name: mentee.id, password: 'sams own password' },
    ]);
    expect(readSyncAccount()).toMatchObject({
      serverUrl: '/couch',
      personId: mentee.id,
      role: 'partner',
      pairIds: [pair.id],
    });
    expect(JSON.stringify({ ...localStorage })).not.toContain('sams own password');

    // The pair and its people arrive by sync.
    await act(async () => {
      await db.people.bulkAdd([mentor, mentee]);
      await db.pairs.add(pair);
    });
    await waitFor(() => expect(router.state.location.pathname).toBe(`/pairs/${pair.id}`));
    expect(useViewerStore.getState()).toMatchObject({ personId: mentee.id, role: 'mentee' });
  });

  it('says that a pair already on the device will be shared with the partner', async () => {
    await db.people.bulkAdd([mentor, mentee]);
    await db.pairs.add(pair);
    const { path } = invitedMentee(true);
    renderApp(path);
    expect(await screen.findByText(/its history is shared with your partner/)).toHaveTextContent(
      'everything but private records',
    );
    expect(screen.getByRole('button', { name: 'Share this pair and join' })).toBeInTheDocument();
  });

  it('does not join on a device that already syncs as someone else', async () => {
    saveSyncAccount({
      serverUrl: '/couch',
      personId: mentor.id,
      role: 'partner',
      pairIds: [pair.id],
      since: '2026-12-01T10:00:00.000Z',
    });
    const { path } = invitedMentee(true);
    renderApp(path);
    expect(await screen.findByText(/already syncs with a program’s server as someone else/)).toBeInTheDocument();
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument();
  });
});
