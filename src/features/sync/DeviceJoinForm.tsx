import type { Invitation } from '../../domain/invitation';
import type { SyncAccount } from '../../domain/syncAccount';
import { signIn } from '../../sync/couchClient';
import { acceptInvitation } from './acceptInvitation';
import { OwnPasswordStep } from './OwnPasswordStep';

interface DeviceJoinFormProps {
  invitation: Invitation;
  account: SyncAccount | null;
  onJoined: () => void;
}

/** A new device of someone who has joined already: they sign in with their own password, and it takes the pair's keys. */
export function DeviceJoinForm({ invitation, account, onJoined }: DeviceJoinFormProps) {
  const join = async (password: string, setStage: (stage: string) => void): Promise<string | null> => {
    const connection = { serverUrl: invitation.serverUrl };
    setStage('Signing in');
    const signedIn = await signIn(connection, invitation.personId, password);
    if (!signedIn.ok)
      return signedIn.reason === 'wrong-name-or-password'
        ? 'That password does not match. Type the password you chose when you first joined; if you have forgotten it, ask your coordinator for a new invitation.'
        : signedIn.message;
    const failed = await acceptInvitation(connection, invitation, account, setStage);
    if (failed) return failed;
    onJoined();
    return null;
  };

  return (
    <OwnPasswordStep submitLabel="Sign in and join" onPassword={join}>
      This link lets a new device of yours into your pair (<code>{invitation.serverUrl}</code>): sign in with the
      password you chose when you first joined, and this device receives your pair’s keys and its records. The link
      works once, for a week.
    </OwnPasswordStep>
  );
}
