import { Fragment, useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { usePairList } from '../../data/pairs';
import { useSyncAccount } from '../../data/syncAccount';
import { useCurrentViewer } from '../../data/viewer';
import { Loading } from '../../ui/Loading';
import { SyncAccountDetails } from '../../ui/SyncAccountDetails';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { ConnectForm } from './ConnectForm';
import { CoordinatorDeviceLink } from './CoordinatorDeviceLink';
import { NewDeviceLinks } from './NewDeviceLinks';
import { PairDevices } from './PairDevices';
import { SealDirectoryCard } from './SealDirectoryCard';
import { SetAsideList } from './SetAsideList';
import { SyncPairList } from './SyncPairList';

/** Sync with the program's server: connect (a coordinator), the account, the pairs to invite, what was set aside. */
export function SyncPage() {
  useDocumentTitle('Sync with your program');
  const account = useSyncAccount();
  const { viewer, person } = useCurrentViewer();
  const rows = usePairList();
  const { hash } = useLocation();

  // The status's "documents set aside" link lands on their list.
  useEffect(() => {
    if (hash === '#set-aside') document.getElementById('set-aside')?.focus();
  }, [hash]);

  return (
    <section className="narrow sync-page">
      <h1>Sync with your program</h1>
      {account ? (
        <section aria-labelledby="account-heading" className="card">
          <h2 id="account-heading">This device syncs</h2>
          <SyncAccountDetails account={account} personName={person?.name} />
          <p>
            To stop, or to see this again, go to <Link to="/settings">Settings</Link>: stopping keeps every record on
            this device.
          </p>
        </section>
      ) : viewer?.role === 'coordinator' ? (
        rows ? (
          <ConnectForm personId={viewer.personId} pairIds={rows.map((row) => row.pair.id)} />
        ) : (
          <Loading what="Reading the pairs on this device" />
        )
      ) : (
        <p>
          Your program’s coordinator connects the program to its server and sends each mentor and mentee an invitation:
          a link and a short code. Open the link on this device to sync your pair here. Until then, everything stays on
          this device only.
        </p>
      )}
      {account?.role === 'coordinator' ? (
        rows ? (
          <SyncPairList rows={rows} />
        ) : (
          <Loading what="Reading the pairs on this device" />
        )
      ) : null}
      {account?.role === 'coordinator' ? <SealDirectoryCard account={account} /> : null}
      {/* Once the coordinator's person is read: the link greets them by name on the new device. */}
      {account?.role === 'coordinator' && person !== undefined ? (
        <CoordinatorDeviceLink account={account} personName={person?.name ?? ''} />
      ) : null}
      {account?.role === 'partner'
        ? (rows ?? [])
            .filter((row) => account.pairIds.includes(row.pair.id))
            .map((row) => (
              <Fragment key={row.pair.id}>
                <NewDeviceLinks account={account} row={row} />
                <PairDevices account={account} row={row} />
              </Fragment>
            ))
        : null}
      {account ? <SetAsideList /> : null}
    </section>
  );
}
