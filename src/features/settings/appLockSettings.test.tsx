import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lockNow, readLockSetting, unlockWithPasscode } from '../../data/appLock';
import { db } from '../../db/database';
import { useAppLockStore } from '../../state/appLockStore';
import { aCheckIn, aPair, aPerson } from '../../test/builders';
import { failWritesTo, installFailingWrites, stopFailingWrites, storageFull } from '../../test/failingWrites';
import { renderApp, signInAs } from '../../test/renderApp';
import { seedRecords, storedCheckIn } from '../../test/seedRecords';

const PASSCODE = 'river lantern orbit pebble';

beforeAll(installFailingWrites);
beforeEach(() => {
  useAppLockStore.setState({ lockSet: false, vaultKey: null });
});
afterEach(stopFailingWrites);

async function setPasscode(user: ReturnType<typeof renderApp>['user']) {
  const section = await screen.findByRole('region', { name: 'App lock' });
  await user.click(within(section).getByRole('button', { name: 'Set a passcode' }));
  await user.type(within(section).getByLabelText('Passcode'), PASSCODE);
  await user.type(within(section).getByLabelText('Passcode again'), PASSCODE);
  await user.click(within(section).getByRole('button', { name: 'Continue' }));
  await user.click(within(section).getByRole('checkbox', { name: 'I have written the recovery code down' }));
  await user.click(within(section).getByRole('button', { name: 'Turn the lock on' }));
  return section;
}

describe('app lock settings', () => {
  it('refuses a PIN and two passcodes that differ, saying why, and shows the strength as it is typed', async () => {
    await signInAs('mentee');
    const { user } = renderApp('/settings');
    const section = await screen.findByRole('region', { name: 'App lock' });
    await user.click(within(section).getByRole('button', { name: 'Set a passcode' }));

    await user.type(within(section).getByLabelText('Passcode'), '1234');
    expect(within(section).getByText(/Strength:/)).toHaveTextContent('Strength: too short.');
    await user.type(within(section).getByLabelText('Passcode again'), '1235');
    await user.click(within(section).getByRole('button', { name: 'Continue' }));
    expect(within(section).getByLabelText('Passcode')).toHaveAccessibleDescription(/at least 6 characters/);
    expect(within(section).getByLabelText('Passcode again')).toHaveAccessibleDescription(/two passcodes differ/);

    await user.clear(within(section).getByLabelText('Passcode'));
    await user.type(within(section).getByLabelText('Passcode'), 'river lantern');
    expect(within(section).getByText(/Strength:/)).toHaveTextContent(/Strength: weak\. Add more words/);
    expect(readLockSetting()).toBeNull();
  });

  it('shows the recovery code and what forgetting loses, asks that it was written down, then turns the lock on', async () => {
    await signInAs('mentee');
    const { user } = renderApp('/settings');
    const section = await screen.findByRole('region', { name: 'App lock' });
    await user.click(within(section).getByRole('button', { name: 'Set a passcode' }));
    await user.type(within(section).getByLabelText('Passcode'), PASSCODE);
    await user.type(within(section).getByLabelText('Passcode again'), PASSCODE);
    await user.click(within(section).getByRole('radio', { name: '15 minutes' }));
    await user.click(within(section).getByRole('button', { name: 'Continue' }));

    expect(within(section).getByText(/is lost for good/)).toBeInTheDocument();
    expect(within(section).getByText(/is\s+not lost/)).toBeInTheDocument();
    expect(within(section).getByText(/^([0-9A-Z]{5}-){4}[0-9A-Z]{5}$/)).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Turn the lock on' }));
    expect(within(section).getByRole('alert')).toHaveTextContent(/written the recovery code down/);
    expect(readLockSetting()).toBeNull();

    await user.click(within(section).getByRole('checkbox', { name: 'I have written the recovery code down' }));
    await user.click(within(section).getByRole('button', { name: 'Turn the lock on' }));
    expect(await within(section).findByText(/The app lock is on\./, {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(readLockSetting()).toMatchObject({ idleMinutes: 15, sealing: 'done' });
    expect(within(section).getByRole('radio', { name: '15 minutes' })).toBeChecked();

    await user.click(within(section).getByRole('button', { name: 'Lock now' }));
    expect(useAppLockStore.getState()).toMatchObject({ lockSet: true, vaultKey: null });
  });

  it('says the lock is on but sealing stopped when storage fails part-way, and the next unlock finishes it', async () => {
    const mentee = await signInAs('mentee');
    const pair = aPair({ menteeId: mentee.id });
    const checkIn = aCheckIn({ pairId: pair.id, raterId: mentee.id, reflection: 'canary-51 reflection' });
    await seedRecords({ people: [aPerson({ id: pair.mentorId })], pairs: [pair], checkIns: [checkIn] });
    failWritesTo(['lockedWords'], storageFull);
    const { user } = renderApp('/settings');
    const section = await setPasscode(user);

    const alert = await within(section).findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent(/ran out of storage space while sealing/);
    expect(alert).toHaveTextContent(/The lock is on; the next time you unlock, sealing carries on/);
    expect(within(section).getByText(/The app lock is on\./)).toBeInTheDocument();
    // Nothing half-written: the check-in still has its words, in the clear, as before.
    expect((await storedCheckIn(checkIn.id))?.reflection).toBe('canary-51 reflection');

    stopFailingWrites();
    lockNow();
    expect(await unlockWithPasscode(PASSCODE)).toBe(true);
    await waitFor(async () => expect((await storedCheckIn(checkIn.id))?.reflection).toBe(''));
    expect(await db.lockedWords.count()).toBe(1);
  });
});
