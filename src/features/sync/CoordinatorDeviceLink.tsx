import { useId, useState } from 'react';
import { newLinkSecret } from '../../crypto/keyBoxes';
import { coordinatorDeviceLink } from '../../domain/coordinatorDeviceLink';
import { countOf } from '../../domain/countNoun';
import type { SyncAccount } from '../../domain/syncAccount';
import { CoordinatorKeysError, coordinatorKeysToShare, putCoordinatorBoxes } from '../../sync/coordinatorKeys';
import { holdsProgramKey, sealDirectory } from '../../sync/programKey';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { DeviceLink } from './DeviceLink';
import { useServerAdmin } from './serverAdminContext';
import { ServerAdminForm } from './ServerAdminForm';
import { setUpFailureMessage } from './setUpFailureMessage';

interface CoordinatorDeviceLinkProps {
  account: SyncAccount;
  /** The coordinator's name, to greet them on the new device. */
  personName: string;
}

interface MadeLink {
  link: string;
  keys: number;
}

/**
 * "Let in another device of yours": boxes every key this device holds for a new secret, leaves the
 * boxes in the program's directory, and shows a link carrying the secret in its fragment. The new
 * device signs in with the coordinator's own password and takes the keys: the server never holds a
 * key it can open.
 */
export function CoordinatorDeviceLink({ account, personName }: CoordinatorDeviceLinkProps) {
  const headingId = useId();
  const { admin } = useServerAdmin();
  const [made, setMade] = useState<MadeLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stage, setStage] = useState<string | null>(null);
  const [needsAdmin, setNeedsAdmin] = useState(false);

  const makeLink = async () => {
    setError(null);
    setMade(null);
    try {
      // A directory not sealed yet is sealed first, so that the new device gets the program key too.
      const unsealed = !(await holdsProgramKey());
      if (unsealed && !admin) {
        setError(
          'This device has not sealed the program’s directory (its pairs’ goals and its people’s names) yet: seal it first (“Seal the program’s directory” on this page), then make the link, so that the new device gets the directory’s key too.',
        );
        return;
      }
      if ((needsAdmin || unsealed) && admin) {
        setStage('Sealing the program’s directory and bringing its rules up to date');
        await sealDirectory({ url: account.serverUrl, ...admin });
        setNeedsAdmin(false);
      }
      setStage('Boxing this device’s keys');
      const whole = await coordinatorKeysToShare(account.personId, account.pairIds);
      setStage('Leaving the boxes on the server');
      const secret = newLinkSecret();
      await putCoordinatorBoxes({ serverUrl: account.serverUrl }, account.personId, secret, whole);
      const link = coordinatorDeviceLink(window.location.origin, {
        serverUrl: account.serverUrl,
        personId: account.personId,
        name: personName,
        secret,
      });
      setMade({ link, keys: whole.keys.length });
    } catch (failure) {
      if (failure instanceof CoordinatorKeysError) {
        setError(failure.message);
        if (failure.outdatedRules) setNeedsAdmin(true);
      } else setError(setUpFailureMessage(failure));
    } finally {
      setStage(null);
    }
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Let in another device of yours</h2>
      <p>
        A new laptop or phone of yours gets every pair’s keys from this device with a link made here, and your own
        password on the program’s server. The link works once, for a week; making a new one ends any earlier one not yet
        used. The server never sees a key.
      </p>
      <p>
        <button type="button" className="button" disabled={stage !== null} onClick={() => void makeLink()}>
          {made ? 'Make a new link' : 'Make a link for another device'}
        </button>
      </p>
      <p role="status">{stage ? `${stage}…` : ''}</p>
      <ErrorMessage message={error} />
      {needsAdmin && !admin ? (
        <ServerAdminForm why="Sealing the program’s directory and bringing its rules up to date needs the server administrator’s name and password." />
      ) : null}
      {made ? (
        <DeviceLink
          label="Link for another device of yours"
          link={made.link}
          qrLabel="QR code of the link for another device of yours."
          stillNeeds="your own password"
        >
          It carries {countOf(made.keys, { one: 'key', other: 'keys' })}, sealed for this link only.{' '}
        </DeviceLink>
      ) : null}
    </section>
  );
}
