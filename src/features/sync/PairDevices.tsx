import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { PairWithPeople } from '../../domain/pairWithPeople';
import type { SyncAccount } from '../../domain/syncAccount';
import { RotationError } from '../../sync/keyRotation';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatDay } from '../../ui/formatDate';
import { pairDeviceActions, type ListedDevice, type PairDeviceActions } from './pairDeviceActions';
import { setUpFailureMessage } from './setUpFailureMessage';

interface PairDevicesProps {
  account: SyncAccount;
  row: PairWithPeople;
  /** The server's side (the real one unless a test gives its own). */
  actions?: PairDeviceActions;
}

type Listed = { devices: ListedDevice[]; ownId: string };

function failureSentence(failure: unknown): string {
  return failure instanceof RotationError ? failure.message : setUpFailureMessage(failure);
}

/**
 * The pair's devices (its device registry) with "Remove this device": a lost, sold or retired
 * device gets nothing written after, since the removal makes new keys it is not given
 * (src/sync/keyRotation.ts). What it synced before it keeps; the confirmation says so plainly.
 */
export function PairDevices({ account, row, actions: given }: PairDevicesProps) {
  const headingId = useId();
  const actions = useMemo(() => given ?? pairDeviceActions(account, row.pair.id), [given, account, row.pair.id]);
  const [listed, setListed] = useState<Listed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<ListedDevice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const working = busy !== null;
  const [done, setDone] = useState<string | null>(null);
  const [halfDone, setHalfDone] = useState<ListedDevice | null>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const removeButtons = useRef(new Map<string, HTMLButtonElement>());

  const nameOf = (personId: string) =>
    [row.mentor, row.mentee].find((person) => person?.id === personId)?.name ?? 'Someone no longer in this pair';
  const describe = (device: ListedDevice) => `${nameOf(device.personId)}’s ${device.label}`;

  // Read again after each removal: the list then shows the device removed.
  const [reads, setReads] = useState(0);
  useEffect(() => {
    let live = true;
    actions.list().then(
      (result) => {
        if (live) setListed(result);
      },
      (failure: unknown) => {
        if (live)
          setError(`This pair’s devices could not be read from the program’s server. ${failureSentence(failure)}`);
      },
    );
    return () => {
      live = false;
    };
  }, [actions, reads]);

  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  const cancel = () => {
    const device = confirming;
    setConfirming(null);
    if (device) removeButtons.current.get(device.deviceId)?.focus();
  };

  const remove = async (device: ListedDevice, again = false) => {
    setBusy(again ? 'Finishing the removal…' : 'Removing the device and giving new keys to the others…');
    setError(null);
    setDone(null);
    try {
      const boxed = await actions.remove(device.deviceId);
      setHalfDone(null);
      setDone(
        `${describe(device)} is removed. What this pair writes from now on is sealed with new keys, given to ${boxed} other ${boxed === 1 ? 'device' : 'devices'} and this one.`,
      );
    } catch (failure) {
      setError(failureSentence(failure));
      setHalfDone(failure instanceof RotationError && failure.keysMade ? device : null);
    } finally {
      setBusy(null);
      setConfirming(null);
      setReads((count) => count + 1);
    }
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>This pair’s devices</h2>
      <p>
        Every device that holds this pair’s keys. Remove one that is lost, sold or no longer used: it keeps what it
        already synced, and gets nothing written from then on.
      </p>
      {listed && listed.devices.length === 0 ? (
        <p>No device of this pair is listed yet: each device joins the list the next time it syncs.</p>
      ) : null}
      {listed ? (
        <ul className="pair-devices">
          {listed.devices.map((device) => (
            <li key={device.deviceId}>
              <strong>{nameOf(device.personId)}</strong> · {device.label} · joined{' '}
              {formatDay(device.joinedAt.slice(0, 10))}
              {device.removedAt ? (
                <>
                  {device.deviceId === listed.ownId ? ' · this device,' : ' ·'} removed on{' '}
                  {formatDay(device.removedAt.slice(0, 10))}: it can still read what it synced before, and gets nothing
                  written since
                </>
              ) : device.deviceId === listed.ownId ? (
                <> · this device</>
              ) : (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button"
                    disabled={working}
                    aria-label={`Remove this device: ${describe(device)}`}
                    ref={(button) => {
                      if (button) removeButtons.current.set(device.deviceId, button);
                      else removeButtons.current.delete(device.deviceId);
                    }}
                    onClick={() => {
                      setDone(null);
                      setConfirming(device);
                    }}
                  >
                    Remove this device
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : error ? null : (
        <p role="status">Reading this pair’s devices from the program’s server…</p>
      )}
      {confirming ? (
        <div
          className="pair-devices__confirm"
          role="group"
          aria-labelledby={`${headingId}-confirm`}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !working) cancel();
          }}
        >
          <h3 id={`${headingId}-confirm`} tabIndex={-1} ref={confirmHeading}>
            Remove {describe(confirming)}?
          </h3>
          <p>
            The removed device keeps what it already synced, and can still read that. It gets nothing written from now
            on: this pair’s new records are sealed with new keys, which only its other devices are given.
          </p>
          <p>
            It can still sign in to the program’s server while it knows {nameOf(confirming.personId)}’s password: if it
            may be in someone else’s hands, ask your coordinator for a new invitation, which changes the password.
          </p>
          <p>
            <button
              type="button"
              className="button button--danger"
              disabled={working}
              onClick={() => void remove(confirming)}
            >
              Remove the device
            </button>{' '}
            <button type="button" className="button" disabled={working} onClick={cancel}>
              Keep it
            </button>
          </p>
        </div>
      ) : null}
      <p role="status">{busy ?? done ?? ''}</p>
      <ErrorMessage message={error} />
      {halfDone && !working ? (
        <p>
          <button type="button" className="button" onClick={() => void remove(halfDone, true)}>
            Finish removing {describe(halfDone)}
          </button>
        </p>
      ) : null}
    </section>
  );
}
