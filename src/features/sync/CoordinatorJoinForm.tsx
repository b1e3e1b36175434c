import { useNavigate } from 'react-router';
import { saveSyncAccount } from '../../data/syncAccount';
import type { CoordinatorDeviceLink } from '../../domain/coordinatorDeviceLink';
import { countOf } from '../../domain/countNoun';
import type { SyncAccount } from '../../domain/syncAccount';
import { useViewerStore } from '../../state/viewerStore';
import { CoordinatorKeysError, keepCoordinatorKeys, takeCoordinatorKeys } from '../../sync/coordinatorKeys';
import { signIn } from '../../sync/couchClient';
import { COORDINATOR_ROLE } from '../../sync/serverRules';
import { OwnPasswordStep } from './OwnPasswordStep';
import { setUpFailureMessage } from './setUpFailureMessage';

const KEY = { one: 'key', other: 'keys' };

interface CoordinatorJoinFormProps {
  link: CoordinatorDeviceLink;
  /** This device's account when it already syncs as the same coordinator (a retry); else null. */
  account: SyncAccount | null;
}

/**
 * Another device of the coordinator's: they sign in with their own password on the program's
 * server, the device takes the program's keys from the boxes the link names, keeps them (sealed
 * by the app lock's key when the lock is on), connects as the coordinator, and opens the
 * dashboard, which fills as the first sync brings each pair's shared records.
 */
export function CoordinatorJoinForm({ link, account }: CoordinatorJoinFormProps) {
  const setViewer = useViewerStore((state) => state.setViewer);
  const navigate = useNavigate();

  const join = async (password: string, setStage: (stage: string) => void): Promise<string | null> => {
    const connection = { serverUrl: link.serverUrl };
    setStage('Signing in');
    const signedIn = await signIn(connection, link.personId, password);
    if (!signedIn.ok)
      return signedIn.reason === 'wrong-name-or-password'
        ? 'That password does not match. Type your own password on the program’s server, the one you chose when you connected your first device.'
        : signedIn.message;
    if (!signedIn.roles.includes(COORDINATOR_ROLE))
      return 'This account is not the program’s coordinator on this server, so it cannot take the program’s keys. Make the link again on your coordinator’s device.';
    try {
      setStage('Receiving the program’s keys');
      const taken = await takeCoordinatorKeys(connection, link.personId, link.secret, async (opened) => {
        setStage(`Keeping ${countOf(opened.keys.length, KEY)} on this device`);
        await keepCoordinatorKeys(opened);
      });
      saveSyncAccount({
        serverUrl: link.serverUrl,
        personId: link.personId,
        role: 'coordinator',
        pairIds: [...new Set([...(account?.pairIds ?? []), ...taken.pairIds])],
        since: account?.since ?? new Date().toISOString(),
      });
    } catch (failure) {
      return failure instanceof CoordinatorKeysError ? failure.message : setUpFailureMessage(failure);
    }
    setViewer(link.personId, 'coordinator');
    void navigate('/dashboard', { replace: true });
    return null;
  };

  return (
    <OwnPasswordStep submitLabel="Sign in and take the keys" onPassword={join}>
      This link lets a new device of yours into your program (<code>{link.serverUrl}</code>) as its coordinator: sign in
      with your own password on the program’s server, and this device receives every pair’s keys from your other device,
      then what each pair shares with the program. The link works once, for a week.
    </OwnPasswordStep>
  );
}
