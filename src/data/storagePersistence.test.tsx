import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/renderApp';
import { stubNoStorage, stubStorage, unstubStorage } from '../test/stubStorage';
import { aCheckIn, aSession } from '../test/builders';
import { saveCheckIn } from './checkIns';
import { savePair } from './savePair';
import { createPerson } from './createPerson';
import { logSession } from './sessions';
import { askForPersistenceOnce, PERSISTENCE_ASKED_KEY } from './storagePersistence';

afterEach(unstubStorage);

describe('asking for persistent storage', () => {
  it('does not ask when the app merely opens', async () => {
    const storage = stubStorage();
    renderApp('/welcome');
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to Mentorlog' })).toBeInTheDocument();
    expect(storage.persist).not.toHaveBeenCalled();
    expect(localStorage.getItem(PERSISTENCE_ASKED_KEY)).toBeNull();
  });

  it('asks after the first person is saved from the welcome screen', async () => {
    const storage = stubStorage();
    const { user } = renderApp('/welcome');
    await user.type(await screen.findByLabelText('Your name'), 'Alex Chen');
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(await screen.findByRole('heading', { name: 'No pairs yet' })).toBeInTheDocument();

    await vi.waitFor(() => expect(storage.persist).toHaveBeenCalledTimes(1));
    expect(localStorage.getItem(PERSISTENCE_ASKED_KEY)).not.toBeNull();
  });

  it.each([
    [
      'a pair',
      () =>
        savePair({
          mentor: { personId: 'new', newName: 'Alex' },
          mentee: { personId: 'new', newName: 'Sam' },
          startDate: '2026-01-01',
          cadenceDays: 14,
          goals: '',
        }),
    ],
    ['a session', () => logSession(aSession())],
    ['a check-in', () => saveCheckIn(aCheckIn())],
  ])('asks after %s is saved', async (_what, save) => {
    const storage = stubStorage();
    await save();
    await vi.waitFor(() => expect(storage.persist).toHaveBeenCalledTimes(1));
  });

  it('asks only once, however many records follow, and remembers it across reloads', async () => {
    const storage = stubStorage();
    await createPerson('Alex Chen');
    await createPerson('Sam Lee');
    await vi.waitFor(() => expect(storage.persist).toHaveBeenCalledTimes(1));

    await askForPersistenceOnce();
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask when storage is already persistent', async () => {
    const storage = stubStorage({ persisted: true });
    await askForPersistenceOnce();
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('saves as usual in a browser without the storage API, or when asking fails', async () => {
    stubNoStorage();
    await expect(createPerson('Alex Chen')).resolves.toMatchObject({ name: 'Alex Chen' });

    const storage = stubStorage();
    storage.persisted.mockRejectedValue(new Error('Not allowed'));
    localStorage.clear();
    await expect(askForPersistenceOnce()).resolves.toBeUndefined();
  });
});
