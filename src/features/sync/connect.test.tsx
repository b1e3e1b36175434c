import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readKeyring } from '../../data/keyring';
import { readSyncAccount } from '../../data/syncAccount';
import { db } from '../../db/database';
import { COORDINATOR_ROLE } from '../../sync/serverRules';
import { aPair } from '../../test/builders';
import { fakeCouch } from '../../test/fakeCouch';
import { renderApp, signInAs } from '../../test/renderApp';

afterEach(() => {
  vi.unstubAllGlobals();
});

async function fillIn(
  user: ReturnType<typeof renderApp>['user'],
  values: Partial<Record<'server' | 'adminName' | 'adminPassword' | 'password' | 'repeat', string>>,
) {
  const type = async (label: string, value: string | undefined) => {
    if (value === undefined) return;
    const field = screen.getByLabelText(label);
    await user.clear(field);
    if (value) await user.type(field, value);
  };
  await type('Server address', values.server);
  await type('Administrator’s name', values.adminName);
  await type('Administrator’s password', values.adminPassword);
  await type('New password', values.password);
  await type('New password again', values.repeat);
}

const good = {
  adminName: 'admin',
  adminPassword: 'admin-password',
  password: 'cora-password',
  repeat: 'cora-password',
};

describe('connecting the program to its server', () => {
  it('says plainly what the server’s administrators can read and that the admin password is not stored', async () => {
    await signInAs('coordinator');
    renderApp('/sync');
    expect(await screen.findByRole('heading', { name: 'Connect to your program’s server' })).toBeInTheDocument();
    expect(
      screen.getByText(
        /administrators see which people \(by a number, not their names\) and pairs exist and when each record changed, never a name, a pair’s goals, or what was written or rated/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/never stored on this device/)).toBeInTheDocument();
    expect(screen.getByLabelText('Server address')).toHaveValue('/couch');
  });

  it('refuses to start without the administrator, with a short password, or with two different passwords', async () => {
    await signInAs('coordinator');
    const server = fakeCouch();
    const { user } = renderApp('/sync');
    await screen.findByLabelText('Server address');

    await fillIn(user, { server: 'not a server', password: 'short', repeat: 'short' });
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText(/Enter the server's address/)).toBeInTheDocument();
    expect(screen.getByText("Enter the name of the server's administrator.")).toBeInTheDocument();
    expect(screen.getByText('Choose a password of at least 8 characters.')).toBeInTheDocument();

    await fillIn(user, { ...good, server: '/couch', repeat: 'cora-passwort' });
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText(/The two passwords differ/)).toBeInTheDocument();
    expect(server.requests).toEqual([]);
    expect(readSyncAccount()).toBeNull();
  });

  it('sets up the server, the coordinator’s account, signs in and keeps the connection with every pair', async () => {
    const cora = await signInAs('coordinator', { name: 'Cora Coordinator' });
    const pairs = [aPair(), aPair()];
    await db.pairs.bulkAdd(pairs);
    const server = fakeCouch();
    const { user } = renderApp('/sync');
    await screen.findByLabelText('Server address');

    await fillIn(user, good);
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    expect(await screen.findByRole('heading', { name: 'This device syncs' })).toBeInTheDocument();
    expect(server.users.get(cora.id)).toMatchObject({ password: 'cora-password', roles: [COORDINATOR_ROLE] });
    expect(server.requests.some((request) => request.path === 'mentorlog-program' && request.method === 'PUT')).toBe(
      true,
    );
    // The directory is sealed from the start: its rule is the sealed one, and this device made the program key.
    const rule = server.requests.find(
      (request) => request.method === 'PUT' && request.path === 'mentorlog-program/_design/mentorlog',
    );
    expect(String((rule?.body as { validate_doc_update?: unknown } | undefined)?.validate_doc_update)).toContain(
      'var SEALED = true;',
    );
    expect((await readKeyring(['mentorlog-program'])).map((entry) => entry.generation)).toEqual([1]);
    const session = server.requests.find((request) => request.path === '_session');
    expect(session).toMatchObject({ basicName: null, body: { name: cora.id, password: 'cora-password' } });
    expect(readSyncAccount()).toMatchObject({
      serverUrl: '/couch',
      personId: cora.id,
      role: 'coordinator',
      pairIds: expect.arrayContaining(pairs.map((pair) => pair.id)) as unknown,
    });
    // Nothing typed is kept: not the admin's password, not the coordinator's.
    const stored = JSON.stringify({ ...localStorage });
    expect(stored).not.toContain('admin-password');
    expect(stored).not.toContain('cora-password');
    // The pairs to invite are listed next.
    expect(screen.getAllByRole('link', { name: /^Invite / })).toHaveLength(2);
  });

  it('says in a sentence when the administrator’s password is wrong, and can be tried again', async () => {
    await signInAs('coordinator');
    fakeCouch();
    const { user } = renderApp('/sync');
    await screen.findByLabelText('Server address');

    await fillIn(user, { ...good, adminPassword: 'wrong' });
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      "The program's server did not accept the administrator's name and password",
    );
    expect(screen.getByText(/Setting up the program’s directory/)).toHaveTextContent('failed');
    expect(readSyncAccount()).toBeNull();

    await fillIn(user, { adminPassword: 'admin-password' });
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'This device syncs' })).toBeInTheDocument();
  });

  it('says so when the server cannot be reached', async () => {
    await signInAs('coordinator');
    fakeCouch({ base: '/elsewhere' });
    const { user } = renderApp('/sync');
    await screen.findByLabelText('Server address');

    await fillIn(user, good);
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Could not reach the program's server at /couch: check that it is running",
    );
  });

  it('explains to a partner that the coordinator connects and invites', async () => {
    await signInAs('mentee');
    renderApp('/sync');
    expect(await screen.findByText(/sends each mentor and mentee an invitation/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Server address')).not.toBeInTheDocument();
  });
});
