import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newLinkSecret, secretBoxName } from '../../crypto/keyBoxes';
import { newRecoveryCode } from '../../domain/recoveryCode';
import { turnLockOn } from '../../data/appLock';
import { contentKeyBytes, keepContentKeys, newContentKey, readKeyring } from '../../data/keyring';
import { readSyncAccount, saveSyncAccount } from '../../data/syncAccount';
import { db } from '../../db/database';
import { coordinatorDeviceLink, readCoordinatorDeviceLink } from '../../domain/coordinatorDeviceLink';
import { useAppLockStore } from '../../state/appLockStore';
import { useViewerStore } from '../../state/viewerStore';
import { aPair, aPerson, aSyncAccount } from '../../test/builders';
import { fakeCouch } from '../../test/fakeCouch';
import { renderApp, signInAs } from '../../test/renderApp';
import { coordinatorBoxDocuments } from '../../sync/coordinatorBoxes';
import { COORDINATOR_ROLE, pairDatabaseName, sharedDatabaseName } from '../../sync/serverRules';

afterEach(() => {
  vi.unstubAllGlobals();
});

beforeEach(() => {
  useAppLockStore.setState({ lockSet: false, vaultKey: null });
});

const pair = aPair();
const pairKeys = [newContentKey(pairDatabaseName(pair.id), 1), newContentKey(sharedDatabaseName(pair.id), 1)];
const DIRECTORY = 'mentorlog-program';
const programKey = newContentKey(DIRECTORY, 1);

describe('letting in another device of the coordinator’s, on the first device', () => {
  async function aConnectedCoordinator({ sealed = true } = {}) {
    const cora = await signInAs('coordinator', { name: 'Cora Coordinator' });
    await keepContentKeys(sealed ? [...pairKeys, programKey] : pairKeys);
    saveSyncAccount(aSyncAccount({ personId: cora.id, pairIds: [pair.id] }));
    return cora;
  }

  it('makes a link whose secret opens the boxes it left in the directory, and no key is readable there', async () => {
    const cora = await aConnectedCoordinator();
    const server = fakeCouch({ members: true, session: cora.id });
    const { user } = renderApp('/sync');
    await user.click(await screen.findByRole('button', { name: 'Make a link for another device' }));

    const link = (await screen.findByLabelText<HTMLInputElement>('Link for another device of yours')).value;
    expect(screen.getByText(/It carries 3 keys/)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'QR code of the link for another device of yours.' })).toBeInTheDocument();
    const [before, fragment = ''] = link.split('#');
    expect(before).toBe(`${window.location.origin}/join`);
    const read = readCoordinatorDeviceLink(fragment);
    expect(read).toMatchObject({ kind: 'link', link: { personId: cora.id, name: 'Cora Coordinator' } });
    const secret = read.kind === 'link' ? read.link.secret : '';
    const boxes = [...server.docs.entries()].filter(([path]) => path.startsWith(`${DIRECTORY}/`));
    expect(boxes.map(([path]) => decodeURIComponent(path))).toEqual([
      `${DIRECTORY}/keyBox:coordinator-${cora.id}-${await secretBoxName(secret)}-0`,
    ]);
    const stored = JSON.stringify(boxes);
    for (const key of [...pairKeys, programKey]) expect(stored).not.toContain(key.key);
    expect(stored).not.toContain(secret);
  });

  it('asks for the administrator when the server’s directory rules are from before, brings them up to date, and makes the link', async () => {
    const cora = await aConnectedCoordinator();
    let updated = false;
    const server = fakeCouch({
      members: true,
      session: cora.id,
      answer: (request) => {
        if (request.method === 'PUT' && request.path === `${DIRECTORY}/_design/mentorlog`) updated = true;
        if (updated || request.path !== `${DIRECTORY}/_bulk_docs`) return undefined;
        const docs = (request.body?.docs ?? []) as { _id: string }[];
        return { status: 201, body: docs.map((doc) => ({ id: doc._id, error: 'forbidden', reason: 'old rules' })) };
      },
    });
    const { user } = renderApp('/sync');
    await user.click(await screen.findByRole('button', { name: 'Make a link for another device' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(/directory’s write rules from before/);
    await user.type(screen.getByLabelText('Administrator’s name'), 'admin');
    await user.type(screen.getByLabelText('Administrator’s password'), 'admin-password');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('button', { name: 'Make a link for another device' }));

    expect(await screen.findByLabelText('Link for another device of yours')).toBeInTheDocument();
    expect(server.requests.some((request) => request.basicName === 'admin' && request.method === 'PUT')).toBe(true);
  });
});

describe('a coordinator’s device whose directory is not sealed yet', () => {
  it('offers to seal it, asks for it before making a link, seals it with a new program key, and the link carries it', async () => {
    const cora = await signInAs('coordinator', { name: 'Cora Coordinator' });
    await keepContentKeys(pairKeys);
    saveSyncAccount(aSyncAccount({ personId: cora.id, pairIds: [pair.id] }));
    const server = fakeCouch({ members: true, session: cora.id });
    const { user } = renderApp('/sync');
    await user.click(await screen.findByRole('button', { name: 'Make a link for another device' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/has not sealed the program’s directory/);
    expect(server.requests.some((request) => request.path.startsWith(`${DIRECTORY}/keyBox`))).toBe(false);

    expect(screen.getByRole('heading', { name: 'Seal the program’s directory' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Administrator’s name'), 'admin');
    await user.type(screen.getByLabelText('Administrator’s password'), 'admin-password');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('button', { name: 'Seal the directory' }));
    expect(await screen.findByText(/The directory is sealed/)).toBeInTheDocument();
    // Every pair and person on the device is marked to go again, sealed.
    expect((await db.syncPending.toArray()).map((mark) => mark.docId)).toEqual(
      expect.arrayContaining([`person:${cora.id}`]),
    );
    await user.click(screen.getByRole('button', { name: 'Make a link for another device' }));

    expect(await screen.findByLabelText('Link for another device of yours')).toBeInTheDocument();
    expect(screen.getByText(/It carries 3 keys/)).toBeInTheDocument();
    const rule = server.requests.find(
      (request) => request.method === 'PUT' && request.path === `${DIRECTORY}/_design/mentorlog`,
    );
    expect(String((rule?.body as { validate_doc_update?: unknown } | undefined)?.validate_doc_update)).toContain(
      'var SEALED = true;',
    );
    expect((await readKeyring([DIRECTORY])).map((entry) => entry.generation)).toEqual([1]);
  });
});

describe('the new device of the coordinator’s', () => {
  const cora = aPerson({ name: 'Cora Coordinator' });

  async function aLink(options: { nowMs?: number; put?: boolean } = {}) {
    const server = fakeCouch({ members: true });
    server.addUser(cora.id, 'coras own password', [COORDINATOR_ROLE]);
    const secret = newLinkSecret();
    const docs = await coordinatorBoxDocuments(
      await secretBoxName(secret),
      secret,
      { keys: pairKeys, pairIds: [pair.id], person: cora },
      cora.id,
      options.nowMs ?? Date.now(),
    );
    if (options.put !== false)
      for (const doc of docs)
        server.docs.set(`${DIRECTORY}/${encodeURIComponent(doc._id)}`, { rev: 1, body: { ...doc } });
    const link = coordinatorDeviceLink('http://localhost', {
      serverUrl: '/couch',
      personId: cora.id,
      name: cora.name,
      secret,
    });
    return { server, path: link.slice('http://localhost'.length) };
  }

  async function signInWith(password: string, path: string) {
    const view = renderApp(path);
    await view.user.type(await screen.findByLabelText('Your password'), password);
    await view.user.click(screen.getByRole('button', { name: 'Sign in and take the keys' }));
    return view;
  }

  it('signs in as the coordinator, takes the keys once, connects and opens the dashboard', async () => {
    const { server, path } = await aLink();
    const { router } = await signInWith('coras own password', path);

    await waitFor(() => expect(router.state.location.pathname).toBe('/dashboard'));
    expect(await contentKeyBytes(pairKeys[1]!.database, 1)).toEqual(pairKeys[1]);
    expect(await db.people.get(cora.id)).toEqual(cora);
    expect(useViewerStore.getState()).toMatchObject({ personId: cora.id, role: 'coordinator' });
    expect(readSyncAccount()).toMatchObject({ personId: cora.id, role: 'coordinator', pairIds: [pair.id] });
    expect([...server.docs.keys()].filter((key) => key.startsWith(`${DIRECTORY}/`))).toEqual([]);
    expect(JSON.stringify({ ...localStorage })).not.toContain('coras own password');
  });

  it('keeps the keys sealed by the vault key when the app lock is on', async () => {
    await turnLockOn(
      { passcode: 'a long enough passphrase', recoveryCode: newRecoveryCode(), idleMinutes: 5 },
      undefined,
      db,
      1_000,
    );
    const { path } = await aLink();
    const { router } = await signInWith('coras own password', path);

    await waitFor(() => expect(router.state.location.pathname).toBe('/dashboard'));
    const entries = await readKeyring(null);
    expect(entries).toHaveLength(2);
    expect(entries.every((entry) => entry.lockedKey && !entry.key && !entry.box)).toBe(true);
  });

  it('says so when the password is wrong, and takes nothing', async () => {
    const { server, path } = await aLink();
    await signInWith('not it', path);
    expect(await screen.findByRole('alert')).toHaveTextContent('That password does not match.');
    expect(readSyncAccount()).toBeNull();
    expect(server.docs.size).toBe(1);
  });

  it('refuses an account that is not the program’s coordinator on the server, before fetching anything', async () => {
    const { server, path } = await aLink();
    server.addUser(cora.id, 'coras own password', []);
    await signInWith('coras own password', path);
    expect(await screen.findByRole('alert')).toHaveTextContent(/not the program’s coordinator on this server/);
    expect(server.requests.map((request) => request.path)).toEqual(['_session']);
    expect(readSyncAccount()).toBeNull();
  });

  it('says a link was already used when its boxes are gone', async () => {
    const { path } = await aLink({ put: false });
    await signInWith('coras own password', path);
    expect(await screen.findByRole('alert')).toHaveTextContent(/link was already used/);
    expect(readSyncAccount()).toBeNull();
  });

  it('says a link has expired after a week', async () => {
    const { path } = await aLink({ nowMs: Date.now() - 8 * 86_400_000 });
    await signInWith('coras own password', path);
    expect(await screen.findByRole('alert')).toHaveTextContent(/This link has expired/);
    expect(await readKeyring(null)).toEqual([]);
  });

  it('says a link cut short is incomplete, before asking for anything', async () => {
    const { server, path } = await aLink();
    renderApp(path.slice(0, -6));
    expect(await screen.findByRole('alert')).toHaveTextContent(/This link is incomplete/);
    expect(screen.queryByLabelText('Your password')).not.toBeInTheDocument();
    expect(server.requests).toEqual([]);
  });

  it('says the server cannot be reached after signing in, and the link keeps working', async () => {
    const { server, path } = await aLink();
    const served = globalThis.fetch;
    // Signed in, then the network goes.
    vi.stubGlobal(
      'fetch',
      vi.fn((input: RequestInfo | URL, init?: RequestInit) =>
        String(input).endsWith('/_session') ? served(input, init) : Promise.reject(new TypeError('Failed to fetch')),
      ),
    );
    await signInWith('coras own password', path);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /server cannot be reached: check that this device is online and try again\. The link keeps working/,
    );
    expect(readSyncAccount()).toBeNull();
    expect(server.docs.size).toBe(1);
  });
});
