import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSyncAccount, saveSyncAccount } from '../../data/syncAccount';
import { db } from '../../db/database';
import { invitationLink, normalizeCode, readInvitation } from '../../domain/invitation';
import { aPair, aPerson } from '../../test/builders';
import { fakeCouch } from '../../test/fakeCouch';
import { renderApp, signInAs } from '../../test/renderApp';
import { openSecretBox, type SecretBox } from '../../crypto/keyBoxes';
import { invitationBoxId } from '../../sync/invitationKeys';
import { qrCodePath } from './QrCode';

afterEach(() => {
  vi.unstubAllGlobals();
});

async function aConnectedCoordinatorWithAPair() {
  const cora = await signInAs('coordinator', { name: 'Cora Coordinator' });
  const mentor = aPerson({ name: 'Maya Mentor' });
  const mentee = aPerson({ name: 'Sam Mentee' });
  const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id });
  await db.people.bulkAdd([mentor, mentee]);
  await db.pairs.add(pair);
  saveSyncAccount({
    serverUrl: '/couch',
    personId: cora.id,
    role: 'coordinator',
    pairIds: [],
    since: '2026-12-01T10:00:00.000Z',
  });
  return { pair, mentor, mentee };
}

async function invite(user: ReturnType<typeof renderApp>['user']) {
  await user.type(await screen.findByLabelText('Administrator’s name'), 'admin');
  await user.type(screen.getByLabelText('Administrator’s password'), 'admin-password');
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await user.click(await screen.findByRole('button', { name: 'Make the invitations' }));
  return screen.findByRole('region', { name: 'Sam Mentee, the mentee' });
}

describe('inviting a pair', () => {
  it('sets up and seeds the pair on the server and gives each partner a link, a code and a QR code', async () => {
    const { pair, mentor, mentee } = await aConnectedCoordinatorWithAPair();
    const server = fakeCouch();
    const { user } = renderApp(`/sync/invite/${pair.id}`);

    const card = await invite(user);

    expect(screen.getByRole('region', { name: 'Maya Mentor, the mentor' })).toBeInTheDocument();
    const link = within(card).getByLabelText<HTMLInputElement>('Invitation link').value;
    const code = normalizeCode(within(card).getByText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/).textContent ?? '');
    expect(code).not.toBeNull();
    // The server knows the code as the mentee's one-time password; the link carries no secret outside its fragment.
    expect(server.users.get(mentee.id)?.password).toBe(code);
    expect(server.users.get(mentor.id)?.password).not.toBe(code);
    const [beforeFragment, fragment = ''] = link.split('#');
    expect(beforeFragment).toBe(`${window.location.origin}/join`);
    expect(link).not.toContain(code);
    const invitation = readInvitation(fragment);
    expect(invitation).toEqual({
      serverUrl: '/couch',
      personId: mentee.id,
      pairId: pair.id,
      name: 'Sam Mentee',
      rev: '1-a',
      code: null,
      secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });

    // The QR code is the link with the code in it, so that a phone's scan is one step.
    const qr = within(card).getByRole('img', { name: /QR code of Sam Mentee’s invitation link with the code in it/ });
    const drawn = qr.querySelector('path')?.getAttribute('d');
    expect(drawn).toBe(qrCodePath(invitationLink(window.location.origin, { ...invitation!, code })).path);
    expect(drawn).not.toBe(qrCodePath(link).path);

    // The pair, its mentor and mentee were put in the pair's database, sealed: no name is readable there.
    const inPairDatabase = [...server.docs.entries()]
      .filter(([path]) => path.startsWith(`mentorlog-pair-${pair.id}/`))
      .map(([path, doc]) => ({ id: decodeURIComponent(path.split('/')[1] ?? ''), body: doc.body }))
      .filter(({ id }) => !id.startsWith('_'));
    const records = inPairDatabase.filter(({ id }) => !id.startsWith('keyBox:'));
    expect(records.map(({ id }) => id).sort()).toEqual(
      [`pair:${pair.id}`, `person:${mentor.id}`, `person:${mentee.id}`].sort(),
    );
    for (const { body } of records) {
      expect(body).not.toHaveProperty('content');
      expect(JSON.stringify(body)).not.toMatch(/Maya|Sam/);
    }
    // One key box per invitation, named after its link's secret, which opens it to the pair's keys.
    const boxes = inPairDatabase.filter(({ id }) => id.startsWith('keyBox:invitation-'));
    expect(boxes).toHaveLength(2);
    const boxId = await invitationBoxId(invitation!.secret!);
    const box = boxes.find(({ id }) => id === boxId);
    expect(box).toBeDefined();
    const opened = (await openSecretBox(invitation!.secret!, box!.body.box as SecretBox, boxId)) as { keys: unknown[] };
    expect(opened.keys).toEqual([
      expect.objectContaining({ database: `mentorlog-pair-${pair.id}`, generation: 1 }),
      expect.objectContaining({ database: `mentorlog-shared-${pair.id}`, generation: 1 }),
    ]);
    // This device keeps both keys (to invite again) and now syncs the pair.
    expect((await db.keyring.toArray()).map((entry) => entry.id).sort()).toEqual(
      [`mentorlog-pair-${pair.id}#1`, `mentorlog-shared-${pair.id}#1`].sort(),
    );
    expect(readSyncAccount()?.pairIds).toEqual([pair.id]);
  });

  it('refuses to make new keys for a pair sealed with keys this device does not hold, and says what to do', async () => {
    const { pair } = await aConnectedCoordinatorWithAPair();
    const server = fakeCouch();
    server.docs.set(`mentorlog-pair-${pair.id}/${encodeURIComponent(`pair:${pair.id}`)}`, {
      rev: 1,
      body: { _id: `pair:${pair.id}`, meta: { type: 'pair' }, sealed: { v: 1, iv: 'x', data: 'y' } },
    });
    const { user } = renderApp(`/sync/invite/${pair.id}`);
    await user.type(await screen.findByLabelText('Administrator’s name'), 'admin');
    await user.type(screen.getByLabelText('Administrator’s password'), 'admin-password');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('button', { name: 'Make the invitations' }));

    expect(await screen.findByText(/sealed with keys this device does not hold/)).toBeInTheDocument();
    expect(await db.keyring.count()).toBe(0);
    expect(screen.queryByRole('region', { name: 'Sam Mentee, the mentee' })).not.toBeInTheDocument();
  });

  it('makes new codes when invited again', async () => {
    const { pair, mentee } = await aConnectedCoordinatorWithAPair();
    const server = fakeCouch();
    const { user } = renderApp(`/sync/invite/${pair.id}`);
    await invite(user);
    const first = server.users.get(mentee.id)?.password;

    await user.click(screen.getByRole('button', { name: 'Invite again with new codes' }));
    const card = await screen.findByRole('region', { name: 'Sam Mentee, the mentee' });

    const second = server.users.get(mentee.id)?.password;
    expect(second).not.toBe(first);
    expect(
      within(card)
        .getByText(/^[0-9A-Z]{4}-/)
        .textContent?.replace(/-/g, ''),
    ).toBe(second);
  });

  it('keeps the administrator’s password only in memory, and asks again when the server refuses it', async () => {
    const { pair } = await aConnectedCoordinatorWithAPair();
    fakeCouch({ admin: { name: 'admin', password: 'the-real-one' } });
    const { user } = renderApp(`/sync/invite/${pair.id}`);
    await user.type(await screen.findByLabelText('Administrator’s name'), 'admin');
    await user.type(screen.getByLabelText('Administrator’s password'), 'admin-password');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('button', { name: 'Make the invitations' }));

    expect(await screen.findByRole('alert')).toHaveTextContent("did not accept the administrator's name and password");
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain('admin-password');
    await user.click(screen.getByRole('button', { name: 'Type the administrator’s name and password again' }));
    expect(await screen.findByLabelText('Administrator’s password')).toHaveValue('');
  });

  it('is offered on the pair page of a connected coordinator only', async () => {
    const { pair } = await aConnectedCoordinatorWithAPair();
    renderApp(`/pairs/${pair.id}`);
    expect(await screen.findByRole('link', { name: 'Invite the partners to sync' })).toHaveAttribute(
      'href',
      `/sync/invite/${pair.id}`,
    );
  });
});
