import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SyncAccount } from '../../domain/syncAccount';
import { aPair, aPerson } from '../../test/builders';
import { RotationError } from '../../sync/keyRotation';
import type { ListedDevice, PairDeviceActions } from './pairDeviceActions';
import { PairDevices } from './PairDevices';

const mentor = aPerson({ name: 'Maya Mentor' });
const mentee = aPerson({ name: 'Sam Mentee' });
const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id });
const account: SyncAccount = {
  serverUrl: '/couch',
  personId: mentor.id,
  role: 'partner',
  pairIds: [pair.id],
  since: '2026-12-01T10:00:00.000Z',
};

const device = (deviceId: string, personId: string, label: string, removedAt: string | null = null): ListedDevice => ({
  deviceId,
  personId,
  label,
  joinedAt: '2026-11-02T09:00:00.000Z',
  removedAt,
});

function actionsWith(remove: PairDeviceActions['remove']) {
  const devices = [
    device('mine', mentor.id, 'Chrome on Linux'),
    device('old-phone', mentee.id, 'Firefox on Android'),
    device('sold', mentor.id, 'Safari on iOS', '2026-11-20T12:00:00.000Z'),
  ];
  return {
    list: vi.fn(async () => ({ devices, ownId: 'mine' })),
    remove: vi.fn(remove),
  } satisfies PairDeviceActions;
}

function renderDevices(actions: PairDeviceActions) {
  render(<PairDevices account={account} row={{ pair, mentor, mentee }} actions={actions} />);
  return userEvent.setup();
}

describe('the pair’s devices', () => {
  it('lists each device with whose it is, and offers removal only of the others still in the pair', async () => {
    renderDevices(actionsWith(async () => 2));
    expect(await screen.findByText(/Chrome on Linux · joined .* · this device/)).toBeInTheDocument();
    expect(
      screen.getByText(
        /Safari on iOS · joined .* · removed on .*: it can still read what it synced before, and gets nothing written since/,
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Remove this device/ })).toHaveLength(1);
    expect(
      screen.getByRole('button', { name: 'Remove this device: Sam Mentee’s Firefox on Android' }),
    ).toBeInTheDocument();
  });

  it('asks first, saying plainly what the removed device keeps, and works by keyboard', async () => {
    const actions = actionsWith(async () => 2);
    const user = renderDevices(actions);
    const removeButton = await screen.findByRole('button', { name: /^Remove this device: Sam Mentee/ });

    removeButton.focus();
    await user.keyboard('{Enter}');
    const heading = screen.getByRole('heading', { name: 'Remove Sam Mentee’s Firefox on Android?' });
    expect(heading).toHaveFocus();
    const confirm = screen.getByRole('group', { name: 'Remove Sam Mentee’s Firefox on Android?' });
    expect(confirm).toHaveTextContent(
      'The removed device keeps what it already synced, and can still read that. It gets nothing written from now on',
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
    expect(removeButton).toHaveFocus();
    expect(actions.remove).not.toHaveBeenCalled();

    await user.keyboard('{Enter}');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Remove the device' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(actions.remove).toHaveBeenCalledWith('old-phone');
    expect(
      await screen.findByText(
        'Sam Mentee’s Firefox on Android is removed. What this pair writes from now on is sealed with new keys, given to 2 other devices and this one.',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(actions.list).toHaveBeenCalledTimes(2));
  });

  it('says what went wrong, and offers to finish a removal left half done', async () => {
    let tries = 0;
    const actions = actionsWith(async () => {
      tries += 1;
      if (tries === 1) throw new RotationError('The server did not take them.', true);
      return 1;
    });
    const user = renderDevices(actions);
    await user.click(await screen.findByRole('button', { name: /^Remove this device: Sam Mentee/ }));
    await user.click(screen.getByRole('button', { name: 'Remove the device' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The server did not take them.');
    await user.click(screen.getByRole('button', { name: 'Finish removing Sam Mentee’s Firefox on Android' }));
    expect(actions.remove).toHaveBeenNthCalledWith(2, 'old-phone');
    expect(await screen.findByText(/is removed\. .* given to 1 other device and this one\./)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps nothing half-offered when the removal was refused before anything changed', async () => {
    const actions = actionsWith(async () => {
      throw new RotationError('That device is not in this pair any more: it was removed already.');
    });
    const user = renderDevices(actions);
    await user.click(await screen.findByRole('button', { name: /^Remove this device: Sam Mentee/ }));
    await user.click(screen.getByRole('button', { name: 'Remove the device' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('removed already');
    expect(screen.queryByRole('button', { name: /Finish removing/ })).not.toBeInTheDocument();
  });
});
