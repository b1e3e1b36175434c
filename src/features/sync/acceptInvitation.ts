import { joinAgainWithHistory } from '../../data/joinWithHistory';
import { keepContentKeys } from '../../data/keyring';
import { saveSyncAccount } from '../../data/syncAccount';
import type { Invitation } from '../../domain/invitation';
import type { SyncAccount } from '../../domain/syncAccount';
import type { CouchConnection } from '../../sync/couchHttp';
import { InvitationKeysError, takeInvitationKeys } from '../../sync/invitationKeys';
import { holdsKeysFor } from '../../sync/pairKeys';
import { registerThisDevice } from '../../sync/registerDevices';
import { setUpFailureMessage } from './setUpFailureMessage';

/**
 * The last steps of accepting an invitation or a new device's link, once signed in: the pair's
 * keys taken from their box with the link's secret (unless this device holds them already, on a
 * retry), then the account saved. Returns a sentence for the person when a step fails, else null.
 */
export async function acceptInvitation(
  connection: CouchConnection,
  invitation: Invitation,
  account: SyncAccount | null,
  onStage: (stage: string) => void,
): Promise<string | null> {
  if (invitation.secret && !(await holdsKeysFor(invitation.pairId))) {
    onStage('Receiving your pair’s keys');
    try {
      await keepContentKeys(await takeInvitationKeys(connection, invitation.pairId, invitation.secret));
      // In the pair's device registry, for the keys made when a device is removed; the sync's start tries again.
      await registerThisDevice(connection, invitation.pairId, 'partner', invitation.personId).catch(() => undefined);
      // A pair this device synced before it was sealed sends its records again, sealed.
      if (account?.pairIds.includes(invitation.pairId)) await joinAgainWithHistory(invitation.pairId);
    } catch (failure) {
      return failure instanceof InvitationKeysError ? failure.message : setUpFailureMessage(failure);
    }
  }
  try {
    saveSyncAccount({
      serverUrl: invitation.serverUrl,
      personId: invitation.personId,
      role: 'partner',
      pairIds: [...new Set([...(account?.pairIds ?? []), invitation.pairId])],
      since: account?.since ?? new Date().toISOString(),
    });
    return null;
  } catch (failure) {
    return setUpFailureMessage(failure);
  }
}
