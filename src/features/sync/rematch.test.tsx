import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepContentKeys, newContentKey, newestGeneration } from '../../data/keyring';
import { saveSyncAccount } from '../../data/syncAccount';
import { db } from '../../db/database';
import { aPair, aPerson, aSyncAccount } from '../../test/builders';
import { fakeCouch, type SeenRequest } from '../../test/fakeCouch';
import { renderApp, signInAs } from '../../test/renderApp';
import { pairRole, PARTNER_ROLE } from '../../sync/changeSignals';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A connected coordinator's device holding the keys of a pair of Maya and Sam, whom the server knows. */
async function aSyncedPair(options: Parameters<typeof fakeCouch>[0] = {}) {
  const cora = await signInAs('coordinator', { name: 'Cora Coordinator' });
  const mentor = aPerson({ name: 'Maya Mentor' });
  const mentee = aPerson({ name: 'Sam Mentee' });
  const next = aPerson({ name: 'Noor Newcomer' });
  const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id });
  await db.people.bulkAdd([mentor, mentee, next]);
  await db.pairs.add(pair);
  await keepContentKeys([
    newContentKey(`mentorlog-pair-${pair.id}`, 1),
    newContentKey(`mentorlog-shared-${pair.id}`, 1),
  ]);
  saveSyncAccount(aSyncAccount({ personId: cora.id, pairIds: [pair.id] }));
  const server = fakeCouch(options);
  server.docs.set(`mentorlog-pair-${pair.id}/_security`, {
    rev: 1,
    body: { members: { names: [mentor.id, mentee.id], roles: [] } },
  });
  server.addUser(mentee.id, 'sams-password', [PARTNER_ROLE, pairRole(pair.id)]);
  /** As the pair's edit saves it on this device, for a test that opens the step itself. */
  const rematch = () => db.pairs.update(pair.id, { menteeId: next.id });
  return { pair, mentor, mentee, next, server, rematch };
}

type User = ReturnType<typeof renderApp>['user'];

async function rematchToNoor(user: User) {
  await user.selectOptions(await screen.findByLabelText('Who is the mentee?'), 'Noor Newcomer');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
}

async function typeAdmin(user: User, password = 'admin-password') {
  await user.type(await screen.findByLabelText('Administrator’s name'), 'admin');
  await user.type(screen.getByLabelText('Administrator’s password'), password);
  await user.click(screen.getByRole('button', { name: 'Continue' }));
}

describe('finishing a change of partners on the server', () => {
  it('follows saving a new mentee, says what the leaving mentee keeps, and shuts them out on the server', async () => {
    const { pair, mentor, mentee, next, server } = await aSyncedPair();
    const { user } = renderApp(`/pairs/${pair.id}/edit`);
    await rematchToNoor(user);

    expect(await screen.findByRole('heading', { name: 'Finish the change on the program’s server' })).toBeVisible();
    expect(screen.getByText(/What Sam Mentee’s devices already synced stays readable on them/)).toHaveTextContent(
      'Nothing written from now on reaches them.',
    );
    await typeAdmin(user);
    await user.click(await screen.findByRole('button', { name: 'Finish the change on the server' }));

    const done = await screen.findByRole('region', { name: 'The change is finished on the server' });
    expect(within(done).getByText(/Sam Mentee no longer has access to the pair/)).toHaveTextContent(
      'they read the pair’s history',
    );
    const steps = within(screen.getByRole('main')).getAllByRole('listitem');
    expect(steps).toHaveLength(5);
    expect(steps.map((step) => step.textContent)).toEqual(steps.map(() => expect.stringMatching(/: done$/)));
    expect(within(done).getByRole('link', { name: 'Invite Noor Newcomer' })).toHaveAttribute(
      'href',
      `/sync/invite/${pair.id}?only=${next.id}`,
    );

    // The server: the new partners as members of both databases, the pair's roles off Sam's account.
    const security = (database: string) =>
      server.requests.filter((seen) => seen.method === 'PUT' && seen.path === `${database}/_security`).at(-1)?.body;
    for (const database of [`mentorlog-pair-${pair.id}`, `mentorlog-shared-${pair.id}`])
      expect(security(database)).toMatchObject({ members: { names: [mentor.id, next.id] } });
    expect(server.users.get(mentee.id)?.roles).toEqual([]);
    // The next key generation, made on this device; every request as the administrator, never a cookie.
    expect(await newestGeneration(`mentorlog-pair-${pair.id}`)).toBe(2);
    expect(server.requests.every((seen: SeenRequest) => seen.basicName === 'admin')).toBe(true);
  });

  it('goes back to the pair’s page when the partners stayed the same', async () => {
    const { pair } = await aSyncedPair();
    const { user } = renderApp(`/pairs/${pair.id}/edit`);
    const goals = await screen.findByLabelText('Goals');
    await user.type(goals, 'More');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('heading', { name: /Maya Mentor/ })).toBeVisible();
    expect(screen.queryByText('Finish the change on the program’s server')).not.toBeInTheDocument();
  });

  it('says so when the administrator’s password is wrong, and asks for it again', async () => {
    const { pair, mentee, next, rematch } = await aSyncedPair({ admin: { name: 'admin', password: 'the-real-one' } });
    await rematch();
    const { user } = renderApp(`/sync/rematch/${pair.id}?left=${mentee.id}&joined=${next.id}`);
    await typeAdmin(user);
    await user.click(await screen.findByRole('button', { name: 'Finish the change on the server' }));

    expect(await screen.findByRole('alert')).toHaveTextContent("did not accept the administrator's name and password");
    expect(screen.getByText(/Finding who left the pair/)).toHaveTextContent('failed');
    expect(await newestGeneration(`mentorlog-pair-${pair.id}`)).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Type the administrator’s name and password again' }));
    expect(await screen.findByLabelText('Administrator’s password')).toHaveValue('');
  });

  it('says so when the server cannot be reached', async () => {
    const { pair, mentee, rematch } = await aSyncedPair({ base: '/elsewhere' });
    await rematch();
    const { user } = renderApp(`/sync/rematch/${pair.id}?left=${mentee.id}`);
    await typeAdmin(user);
    await user.click(await screen.findByRole('button', { name: 'Finish the change on the server' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Could not reach the program's server");
  });

  it('says which step the server refused, and finishes with the same new keys when tried again', async () => {
    let refuse = true;
    const { pair, mentee, rematch } = await aSyncedPair({
      answer: (seen) =>
        refuse && seen.method === 'PUT' && seen.path.endsWith('/_security')
          ? { status: 400, body: { error: 'bad_request', reason: 'members refused' } }
          : undefined,
    });
    await rematch();
    const { user } = renderApp(`/sync/rematch/${pair.id}?left=${mentee.id}`);
    await typeAdmin(user);
    await user.click(await screen.findByRole('button', { name: 'Finish the change on the server' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      `The program's server refused setting who may read mentorlog-pair-${pair.id} (members refused)`,
    );
    expect(await newestGeneration(`mentorlog-pair-${pair.id}`)).toBe(2);
    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'The change is finished on the server' })).toBeVisible();
    expect(await newestGeneration(`mentorlog-pair-${pair.id}`)).toBe(2);
  });

  it('can be done with the keyboard alone', async () => {
    const { pair, mentee, rematch } = await aSyncedPair();
    await rematch();
    const { user } = renderApp(`/sync/rematch/${pair.id}?left=${mentee.id}`);
    expect(await screen.findByText(/What Sam Mentee’s devices already synced/)).toBeVisible();
    const name = await screen.findByLabelText('Administrator’s name');
    name.focus();
    await user.keyboard('admin');
    await user.tab();
    expect(screen.getByLabelText('Administrator’s password')).toHaveFocus();
    await user.keyboard('admin-password{Enter}');
    const finish = await screen.findByRole('button', { name: 'Finish the change on the server' });
    finish.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('region', { name: 'The change is finished on the server' })).toBeVisible();
  });

  it('invites the new partner alone, leaving the other’s account as it is', async () => {
    const { pair, mentor, next, server, rematch } = await aSyncedPair();
    await rematch();
    const { user } = renderApp(`/sync/invite/${pair.id}?only=${next.id}`);
    await typeAdmin(user);
    expect(screen.getByText(/Inviting Noor Newcomer only/)).toHaveTextContent('reads the pair’s history');
    await user.click(await screen.findByRole('button', { name: 'Make the invitations' }));
    expect(await screen.findByRole('region', { name: 'Noor Newcomer, the mentee' })).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Maya Mentor, the mentor' })).not.toBeInTheDocument();
    expect(server.users.has(mentor.id)).toBe(false);
  });

  it('invites both partners when the one it names is no longer in the pair', async () => {
    const { pair, next } = await aSyncedPair();
    const { user } = renderApp(`/sync/invite/${pair.id}?only=${next.id}`);
    await typeAdmin(user);
    await user.click(await screen.findByRole('button', { name: 'Make the invitations' }));
    expect(await screen.findByRole('region', { name: 'Maya Mentor, the mentor' })).toBeVisible();
    expect(screen.getByRole('region', { name: 'Sam Mentee, the mentee' })).toBeVisible();
  });
});
