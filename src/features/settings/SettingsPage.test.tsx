import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PERSISTENCE_ASKED_KEY } from '../../data/storagePersistence';
import { renderApp, signInAs } from '../../test/renderApp';
import { stubNoStorage, stubStorage, unstubStorage } from '../../test/stubStorage';

afterEach(unstubStorage);

describe('settings', () => {
  it('is in the main navigation', async () => {
    stubStorage();
    await signInAs('mentor');
    const { user } = renderApp('/pairs');
    await user.click(await screen.findByRole('link', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
  });

  it('shows that storage is not yet kept safe, how much is used and how much is left, in the user’s units', async () => {
    stubStorage({ persisted: false, usage: 1_234_567, quota: 2_000_000_000 });
    await signInAs('mentor');
    renderApp('/settings');

    expect(
      await screen.findByText(/Not yet\. If the device runs low on space, the browser may clear/),
    ).toBeInTheDocument();
    const storage = screen.getByRole('region', { name: 'Storage on this device' });
    expect(within(storage).getByText('1.2 MB')).toBeInTheDocument();
    expect(within(storage).getByText('About 2 GB')).toBeInTheDocument();
  });

  it('asks the browser to keep the data when the user presses the button, and says it agreed', async () => {
    const storage = stubStorage({ persisted: false, grants: true });
    await signInAs('mentor');
    const { user } = renderApp('/settings');

    await user.click(await screen.findByRole('button', { name: 'Ask the browser to keep Mentorlog’s data' }));

    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(
      await screen.findByText('The browser agreed: it will keep Mentorlog’s data when space runs low.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Yes\. The browser will not clear Mentorlog’s data/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Ask the browser/ })).not.toBeInTheDocument();
    expect(localStorage.getItem(PERSISTENCE_ASKED_KEY)).not.toBeNull();
  });

  it('says plainly when the browser refuses, and that a backup is the way to be safe', async () => {
    stubStorage({ persisted: false, grants: false });
    await signInAs('mentor');
    const { user } = renderApp('/settings');

    await user.click(await screen.findByRole('button', { name: 'Ask the browser to keep Mentorlog’s data' }));

    expect(await screen.findByText(/The browser did not agree this time\..*keep a backup\./)).toBeInTheDocument();
  });

  it('shows persistent storage without offering to ask again', async () => {
    stubStorage({ persisted: true });
    await signInAs('mentor');
    renderApp('/settings');
    expect(await screen.findByText(/^Yes\. The browser will not clear/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Ask the browser/ })).not.toBeInTheDocument();
  });

  it('explains what clearing site data does and links to the backup', async () => {
    stubStorage();
    await signInAs('mentor');
    renderApp('/settings');
    const clearing = await screen.findByRole('region', { name: 'If the browser clears site data' });
    expect(
      within(clearing).getByText(/every person, pair, session and check-in on this device is gone for good/),
    ).toBeInTheDocument();
    expect(within(clearing).getByRole('link', { name: 'Make a backup' })).toHaveAttribute('href', '/backup');
  });

  it('says so in a browser that cannot tell', async () => {
    stubNoStorage();
    await signInAs('mentor');
    renderApp('/settings');
    expect(
      await screen.findByText(/This browser does not say whether it will keep Mentorlog’s data/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Ask the browser/ })).not.toBeInTheDocument();
  });
});
