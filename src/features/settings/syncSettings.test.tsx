import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { readSyncAccount, saveSyncAccount } from '../../data/syncAccount';
import { db } from '../../db/database';
import { aPair } from '../../test/builders';
import { renderApp, signInAs } from '../../test/renderApp';

async function aSyncingDevice() {
  const maya = await signInAs('mentor', { name: 'Maya Mentor' });
  const pair = aPair({ mentorId: maya.id });
  await db.pairs.add(pair);
  saveSyncAccount({
    serverUrl: '/couch',
    personId: maya.id,
    role: 'partner',
    pairIds: [pair.id],
    since: '2026-12-01T10:00:00.000Z',
  });
  return { maya, pair };
}

describe('Settings: sync', () => {
  it('shows the server, who is signed in and since when', async () => {
    await aSyncingDevice();
    renderApp('/settings');
    const section = await screen.findByRole('region', { name: 'Sync' });
    expect(section).toHaveTextContent('/couch');
    expect(await within(section).findByText(/Maya Mentor/)).toHaveTextContent('Maya Mentor (a partner in a pair)');
    expect(section).toHaveTextContent('2026');
  });

  it('stops syncing after a confirmation that says the records stay, and keeps them', async () => {
    const { pair } = await aSyncingDevice();
    const { user } = renderApp('/settings');
    await user.click(await screen.findByRole('button', { name: 'Stop syncing on this device' }));

    const confirmation = screen.getByRole('group', { name: 'Stop syncing on this device?' });
    expect(confirmation).toHaveTextContent('Every record stays on this device, and nothing is deleted from the server');
    expect(readSyncAccount()).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Stop syncing' }));

    expect(await screen.findByText('This device no longer syncs. Every record is still on it.')).toBeInTheDocument();
    expect(readSyncAccount()).toBeNull();
    expect(await db.pairs.get(pair.id)).toEqual(pair);
  });

  it('keeps syncing when the confirmation is declined', async () => {
    await aSyncingDevice();
    const { user } = renderApp('/settings');
    await user.click(await screen.findByRole('button', { name: 'Stop syncing on this device' }));
    await user.click(screen.getByRole('button', { name: 'Keep syncing' }));
    expect(readSyncAccount()).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Stop syncing on this device' })).toBeInTheDocument();
  });

  it('points a device without a server to sync with the program', async () => {
    await signInAs('coordinator');
    renderApp('/settings');
    expect(await screen.findByRole('link', { name: 'Sync with your program' })).toHaveAttribute('href', '/sync');
    expect(screen.getByText(/There is no server and no copy anywhere else/)).toBeInTheDocument();
  });
});
