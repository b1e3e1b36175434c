import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lockNow, setIdleMinutes, turnLockOn } from '../../data/appLock';
import { db } from '../../db/database';
import { newRecoveryCode } from '../../domain/recoveryCode';
import { useAppLockStore } from '../../state/appLockStore';
import AppLock from './AppLock';

const PASSCODE = 'river lantern orbit pebble';

async function lockSet() {
  const recoveryCode = newRecoveryCode();
  // Few iterations keep the test quick; the product's count is tested in src/crypto.
  await turnLockOn({ passcode: PASSCODE, recoveryCode, idleMinutes: 5 }, undefined, db, 1_000);
  return recoveryCode;
}

beforeEach(() => {
  useAppLockStore.setState({ lockSet: false, vaultKey: null });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the lock screen', () => {
  it('starts in the passcode field, says a wrong passcode opened nothing, and opens with the right one', async () => {
    await lockSet();
    lockNow();
    const user = userEvent.setup();
    render(<AppLock locked />);

    expect(screen.getByRole('heading', { level: 1, name: 'Mentorlog is locked' })).toBeInTheDocument();
    expect(screen.getByLabelText('Passcode')).toHaveFocus();
    await user.keyboard('river lantern{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(/not the passcode\. Nothing was opened/);
    expect(useAppLockStore.getState().vaultKey).toBeNull();

    await user.clear(screen.getByLabelText('Passcode'));
    await user.keyboard(`${PASSCODE}{Enter}`);
    await vi.waitFor(() => expect(useAppLockStore.getState().vaultKey).not.toBeNull());
  });

  it('takes the recovery code however it is typed, and says what is wrong with one that cannot be it', async () => {
    const code = await lockSet();
    lockNow();
    const user = userEvent.setup();
    render(<AppLock locked />);

    await user.click(screen.getByRole('button', { name: 'Use the recovery code' }));
    expect(screen.getByLabelText('Recovery code')).toHaveFocus();
    await user.keyboard('ABCDE{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(/25 letters and digits/);
    await user.clear(screen.getByLabelText('Recovery code'));
    await user.keyboard(`${newRecoveryCode()}{Enter}`);
    expect(await screen.findByText(/not this device’s recovery code/)).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Recovery code'));
    await user.keyboard(`${code.toLowerCase().match(/.{5}/g)?.join(' ')}{Enter}`);
    await vi.waitFor(() => expect(useAppLockStore.getState().vaultKey).not.toBeNull());
  });
});

describe('the idle lock', () => {
  it('locks after the chosen minutes without use, and not before; any use starts the wait again', async () => {
    await lockSet();
    setIdleMinutes(15);
    vi.useFakeTimers();
    render(<AppLock locked={false} />);

    await act(() => vi.advanceTimersByTimeAsync(10 * 60_000));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    await act(() => vi.advanceTimersByTimeAsync(14 * 60_000));
    expect(useAppLockStore.getState().vaultKey).not.toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(60_000 + 1));
    expect(useAppLockStore.getState()).toMatchObject({ lockSet: true, vaultKey: null });
  });
});
