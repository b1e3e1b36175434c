import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { saveSyncAccount } from '../../data/syncAccount';
import { db } from '../../db/database';
import { useViewerStore } from '../../state/viewerStore';
import { aPerson } from '../../test/builders';
import { renderApp, signInAs } from '../../test/renderApp';

describe('Viewing as', () => {
  it('starts from the current person and role', async () => {
    const alex = await signInAs('mentor', { name: 'Alex Chen' });
    renderApp('/viewing-as');
    expect(await screen.findByLabelText('Person')).toHaveValue(alex.id);
    expect(screen.getByLabelText('Role')).toHaveValue('mentor');
  });

  it('switches to another person and role, and the header says so', async () => {
    await signInAs('mentor', { name: 'Alex Chen' });
    const sam = aPerson({ name: 'Sam Lee' });
    await db.people.add(sam);
    const { user } = renderApp('/viewing-as');
    await user.selectOptions(await screen.findByLabelText('Person'), 'Sam Lee');
    await user.selectOptions(screen.getByLabelText('Role'), 'Mentee');
    await user.click(screen.getByRole('button', { name: 'Switch' }));

    expect(await screen.findByRole('link', { name: /Viewing as Sam Lee \(mentee\)/ })).toBeInTheDocument();
    expect(useViewerStore.getState()).toMatchObject({ personId: sam.id, role: 'mentee' });
  });
});

describe('Viewing as, on a device that syncs', () => {
  it('is the signed-in person, and offers no switch', async () => {
    const alex = await signInAs('mentor', { name: 'Alex Chen' });
    await db.people.add(aPerson({ name: 'Sam Lee' }));
    saveSyncAccount({
      serverUrl: '/couch',
      personId: alex.id,
      role: 'partner',
      pairIds: [],
      since: new Date().toISOString(),
    });
    renderApp('/viewing-as');

    await waitFor(() =>
      expect(screen.getByText(/signed in to your program’s server as/)).toHaveTextContent(
        'signed in to your program’s server as Alex Chen (mentor)',
      ),
    );
    expect(screen.getByText(/stop syncing on this device in/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Person')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Switch' })).not.toBeInTheDocument();
  });
});

describe('Viewing as, before anyone is chosen', () => {
  it('lets a returning user pick themselves from the welcome screen', async () => {
    const sam = aPerson({ name: 'Sam Lee' });
    await db.people.add(sam);
    const { user } = renderApp('/welcome');
    await user.click(await screen.findByRole('link', { name: 'Choose who you are' }));
    await user.selectOptions(await screen.findByLabelText('Person'), 'Sam Lee');
    await user.click(screen.getByRole('button', { name: 'Switch' }));
    expect(await screen.findByRole('link', { name: /Viewing as Sam Lee/ })).toBeInTheDocument();
    expect(useViewerStore.getState().personId).toBe(sam.id);
  });
});
