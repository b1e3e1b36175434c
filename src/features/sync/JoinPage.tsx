import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSyncAccount } from '../../data/syncAccount';
import { readCoordinatorDeviceLink } from '../../domain/coordinatorDeviceLink';
import { readInvitation } from '../../domain/invitation';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { CoordinatorJoinForm } from './CoordinatorJoinForm';
import { DeviceJoinForm } from './DeviceJoinForm';
import { FetchingPair } from './FetchingPair';
import { JoinForm } from './JoinForm';
import './sync.css';

/**
 * Accepting an invitation: the link's fragment says who is invited, to which pair, on which server.
 * It is read here and nowhere else (a fragment never reaches a server), then cleared from the
 * address bar so that it stays out of the history and of anything copied from there.
 */
export function JoinPage() {
  useDocumentTitle('Join your program');
  const { hash, pathname } = useLocation();
  const navigate = useNavigate();
  const [invitation] = useState(() => readInvitation(hash));
  const [coordinatorLink] = useState(() => readCoordinatorDeviceLink(hash));
  const [joined, setJoined] = useState(false);
  const account = useSyncAccount();

  useEffect(() => {
    if (hash) void navigate({ pathname }, { replace: true });
  }, [hash, pathname, navigate]);

  if (coordinatorLink.kind === 'damaged') {
    return (
      <section className="narrow">
        <h1>Let in another device of yours</h1>
        <p className="form-error" role="alert">
          This link is incomplete: part of it was lost when it was copied. Copy the whole link again, or scan its QR
          code, from the device that made it; or make a new link there.
        </p>
      </section>
    );
  }
  if (coordinatorLink.kind === 'link') {
    const { link } = coordinatorLink;
    const sameAccount = account?.personId === link.personId && account.serverUrl === link.serverUrl;
    return (
      <section className="narrow sync-page">
        <h1>Welcome{link.name ? `, ${link.name}` : ''}</h1>
        {account && !sameAccount ? (
          <p className="notice">
            This device already syncs with a program’s server as someone else. To let it in as the program’s
            coordinator, first stop syncing on this device in <Link to="/settings">Settings</Link> (its records stay),
            then open the link again.
          </p>
        ) : (
          <CoordinatorJoinForm link={link} account={sameAccount ? account : null} />
        )}
      </section>
    );
  }
  if (!invitation) {
    return (
      <section className="narrow">
        <h1>Join your program</h1>
        <p>
          This page opens from an invitation link your program’s coordinator sent you. The link that opened it was
          incomplete, or it was already read here and cleared from the address bar: open the link you were given again.
        </p>
      </section>
    );
  }
  if (joined) return <FetchingPair invitation={invitation} />;
  const otherAccount =
    account && (account.personId !== invitation.personId || account.serverUrl !== invitation.serverUrl);
  return (
    <section className="narrow sync-page">
      <h1>Welcome{invitation.name ? `, ${invitation.name}` : ''}</h1>
      {otherAccount ? (
        <p className="notice">
          This device already syncs with a program’s server as someone else. To accept this invitation here, first stop
          syncing on this device in <Link to="/settings">Settings</Link> (its records stay), then open the link again.
        </p>
      ) : invitation.device ? (
        <DeviceJoinForm invitation={invitation} account={account} onJoined={() => setJoined(true)} />
      ) : (
        <JoinForm invitation={invitation} account={account} onJoined={() => setJoined(true)} />
      )}
    </section>
  );
}
